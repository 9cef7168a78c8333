newsdex-index --db "$WORK/bad" --errors "$WORK/bad-errors.jsonl" tests/fixtures/bad/* | sed "s/in [0-9.]* s.*//"; rc=${PIPESTATUS[0]}
echo "--- errors file:"; sed "s#$ROOT#\$ROOT#g" "$WORK/bad-errors.jsonl"
echo "--- indexed (first five, and how many):"
newsdex-query --db "$WORK/bad" --json -n 5000 "NOT несуществующее" | cut -d, -f3 | sort > "$WORK/bad-ids"
head -5 "$WORK/bad-ids"; wc -l < "$WORK/bad-ids"
exit $rc
