d="$WORK/digest"; mkdir -p "$d/src"
cp corpus/007_hockey-world-championship.txt corpus/008_rostov-football.txt "$d/src/"
newsdex-index --db "$d/db" --quiet "$d/src"
echo "--- first digest: everything"; newsdex-query --db "$d/db" --new --ids --topic sport
echo "--- nothing new"; newsdex-query --db "$d/db" --new --ids --topic sport; echo "exit: $?"
sleep 1; cp "$ROOT/corpus/feeds/wire-2025.jsonl" "$d/src/"; newsdex-index --db "$d/db" --quiet "$d/src"
echo "--- after a new batch"; newsdex-query --db "$d/db" --new --ids --topic sport
echo "--- another query has its own state"; newsdex-query --db "$d/db" --new --ids --topic culture
