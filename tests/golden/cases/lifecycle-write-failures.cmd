d="$WORK/fail"; mkdir -p "$d"
newsdex-index --db "$d/db" --quiet corpus
before=$(newsdex-query --db "$d/db" --json -n 1000 "NOT zzzqqq" | wc -l)
echo "--- read-only index directory"
chmod a+x "$WORK" "$d"; chmod -R a+rX,a-w "$d/db"
if [ "$(id -u)" = 0 ]; then as_user="setpriv --reuid=nobody --regid=nogroup --clear-groups"; else as_user=""; fi
$as_user "$index_bin" --db "$d/db" "$ROOT/tests/fixtures/formats/feed.jsonl"; echo "exit: $?"
$as_user "$query_bin" --db "$d/db" -n 1 --json пошлины | cut -d, -f3
chmod -R u+w "$d/db"
echo "--- disk full (a file size limit stands in for it)"
largest=$(find "$d/db" -type f -printf "%s\n" | sort -n | tail -1)
( ulimit -f $(( largest / 1024 + 1 )); "$index_bin" --db "$d/db" --batch-size 1000 "$ROOT/tests/fixtures/bad/truncated.jsonl.gz" 2>&1 >/dev/null | grep -v "truncated gzip" | sed -E "s/article [^:]*: [^:]*(File too large|No space).*/article ID: FILE TOO LARGE/"; echo "exit: ${PIPESTATUS[0]}" )
after=$(newsdex-query --db "$d/db" --json -n 1000 "NOT zzzqqq" | wc -l)
echo "articles before: $before, after: $after"
newsdex-index --db "$d/db" check
