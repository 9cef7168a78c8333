# Anyone who can write into an index directory could plant links there; the
# indexer (often root, from cron) must write through none of them.
d="$WORK/planted"; mkdir -p "$d/db" "$d/stub" "$d/archive"
printf 'precious\n' > "$d/outside"
ln -s "$d/outside" "$d/db/lock"
newsdex-index --db "$d/db" --quiet corpus; echo "symlinked lock: exit $?"
ls "$d/db"
# The stub is written as index.stub.tmp-PID and renamed: plant a link at
# that name from a shell that then becomes the indexer (exec keeps its pid).
plant_and_index() {  # TEMPNAME DB ARGS...
    bash -c 'ln -s "$1" "$3/$2-$$"; shift 2; exec "$index_bin" --db "$@"' _ "$d/outside" "$@"
}
plant_and_index index.stub.tmp "$d/stub" --quiet corpus; echo "planted stub temp: exit $?"
newsdex-query --db "$d/stub" --count пошлины; ls "$d/stub"
# A sharded archive's new-shards list, and its stub's temporary file.
ln -s "$d/outside" "$d/archive/new-shards"
newsdex-index --db "$d/archive" --shard-by month --quiet corpus; echo "planted new-shards: exit $?"
rm "$d/archive/new-shards"
plant_and_index archive.stub.tmp "$d/archive" --shard-by month --quiet corpus; echo "planted archive stub temp: exit $?"
# A link planted at the name of the generation a compaction writes next is
# removed as stale before it starts: nothing is written elsewhere.
mkdir -p "$d/elsewhere"; ln -s "$d/elsewhere" "$d/stub/gen-000002"
newsdex-index --db "$d/stub" compact >/dev/null; echo "planted generation: exit $?"
ls "$d/elsewhere" | wc -l
echo "--- outside:"; cat "$d/outside"
