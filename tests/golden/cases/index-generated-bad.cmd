d="$WORK/gen"; mkdir -p "$d/in"
# a 100 MB file that is one line, as text and as JSON Lines
head -c 100000000 /dev/zero | tr '\0' 'a' > "$d/in/oneline.txt"
cp "$d/in/oneline.txt" "$d/in/oneline.jsonl"; echo >> "$d/in/oneline.jsonl"
printf '{"id":"after-long","title":"После длинной строки","text":"Текст"}\n' >> "$d/in/oneline.jsonl"
# a symlink loop
ln -s loop-b "$d/in/loop-a"; ln -s loop-a "$d/in/loop-b"
printf 'Хорошая статья\nТекст статьи о пошлинах.\n' > "$d/in/good.txt"
newsdex-index --db "$d/db" "$d/in" | sed "s/in [0-9.]* s.*//"; echo "exit: ${PIPESTATUS[0]}"
rm -f "$d/in/oneline.txt" "$d/in/oneline.jsonl"
# unreadable file: run as an unprivileged user when we are root
printf 'Закрытая статья\nТекст.\n' > "$d/secret.txt"; chmod 000 "$d/secret.txt"
chmod a+x "$WORK"; chmod 777 "$d"; chmod -R a+rwX "$d/db"
if [ "$(id -u)" = 0 ]; then as_user="setpriv --reuid=nobody --regid=nogroup --clear-groups"; else as_user=""; fi
$as_user "$index_bin" --db "$d/db" "$d/secret.txt" | sed "s/in [0-9.]* s.*//"; echo "exit: ${PIPESTATUS[0]}"
# a path that vanishes during the run: the indexer blocks reading a FIFO
# while the file after it is deleted
mkfifo "$d/first.jsonl"; printf 'Исчезающая статья\nТекст.\n' > "$d/vanishing.txt"
"$index_bin" --db "$d/db" "$d/first.jsonl" "$d/vanishing.txt" > "$d/out" 2> "$d/err" &
pid=$!
sleep 0.5; rm -f "$d/vanishing.txt"
printf '{"id":"fifo-1","title":"Из канала","text":"Текст"}\n' > "$d/first.jsonl"
wait $pid; echo "exit: $?"
sed "s/in [0-9.]* s.*//" "$d/out"; cat "$d/err" >&2
