d="$WORK/unfinished"; mkdir -p "$d/src"
for i in 1 2 3; do printf '{"id": "u-%s", "title": "Заметка %s", "text": "Пошлины на уголь выросли в %s раза."}\n' $i $i $i; done > "$d/src/feed.jsonl"
run() { newsdex-index --db "$d/db" "$@" | sed "s/ in [0-9.]* s ([0-9.]* MB\/s)//"; echo "exit: ${PIPESTATUS[0]}"; }
echo "--- first run"; run "$d/src"
echo "--- a run cut short while reading the file: its articles committed, its record not written"
sqlite3 "$(ls -d "$d"/db/gen-*)/catalog.sqlite" "DELETE FROM files"
echo "--- the file loses an article before the next run: that run removes it"
grep -v '"u-2"' "$d/src/feed.jsonl" > "$d/feed.tmp" && mv "$d/feed.tmp" "$d/src/feed.jsonl"
run "$d/src"
newsdex-query --db "$d/db" --ids "уголь" | sort
echo "--- check"; newsdex-index --db "$d/db" check
