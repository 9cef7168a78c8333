d="$WORK/rej"; mkdir -p "$d"; printf "{\"id\":\"ok-1\",\"title\":\"Тест\",\"text\":\"Проверка\"}\n{broken\n" > "$d/f.jsonl"; : > "$d/empty.txt"; newsdex-index --db "$d/db" --base "$d" "$d" | sed "s/in [0-9.]* s.*//"; echo "exit: ${PIPESTATUS[0]}"
# A path that does not exist is an error before anything is done (as for grep), not a reject.
newsdex-index --db "$d/db2" --base "$d" "$d" "$d/missing.txt"; echo "exit: $?"; ls "$d"
newsdex-index --db "$d/db" --base "$d" chek; echo "exit: $?"
