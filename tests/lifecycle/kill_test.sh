#!/usr/bin/env bash
# Crash safety: kill newsdex-index with SIGKILL at random moments while it
# builds an index, and check that what is left is either consistent or
# repaired by `check`, that catalog and index agree (checked independently of
# newsdex: sqlite3 for the catalog, newsdex-query for the index), and that a
# rerun ends with exactly the index one clean run builds.
#
# Usage: kill_test.sh NEWSDEX_INDEX NEWSDEX_QUERY [--long]
#   --long              60 trials instead of 20
#   KILL_TEST_SEED=N    seed of the kill schedule (default 1; printed)
#   KILL_TEST_TRIALS=N  number of trials (overrides --long)
#   KILL_TEST_OPTIONS="..."  more newsdex-index options for every run (e.g.
#                       --segments always: kill parallel first runs)
#   KILL_TEST_MODE=M    what is killed (default first):
#                       first         a first run into an empty directory
#                       incremental   a run adding half the articles to an
#                                     index of the other half
#                       rebuild       --rebuild of the complete index
#                       compact       `compact` of the complete index
#                       catalog-loss  a first run, after whose kill the
#                                     catalog is deleted as well: the rerun
#                                     must rebuild it and lose nothing
# Needs python3 and the sqlite3 command-line shell (Debian package sqlite3).
# Each trial prints one line; the last line is "kill-test: N passed, M failed".
set -u
if [ $# -lt 2 ]; then
    echo "usage: kill_test.sh NEWSDEX_INDEX NEWSDEX_QUERY [--long]" >&2
    exit 2
fi
index_bin=$(realpath "$1") query_bin=$(realpath "$2") mode=${3:-}
here=$(cd "$(dirname "$0")" && pwd)

articles_count=2500
batch=50
trials=20
[ "$mode" = "--long" ] && trials=60
trials=${KILL_TEST_TRIALS:-$trials}
seed=${KILL_TEST_SEED:-1}
mode=${KILL_TEST_MODE:-first}
case $mode in first|incremental|rebuild|compact|catalog-loss) ;; *) echo "kill-test: unknown mode $mode"; exit 2 ;; esac
article_seed=kill-test
read -r -a extra_options <<<"${KILL_TEST_OPTIONS:-}"

for tool in python3 sqlite3; do
    command -v "$tool" >/dev/null || { echo "kill-test: $tool is required"; exit 2; }
done
# The interpreter itself: version-manager shims take long to start.
py=$(python3 -c 'import sys; print(sys.executable)')

export LC_ALL=C.UTF-8 NO_COLOR=1
unset NEWSDEX_DB

work=$(mktemp -d)
bg_pid=
cleanup() {
    if [ -n "$bg_pid" ]; then kill -KILL "$bg_pid" 2>/dev/null; wait "$bg_pid" 2>/dev/null; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

src=$work/articles db=$work/db ref=$work/ref
queries=('пошлины' 'санкции' '"премьера балета"' 'Токаев' 'нефть OR газ' 'хоккей' 'суд' 'выборы')

now() { date +%s.%N; }
elapsed() { "$py" -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.2f}')" "$1" "$2"; }

index() {  # DB [options] — an indexer run over the articles, in the foreground
    local dir=$1; shift
    "$index_bin" --db "$dir" --batch-size "$batch" --base "$src" --quiet "${extra_options[@]}" "$@" "$src"
}

# Runs a query; fails if it errors (exit 2). The JSON lines go to OUT.json.
run_query() {  # DB QUERY OUT
    local rc
    "$query_bin" --db "$1" --json --no-collapse -n 100000 "$2" >"$3.json" 2>"$work/q.err"
    rc=$?
    if [ "$rc" -gt 1 ]; then
        echo "query '$2' exited $rc: $(head -c 300 "$work/q.err")"
        return 1
    fi
}

# OUT.json (query output) -> OUT (the hits' ids, sorted) and OUT.stories
# (each hit's id and story), for each OUT; fails if some output does not
# parse. One python for all: it is slow to start.
json_to_ids() {  # OUT...
    "$py" -c '
import json, sys
for out in sys.argv[1:]:
    ids, stories = [], []
    with open(out + ".json", encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                hit = json.loads(line)
                ids.append(hit["id"])
                stories.append(hit["id"] + " " + hit["story"])
            except (ValueError, KeyError, TypeError) as e:
                sys.exit(f"{out}.json:{n}: query output does not parse ({e})")
    with open(out, "w", encoding="utf-8") as f:
        f.writelines(i + "\n" for i in sorted(ids))
    with open(out + ".stories", "w", encoding="utf-8") as f:
        f.writelines(s + "\n" for s in sorted(stories))
' "$@"
}

live_catalog() {  # DB -> path of the live generation's catalog
    local target
    target=$(awk '{print $2; exit}' "$1/index.stub" 2>/dev/null) || return 1
    [ -n "$target" ] || return 1
    echo "$1/$(dirname "$target")/catalog.sqlite"
}

sql() {  # DB SQL
    local catalog
    catalog=$(live_catalog "$1") || { echo "no index.stub in $1"; return 1; }
    sqlite3 -readonly -batch "$catalog" "$2"
}

# Catalog rows and index documents are the same articles, one each.
agree() {  # DB LABEL
    local db=$1 label=$2 rows docs unique
    sql "$db" "SELECT id FROM articles" >"$work/cat.raw" || { echo "$label: cannot read the catalog"; return 1; }
    LC_ALL=C sort "$work/cat.raw" >"$work/cat.ids"  # code point order, as python sorts
    run_query "$db" 'NOT zzzzqqq' "$work/idx.ids" && json_to_ids "$work/idx.ids" || return 1
    rows=$(wc -l <"$work/cat.ids") docs=$(wc -l <"$work/idx.ids") unique=$(sort -u "$work/idx.ids" | wc -l)
    if [ "$rows" != "$docs" ] || [ "$docs" != "$unique" ] || ! cmp -s "$work/cat.ids" "$work/idx.ids"; then
        echo "$label: catalog ($rows rows) and index ($docs documents, $unique ids) disagree:" \
             "$(diff "$work/cat.ids" "$work/idx.ids" | grep '^[<>]' | head -5 | tr '\n' ' ')"
        return 1
    fi
}

# Everything the comparison with the reference looks at, into directory OUT.
snapshot() {  # DB OUT
    local db=$1 out=$2 i=0 q
    mkdir -p "$out"
    local outs=("$out/all")
    run_query "$db" 'NOT zzzzqqq' "$out/all" || return 1
    for q in "${queries[@]}"; do
        run_query "$db" "$q" "$out/query-$i" || return 1
        outs+=("$out/query-$i")
        i=$((i + 1))
    done
    json_to_ids "${outs[@]}" || return 1
    rm -f "$out"/*.json
    wc -l <"$out/all" >"$out/count"
    # Every column but docid (a crash may skip some), indexed_at and seen_run.
    sql "$db" "SELECT id, path, line, member, url, title, date, source, topic, tags, author, encoding, hash,
                      text_hash, size, story FROM articles ORDER BY id" >"$out/articles" || return 1
    sql "$db" "SELECT path, size, mtime_ns, inode, hash, articles FROM files ORDER BY path" >"$out/files" || return 1
}

same_as_reference() {  # DB LABEL
    local f what
    rm -rf "$work/snap"
    snapshot "$1" "$work/snap" || return 1
    for f in "$ref_snap"/*; do
        f=$(basename "$f")
        if ! cmp -s "$ref_snap/$f" "$work/snap/$f"; then
            case $f in
                query-*) what="hits of '${queries[${f#query-}]}'" ;;
                all) what="ids of all documents" ;;
                *.stories) what="story threads of the hits of ${f%.stories}" ;;
                count) what="document count ($(cat "$ref_snap/count") expected, $(cat "$work/snap/count") found)" ;;
                articles) what="catalog articles" ;;
                files) what="catalog file records (path, size, mtime, inode, hash, articles)" ;;
            esac
            echo "$2: $what differ from the reference:" \
                 "$(diff "$ref_snap/$f" "$work/snap/$f" | grep '^[<>]' | head -4 | cut -c1-160 | tr '\n' ' ')"
            return 1
        fi
    done
}

# The command a trial kills, for DB, by mode (the rerun of a trial is
# always a plain run over all the articles).
killed_command() {  # DB
    case $mode in
        rebuild) echo "$index_bin" --db "$1" --batch-size "$batch" --base "$src" --quiet "${extra_options[@]}" --rebuild "$src" ;;
        compact) echo "$index_bin" --db "$1" --quiet compact ;;
        *) echo "$index_bin" --db "$1" --batch-size "$batch" --base "$src" --quiet "${extra_options[@]}" "$src" ;;
    esac
}

# What DB holds before the killed command: nothing, or a copy of an index.
prepare_trial() {  # DB
    rm -rf "$1"
    case $mode in
        incremental) cp -a "$half" "$1" ;;
        rebuild|compact) cp -a "$ref" "$1" ;;
    esac
}

# Starts the mode's command in the background and SIGKILLs it after DELAY
# seconds. Sets outcome to "killed", or "finished (exit N)" if it ended by
# itself first. (Not run in a $(...) subshell: the EXIT trap must see bg_pid.)
run_and_kill() {  # DB DELAY
    local rc
    # shellcheck disable=SC2046  # paths here have no spaces (mktemp)
    $(killed_command "$1") >"$work/bg.out" 2>&1 &
    bg_pid=$!
    sleep "$2"
    kill -KILL "$bg_pid" 2>/dev/null
    wait "$bg_pid" 2>/dev/null
    rc=$?
    bg_pid=
    if [ "$rc" -eq 137 ]; then outcome=killed; else outcome="finished (exit $rc)"; fi
}

# --- articles and the reference index -------------------------------------
"$py" "$here/make_articles.py" "$src" "$articles_count" "$article_seed" || { echo "kill-test: cannot make articles"; exit 2; }
started=$(now)
index "$ref" >"$work/ref.log" 2>&1
rc=$?
duration=$(elapsed "$started" "$(now)")
if [ "$rc" -ne 0 ]; then echo "kill-test: the clean run failed (exit $rc):"; cat "$work/ref.log"; exit 2; fi
ref_snap=$work/ref-snapshot
snapshot "$ref" "$ref_snap" || { echo "kill-test: cannot read the reference index"; exit 2; }
agree "$ref" reference || exit 2
if [ "$mode" = incremental ]; then
    # The index of every other folder of articles: a trial adds the rest.
    half=$work/half
    mkdir -p "$work/hidden"
    for folder in $(ls "$src" | awk 'NR % 2 == 0'); do mv "$src/$folder" "$work/hidden/"; done
    index "$half" >"$work/half.log" 2>&1 || { echo "kill-test: cannot index half the articles:"; cat "$work/half.log"; exit 2; }
    mv "$work/hidden"/* "$src/"
fi
if [ "$mode" != first ] && [ "$mode" != catalog-loss ]; then
    # Kills are drawn from the time the mode's own command takes.
    prepare_trial "$db"
    started=$(now)
    $(killed_command "$db") >"$work/mode.log" 2>&1 || { echo "kill-test: the clean $mode run failed:"; cat "$work/mode.log"; exit 2; }
    duration=$(elapsed "$started" "$(now)")
fi
echo "kill-test: $articles_count articles, batch size $batch, ${extra_options[*]:+options ${extra_options[*]}, }mode $mode, clean run $duration s," \
     "$(cat "$ref_snap/count") documents; $trials trials, seed $seed"

# The kill schedule: a delay for every trial, and for every 3rd trial a
# second delay at which the rerun is killed too (the rerun has only what the
# first run left to do, so its delay is drawn from that much of the run).
"$py" - "$seed" "$trials" "$duration" >"$work/schedule" <<'EOF'
import random, sys
rng = random.Random(int(sys.argv[1]))
trials, duration = int(sys.argv[2]), max(float(sys.argv[3]), 0.1)
for t in range(1, trials + 1):
    first = rng.uniform(0.05, duration)
    second = rng.uniform(0.05, max(0.1, duration - first)) if t % 3 == 0 else 0
    print(t, f"{first:.3f}", f"{second:.3f}")
EOF

# --- trials ---------------------------------------------------------------
passed=0 failed=0 interrupted_count=0 finished_early=0
while read -r trial delay rerun_delay; do
    prepare_trial "$db"
    problem=
    note=
    run_and_kill "$db" "$delay"
    [ "$outcome" = killed ] || { finished_early=$((finished_early + 1)); note="run $outcome before the kill; "; }
    if [ "$mode" = catalog-loss ] && catalog=$(live_catalog "$db"); then
        rm -f "$catalog" "$catalog-wal" "$catalog-shm"
        note="${note}catalog deleted; "
    fi

    # (a) what the kill left, without repairing it
    interrupted=no
    if [ "$mode" = catalog-loss ]; then
        interrupted="catalog deleted"  # the rerun, not check, must bring it back
    elif [ ! -e "$db/index.stub" ]; then
        interrupted="no index yet"
    else
        "$index_bin" --db "$db" check --no-repair >"$work/check1.out" 2>&1
        rc=$?
        if grep -q "interrupted batch" "$work/check1.out"; then
            interrupted=yes
            interrupted_count=$((interrupted_count + 1))
            [ "$rc" -eq 2 ] || problem="check --no-repair exited $rc although it reported an interrupted batch"
        elif [ "$rc" -ne 0 ]; then
            problem="check --no-repair exited $rc without an interrupted batch: $(grep -m3 . "$work/check1.out" | tr '\n' ' ')"
        fi
        # (b) check repairs it
        if [ -z "$problem" ]; then
            "$index_bin" --db "$db" check >"$work/check2.out" 2>&1
            rc=$?
            repaired=$(grep -o 'repaired [0-9]*' "$work/check2.out" | grep -o '[0-9]*')
            [ -n "$repaired" ] && note="${note}check repaired $repaired; "
            [ "$rc" -eq 0 ] || problem="check exited $rc: $(grep -m3 . "$work/check2.out" | tr '\n' ' ')"
        fi
        # (c) catalog and index agree
        [ -z "$problem" ] && problem=$(agree "$db" "after check")
    fi

    # (d) every 3rd trial: kill the rerun too
    if [ -z "$problem" ] && [ "$rerun_delay" != 0.000 ]; then
        run_and_kill "$db" "$rerun_delay"
        note="${note}rerun $outcome after $rerun_delay s; "
    fi

    # (e) a rerun completes and gives the reference index
    if [ -z "$problem" ]; then
        "$index_bin" --db "$db" --batch-size "$batch" --base "$src" "${extra_options[@]}" "$src" >"$work/rerun.out" 2>&1
        rc=$?
        repaired=$(grep -o 'repaired [0-9]*' "$work/rerun.out" | grep -o '[0-9]*')
        [ -n "$repaired" ] && note="${note}rerun repaired $repaired; "
        restored=$(grep -o 'catalog rebuilt from the index ([0-9]*' "$work/rerun.out" | grep -o '[0-9]*$')
        [ -n "$restored" ] && note="${note}rerun restored $restored rows; "
        if [ "$rc" -ne 0 ]; then
            problem="rerun exited $rc: $(grep -m3 . "$work/rerun.out" | tr '\n' ' ')"
        else
            "$index_bin" --db "$db" check --no-repair >"$work/check3.out" 2>&1
            rc=$?
            [ "$rc" -eq 0 ] || problem="check --no-repair after the rerun exited $rc: $(grep -m3 . "$work/check3.out" | tr '\n' ' ')"
        fi
    fi
    [ -z "$problem" ] && problem=$(agree "$db" "after the rerun")
    [ -z "$problem" ] && problem=$(same_as_reference "$db" "after the rerun")

    if [ -z "$problem" ]; then
        passed=$((passed + 1))
        result=ok
    else
        failed=$((failed + 1))
        result="FAILED: $problem"
    fi
    echo "trial $trial: kill after $delay s; interrupted batch: $interrupted; ${note}$result"
done <"$work/schedule"

echo "kill-test: mode $mode, seed $seed; $interrupted_count of $trials kills left an interrupted batch;" \
     "$finished_early runs finished before their kill"
echo "kill-test: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
