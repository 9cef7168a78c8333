d="$WORK/cleanup"; mkdir -p "$d"
newsdex-index --db "$d/db" --quiet corpus
echo "--- a compaction that fails (disk full: a file size limit stands in) leaves no half-written generation"
largest=$(find "$d/db" -type f -printf "%s\n" | sort -n | tail -1)
( ulimit -f $(( largest / 1024 / 2 )); newsdex-index --db "$d/db" compact >/dev/null 2>&1; echo "compact: exit $?" )
ls "$d/db"
newsdex-index --db "$d/db" check | tail -1
echo "--- a first run in segments that fails leaves no segments"
( ulimit -f 64; newsdex-index --db "$d/seg" --segments always --quiet corpus >/dev/null 2>&1; echo "index: exit $?" )
find "$d/seg" -name "segments*" | wc -l
newsdex-index --db "$d/seg" --segments always --quiet corpus; echo "index: exit $?"
newsdex-query --db "$d/seg" --count "NOT zzzqqq"
