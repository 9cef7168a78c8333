newsdex-query show --help
echo "--- options before or after the subcommand's name are the same"
a=$(newsdex-query --db "$DB" --json show wire-000003); b=$(newsdex-query show wire-000003 --json --db "$DB"); [ -n "$a" ] && [ "$a" = "$b" ] && echo same
echo "--- suggest --json: JSON Lines"
newsdex-query --db "$DB" suggest --topic tariffs --json | head -3
newsdex-query suggest --db "$DB" --json --topic tariffs | python3 -c 'import json, sys; lines = [json.loads(l) for l in sys.stdin]; print(len(lines), "lines,", sorted({l["type"] for l in lines}), all(list(l) == ["type", "term", "weight"] and round(l["weight"], 2) == l["weight"] for l in lines))'
echo "--- still refused across the subcommand's name"
newsdex-query --db "$DB" --json similar wire-000003 --ids; echo "exit: $?"
