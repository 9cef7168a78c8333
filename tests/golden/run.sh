#!/usr/bin/env bash
# Golden CLI tests: build a fresh index of corpus/ with the real indexer, run
# each case in tests/golden/cases/*.cmd through the real binaries, and
# compare stdout, stderr and the exit code with the case's .out file.
#
# Usage: run.sh NEWSDEX_INDEX NEWSDEX_QUERY [--update]
# Run from the repository root (ctest does). --update rewrites the .out files.
set -u
index_bin=$1 query_bin=$2 update=${3:-}
root=$(pwd)
cases=$root/tests/golden/cases
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export DB=$work/db WORK=$work ROOT=$root NO_COLOR=1 LC_ALL=C.UTF-8
unset NEWSDEX_DB
newsdex-index() { "$index_bin" "$@"; }
newsdex-query() { "$query_bin" "$@"; }
export -f newsdex-index newsdex-query
export index_bin query_bin

if ! "$index_bin" --db "$DB" --base "$root" --quiet corpus >"$work/index.log" 2>&1; then
    echo "golden: indexing corpus/ failed:"; cat "$work/index.log"; exit 1
fi

passed=0 failed=0
for cmd in "$cases"/*.cmd; do
    name=$(basename "$cmd" .cmd)
    expected=$cases/$name.out
    actual=$work/$name.actual
    {
        (cd "$root" && bash -c "$(cat "$cmd")" 2>"$work/stderr"; echo "exit: $?") >"$work/stdout"
        cat "$work/stdout"
        if [ -s "$work/stderr" ]; then echo "stderr:"; cat "$work/stderr"; fi
    } | sed -e "s#$work#\$WORK#g" -e "s#$root#\$ROOT#g" >"$actual"
    if [ "$update" = "--update" ]; then
        cp "$actual" "$expected"
        echo "updated $name"
    elif diff -u "$expected" "$actual" >"$work/diff"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $name: $(head -1 "$cmd")"
        cat "$work/diff"
    fi
done
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
