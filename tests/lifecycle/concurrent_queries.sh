#!/usr/bin/env bash
# Queries never fail while the index is written: two loops run newsdex-query
# over and over while, one after another, an incremental run (10% of the
# files changed, 200 added), a --rebuild, a compact, and an incremental run
# after 100 files were deleted change the index. Every query must exit 0 or
# 1 (never 2), print JSON Lines that parse, and, for the query that matches
# every article, see a whole index: never fewer documents than the smallest
# index of the sequence, never more than the largest.
#
# Usage: concurrent_queries.sh NEWSDEX_INDEX NEWSDEX_QUERY
# Needs python3. The last line is "concurrent-queries: N passed, M failed",
# counting queries.
set -u
if [ $# -lt 2 ]; then
    echo "usage: concurrent_queries.sh NEWSDEX_INDEX NEWSDEX_QUERY" >&2
    exit 2
fi
index_bin=$(realpath "$1") query_bin=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)

articles_count=2000 added=200 deleted=100 batch=50 loops=2 min_queries=50
command -v python3 >/dev/null || { echo "concurrent-queries: python3 is required"; exit 2; }
py=$(python3 -c 'import sys; print(sys.executable)')  # not a slow version-manager shim

export LC_ALL=C.UTF-8 NO_COLOR=1
unset NEWSDEX_DB

work=$(mktemp -d)
loop_pids=()
cleanup() {
    local pid
    for pid in "${loop_pids[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

src=$work/articles db=$work/db

# One query loop: runs the queries in turn until STOP exists, then writes
# "queries failures" to RESULT. Failures, with the query's stderr, go to LOG.
cat >"$work/query_loop.py" <<'EOF'
import json, os, subprocess, sys

query_bin, db, stop, result, log, first, min_docs, max_docs = sys.argv[1:9]
min_docs, max_docs = int(min_docs), int(max_docs)
EVERYTHING = "NOT zzzzqqq"
QUERIES = [
    (EVERYTHING, 100000), ("пошлины", 10), ("санкции", 1000), ('"премьера балета"', 10),
    ("Токаев", 100000), ("нефть OR газ", 50), ("хоккей", 10), ("суд NOT выборы", 1000),
    ("title:статья", 20), ("zzzzqqq", 10), ("тариф*", 100), (EVERYTHING, 10),
]
runs = failures = 0
i = int(first)
with open(log, "a", encoding="utf-8") as out:
    def fail(query, limit, why, proc):
        out.write(f"query {query!r} -n {limit}: {why}\n  stderr: {proc.stderr.strip()[:500]}\n")
        out.flush()
    while not os.path.exists(stop):
        query, limit = QUERIES[i % len(QUERIES)]
        i += 1
        # Every document, not one a story thread: the counts are documents.
        proc = subprocess.run([query_bin, "--db", db, "--json", "--no-collapse", "-n", str(limit), query],
                              capture_output=True, text=True)
        runs += 1
        why = None
        if proc.returncode not in (0, 1):
            why = f"exit {proc.returncode}"
        else:
            try:
                hits = [json.loads(line) for line in proc.stdout.splitlines()]
                if not all(isinstance(h, dict) and "id" in h for h in hits):
                    why = "a hit without an id"
                elif (proc.returncode == 0) != bool(hits):
                    why = f"exit {proc.returncode} with {len(hits)} hits"
                elif query == EVERYTHING and not min(limit, min_docs) <= len(hits) <= max_docs:
                    why = f"{len(hits)} documents match everything, expected {min_docs}..{max_docs}"
            except ValueError as e:
                why = f"output does not parse: {e}"
        if why:
            failures += 1
            fail(query, limit, why, proc)
with open(result, "w") as f:
    f.write(f"{runs} {failures}\n")
EOF

index() {  # STEP [options]: an indexer run; a failure ends the test
    local step=$1 rc
    shift
    "$index_bin" --db "$db" --batch-size "$batch" --base "$src" "$@" >"$work/step.log" 2>&1
    rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "concurrent-queries: $step exited $rc:"; cat "$work/step.log"
        step_failed=1
    else
        echo "  $step: $(tail -1 "$work/step.log")"
    fi
}

# --- the starting index ---------------------------------------------------
"$py" "$here/make_articles.py" "$src" "$articles_count" concurrent || { echo "concurrent-queries: cannot make articles"; exit 2; }
step_failed=0
index "first run" "$src"
[ "$step_failed" -eq 0 ] || exit 2

# --- queries, while the index changes -------------------------------------
for n in $(seq 1 "$loops"); do
    "$py" "$work/query_loop.py" "$query_bin" "$db" "$work/stop" "$work/result-$n" "$work/failures.log" \
        "$((n * 5))" "$articles_count" "$((articles_count + added))" &
    loop_pids+=($!)
done
sleep 0.5  # the loops are querying before the first write

started=$(date +%s.%N)
# 10% of the articles changed (a sentence added), and new ones.
find "$src" -name '*.txt' | sort | awk 'NR % 10 == 3' | while read -r f; do
    echo "Дополнение к статье: материал обновлен, добавлены новые подробности." >>"$f"
done
"$py" "$here/make_articles.py" "$src" "$added" concurrent --start "$articles_count"
index "incremental run (200 changed, $added added)" "$src"
index "rebuild" --rebuild "$src"
if "$index_bin" --db "$db" compact >"$work/step.log" 2>&1; then
    echo "  compact: $(tail -1 "$work/step.log")"
else
    echo "concurrent-queries: compact failed:"; cat "$work/step.log"; step_failed=1
fi
find "$src" -name '*.txt' | sort | awk 'NR % 20 == 7' | head -n "$deleted" | xargs rm -f
index "incremental run ($deleted deleted)" "$src"
sleep 0.5  # and after the last one
writes=$(date +%s.%N)

touch "$work/stop"
for pid in "${loop_pids[@]}"; do wait "$pid"; done
loop_pids=()

runs=0 failures=0
for n in $(seq 1 "$loops"); do
    if [ ! -s "$work/result-$n" ]; then echo "concurrent-queries: query loop $n died"; step_failed=1; continue; fi
    read -r r f <"$work/result-$n"
    runs=$((runs + r)) failures=$((failures + f))
done
if "$index_bin" --db "$db" check >"$work/check.log" 2>&1; then
    echo "  check: $(tail -1 "$work/check.log")"
else
    echo "concurrent-queries: check after the writes failed:"; cat "$work/check.log"; step_failed=1
fi
final=$("$query_bin" --db "$db" --json --no-collapse -n 100000 'NOT zzzzqqq' | wc -l)
expected=$((articles_count + added - deleted))
if [ "$final" -ne "$expected" ]; then
    echo "concurrent-queries: the final index has $final documents, expected $expected"; step_failed=1
fi

echo "concurrent-queries: $runs queries in $("$py" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$started" "$writes") s of writes, $failures failed"
if [ -s "$work/failures.log" ]; then
    echo "failed queries:"
    head -n 40 "$work/failures.log"
fi
[ "$runs" -ge "$min_queries" ] || echo "concurrent-queries: only $runs queries ran (at least $min_queries needed)"
echo "concurrent-queries: $((runs - failures)) passed, $failures failed"
[ "$failures" -eq 0 ] && [ "$runs" -ge "$min_queries" ] && [ "$step_failed" -eq 0 ]
