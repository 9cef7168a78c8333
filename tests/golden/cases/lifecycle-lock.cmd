d="$WORK/lock"; mkdir -p "$d"
newsdex-index --db "$d/db" --quiet corpus
# A writer that holds the lock while it waits for input on a pipe.
mkfifo "$d/feed"
"$index_bin" --db "$d/db" --quiet - < "$d/feed" & holder=$!
exec 7> "$d/feed"   # open the pipe's writing end; the holder now reads (and waits)
sleep 0.5
newsdex-index --db "$d/db" corpus 2>&1 | sed -E "s/pid [0-9]+ since [0-9TZ:-]+/pid PID since TIME/"; echo "busy: exit ${PIPESTATUS[0]}"
( sleep 1; printf '{"id":"late-1","title":"Поздняя статья","text":"Текст"}\n' >&7; exec 7>&- ) &
exec 7>&-
newsdex-index --db "$d/db" --wait 20 corpus | sed "s/ in [0-9.]* s.*//"; echo "waited: exit ${PIPESTATUS[0]}"
wait $holder; echo "holder: exit $?"
# A writer killed with SIGKILL leaves no stale lock.
"$index_bin" --db "$d/db" --quiet - < "$d/feed" & holder=$!
exec 7> "$d/feed"; sleep 0.5; kill -9 $holder; wait $holder 2>/dev/null; exec 7>&-
newsdex-index --db "$d/db" corpus | sed "s/ in [0-9.]* s.*//"; echo "after kill -9: exit ${PIPESTATUS[0]}"
newsdex-index --db "$d/db" check
