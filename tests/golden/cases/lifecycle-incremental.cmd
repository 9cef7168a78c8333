d="$WORK/life"; mkdir -p "$d/src"; cp corpus/0*.txt "$d/src/"
run() { newsdex-index --db "$d/db" "$@" | sed "s/ in [0-9.]* s ([0-9.]* MB\/s)//"; echo "exit: ${PIPESTATUS[0]}"; }
echo "--- first run"; run "$d/src"
echo "--- nothing changed"; run "$d/src"
echo "--- touched but not changed"; touch "$d/src/001_steel-tariffs.txt"; run "$d/src"
echo "--- one edited, one renamed, one deleted"
echo "Дополнение к статье." >> "$d/src/004_russia-indonesia-consultations.txt"
mv "$d/src/005_eu-sanctions-extension.txt" "$d/src/005-renamed.txt"
rm "$d/src/006_tanker-sanctions.txt"
run "$d/src"
newsdex-query --db "$d/db" -n 1 --json "Дополнение" | cut -d, -f3
newsdex-query --db "$d/db" -n 1 "\"судоходных компаний\""; echo "deleted article found: $? (1 means no)"
echo "--- deleted again, but kept"; rm "$d/src/007_hockey-world-championship.txt"; run --keep-deleted "$d/src"
newsdex-query --db "$d/db" -n 1 --json "хоккею" | cut -d, -f3
echo "--- a duplicate's original deleted: the copy takes its place"
cp "$d/src/008_rostov-football.txt" "$d/copy-of-008.txt"; run "$d/src" "$d/copy-of-008.txt"
rm "$d/src/008_rostov-football.txt"; run "$d/src" "$d/copy-of-008.txt"
newsdex-query --db "$d/db" -n 1 --json "Крылья Советов" | cut -d, -f3
echo "--- a new copy (other bytes, same article) whose original is deleted in the same run takes its place"
{ cat "$d/src/009_bolshoi-ballet-premiere.txt"; echo; } >"$d/copy-of-009.txt"; rm "$d/src/009_bolshoi-ballet-premiere.txt"
run "$d/src" "$d/copy-of-008.txt" "$d/copy-of-009.txt"
newsdex-query --db "$d/db" -n 1 --json "Большой театр" | cut -d, -f3
echo "--- nothing changed"; run "$d/src" "$d/copy-of-008.txt" "$d/copy-of-009.txt"
echo "--- a file named twice is read once"
run "$d/src" "$d/src/010_kinotavr-film-festival.txt" "$d/copy-of-008.txt" "$d/copy-of-009.txt" "$d/src"
newsdex-index --db "$d/fresh" "$d/src" "$d/src/010_kinotavr-film-festival.txt" | sed "s/ in [0-9.]* s ([0-9.]* MB\/s)//"
echo "--- check"; newsdex-index --db "$d/db" check
newsdex-index --db "$d/db" stats | grep -E "^(articles|duplicates|files|sources):"
