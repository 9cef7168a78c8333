d="$WORK/damage"; mkdir -p "$d/new"
newsdex-index --db "$d/db" --quiet corpus
flip() {  # TABLE: flip one byte inside a block (past its header) of the live table
    python3 -c 'import sys; p = sys.argv[1]; b = bytearray(open(p, "rb").read()); b[(len(b) // 2 + 3001) % len(b)] ^= 0x55; open(p, "wb").write(b)' "$(ls -d "$d"/db/gen-*)/xapian/$1.glass"
}
for table in postlist docdata position; do
    echo "--- a byte flipped in $table"
    rm -rf "$d/copy"; cp -a "$d/db" "$d/copy"
    flip "$table"
    printf 'Заметка\nТекст про %s.\n' "$table" > "$d/new/$table.txt"
    newsdex-index --db "$d/db" --quiet corpus; echo "no-change run: exit $?"
    newsdex-index --db "$d/db" "$d/new" 2>&1 | sed "s#$WORK#\$WORK#"; echo "exit: ${PIPESTATUS[0]}"
    newsdex-index --db "$d/db" compact 2>&1 | sed "s#$WORK#\$WORK#"; echo "compact: exit ${PIPESTATUS[0]}"
    newsdex-index --db "$d/db" check | head -1 | cut -c1-80; echo "check: exit ${PIPESTATUS[0]}"
    rm -rf "$d/db"; mv "$d/copy" "$d/db"; rm -f "$d/new/$table.txt"
done
echo "--- an index that was only read stays as it was sealed"
newsdex-query --db "$d/db" --count пошлины
printf 'Заметка\nНовый текст.\n' > "$d/new/ok.txt"
newsdex-index --db "$d/db" --quiet "$d/new"; echo "exit: $?"
newsdex-index --db "$d/db" --quiet "$d/new"; echo "exit: $?"
echo "--- check --accept-changes takes the files as they are"
flip docdata
newsdex-index --db "$d/db" check --accept-changes | tail -1; echo "check --accept-changes: exit ${PIPESTATUS[0]}"
