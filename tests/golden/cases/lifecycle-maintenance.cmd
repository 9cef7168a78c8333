d="$WORK/maint"; mkdir -p "$d"
newsdex-index --db "$d/db" --quiet corpus
newsdex-index --db "$d/db" check; echo "check: exit $?"
newsdex-index --db "$d/db" compact | sed -E "s/\([0-9.]+ MB\)/(SIZE)/g"; echo "compact: exit $?"
ls "$d/db"
newsdex-query --db "$d/db" -n 1 --json "премьера балета" | cut -d, -f3
newsdex-index --db "$d/db" --rebuild corpus | sed "s/ in [0-9.]* s.*//"; echo "rebuild: exit ${PIPESTATUS[0]}"
ls "$d/db"
newsdex-index --db "$d/db" stats | sed -E "s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]+Z/TIME/g; s/\([0-9.]+ MB\)/(SIZE)/; s/, [0-9.]+ MB\)/, SIZE)/; s# in [0-9.]+ s.*##; s#$WORK#\$WORK#"
echo "--- an interrupted rebuild leaves the live index alone"
mkfifo "$d/feed"
"$index_bin" --db "$d/db" --rebuild --quiet - < "$d/feed" & pid=$!
exec 7> "$d/feed"; sleep 0.5; ls "$d/db"; kill -9 $pid; wait $pid 2>/dev/null; exec 7>&-
newsdex-query --db "$d/db" -n 1 --json "премьера балета" | cut -d, -f3
newsdex-index --db "$d/db" --quiet corpus; ls "$d/db"
echo "--- check on a damaged catalog"
db=$(ls -d "$d"/db/gen-*); sqlite3 "$db/catalog.sqlite" "DELETE FROM articles WHERE id = 'corpus/009_bolshoi-ballet-premiere.txt'"
newsdex-index --db "$d/db" check --no-repair; echo "check --no-repair: exit $?"
newsdex-index --db "$d/db" check; echo "check: exit $?"
newsdex-index --db "$d/db" corpus | sed "s/ in [0-9.]* s.*//"
newsdex-query --db "$d/db" -n 1 --json "премьера балета" | cut -d, -f3
