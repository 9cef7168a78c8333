#!/usr/bin/env bash
# Sharded archives and remote shards, on loopback only (127.0.0.1).
#
# The same articles (corpus/ plus a generated dated feed) are indexed once
# as one index and once as an archive sharded by year. Two shards are then
# served by xapian-tcpsrv on free loopback ports, and queries must return
# exactly the hits of the single index (ids and scores; equal scores may
# come in either order; date-limited queries, which open only the shards of
# their dates, rank with those shards' statistics: same hits, other scores). Then the servers are stopped mid-run: a date-limited
# query must not even open a shard outside its dates; a killed server and a
# stalled one (SIGSTOP, --timeout) give a partial answer: exit 0, a warning
# on stderr naming the shard, a "partial" line in JSON, and the hits of the
# shards still there; a stub of only remote shards whose servers never answer
# gives up after one --timeout, however many they are. Every server this starts is stopped on exit.
#
# Usage: shards_remote.sh NEWSDEX_INDEX NEWSDEX_QUERY
# Needs python3 and xapian-tcpsrv (xapian-tools). Last line:
# "shards-remote: N passed, M failed".
set -u
if [ $# -lt 2 ]; then
    echo "usage: shards_remote.sh NEWSDEX_INDEX NEWSDEX_QUERY" >&2
    exit 2
fi
index_bin=$(realpath "$1") query_bin=$(realpath "$2")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v python3 >/dev/null || { echo "shards-remote: python3 is required"; exit 2; }
command -v xapian-tcpsrv >/dev/null || { echo "shards-remote: xapian-tcpsrv is required (apt-get install xapian-tools)"; exit 2; }

export LC_ALL=C.UTF-8 NO_COLOR=1
unset NEWSDEX_DB

work=$(mktemp -d)
servers=()
cleanup() {
    local pid
    for pid in "${servers[@]}"; do
        kill -CONT "$pid" 2>/dev/null
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
finish() {
    echo "shards-remote: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Starts xapian-tcpsrv for DATABASE on 127.0.0.1:PORT; waits until it accepts.
serve() {
    local db=$1 port=$2 i
    # Its own session: xapian-tcpsrv signals its whole process group when it
    # is stopped, which must not reach this script.
    setsid xapian-tcpsrv --quiet ${serve_opts:-} --interface 127.0.0.1 --port "$port" "$db" >>"$work/tcpsrv.log" 2>&1 &
    servers+=($!)
    last_server=$!
    for i in $(seq 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    echo "shards-remote: xapian-tcpsrv did not start on port $port:"; cat "$work/tcpsrv.log"
    return 1
}

# The same hits (not which shard each came from), each scored within 1% (so in the same order but for
# near-ties), and the same facets: Xapian estimates an OP_SYNONYM's frequency
# from the OR tree it builds from each database's own term frequencies, so a
# synonym of several terms (a name's keys in both alphabets) can score a few
# per mille apart in one index and in shards.
cat >"$work/same.py" <<'EOF'
import json, sys
def read(path):
    hits, rest = {}, set()
    for line in open(path, encoding="utf-8"):
        d = json.loads(line)
        if "rank" in d:
            hits[d["id"]] = (d["score"], d.get("similar", 0), sorted(m["word"] + ":" + m["how"] for m in d["matched"]))
        else:
            rest.add(json.dumps(d, ensure_ascii=False, sort_keys=True))
    return hits, rest
(a, ra), (b, rb) = read(sys.argv[1]), read(sys.argv[2])
bad = [f"only in one: {sorted(set(a) ^ set(b))[:5]}"] if set(a) != set(b) else []
for id_ in sorted(set(a) & set(b)):
    (sa, ca, ma), (sb, cb, mb) = a[id_], b[id_]
    if abs(sa - sb) > 0.01 * max(sa, sb) or ca != cb or ma != mb:
        bad.append(f"{id_}: {sa:.4f} +{ca} {ma} vs {sb:.4f} +{cb} {mb}")
if ra != rb:
    bad.append(f"other lines: {sorted(ra ^ rb)[:3]}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
same_hits() { python3 "$work/same.py" "$1" "$2"; }
same_ids() { diff <(ids <"$1") <(ids <"$2"); }
ids() { python3 -c '
import json, sys
for line in sys.stdin:
    d = json.loads(line)
    if "rank" in d: print(d["id"])
' | sort; }

src=$work/src single=$work/single archive=$work/archive
mkdir -p "$src"
cp -r "$root/corpus" "$src/corpus"
python3 "$here/make_dated_feed.py" "$src/feed.jsonl" 600 7

# --- Indexing -------------------------------------------------------------
"$index_bin" --db "$single" --base "$src" --quiet "$src" || { fail "indexing the single index"; finish; }
out=$("$index_bin" --db "$archive" --shard-by year --base "$src" "$src" 2>&1)
[ $? -eq 0 ] && ok || { fail "indexing the sharded archive: $out"; finish; }
shards=$(ls "$archive/shards" | tr '\n' ' ')
[ "$shards" = "2023 2024 2025 undated " ] && ok || fail "shards are '$shards', expected 2023 2024 2025 undated"

single_count=$(sqlite3 "$single"/gen-*/catalog.sqlite "SELECT COUNT(*) FROM articles")
check_out=$("$index_bin" --db "$archive" check 2>&1)
[ $? -eq 0 ] && echo "$check_out" | grep -q "^archive: 4 local shards, $single_count articles, ok$" && ok \
    || fail "check on the archive: $check_out (single index has $single_count)"
"$index_bin" --db "$archive" stats >"$work/stats" 2>&1 && grep -q "^articles:   $single_count in local shards" "$work/stats" && ok \
    || { fail "stats on the archive"; cat "$work/stats"; }

# compact: every shard into a new generation; the archive's stub is unchanged
# and still opens them (it names the shards' own stubs).
stub_before=$(cat "$archive/archive.stub")
out=$("$index_bin" --db "$archive" compact 2>&1)
[ $? -eq 0 ] && [ "$(echo "$out" | grep -c ': compacted gen-000001')" = 4 ] && [ "$stub_before" = "$(cat "$archive/archive.stub")" ] \
    && ls -d "$archive"/shards/*/gen-000002 >/dev/null 2>&1 && ok || fail "compact on the archive: $out"

# Xapian's own tools open the archive's stub as one database.
q1=$(quest -d "$single/index.stub" "Zцен" | grep -m1 matches)
q2=$(quest -d "$archive/archive.stub" "Zцен" | grep -m1 matches)
[ -n "$q1" ] && [ "$q1" = "$q2" ] && ok || fail "quest on archive.stub: '$q2', on the single index: '$q1'"

# Nothing changed: no shard is written.
out=$("$index_bin" --db "$archive" --base "$src" "$src" 2>&1)
echo "$out" | grep -q "shards written: none (4 unchanged)" && ok || fail "unchanged rerun: $out"

# One changed record (2024): only the 2024 shard's Xapian database changes
# (the others read the changed file, find their articles unchanged, and
# write nothing to Xapian).
revisions() { for s in 2023 2024 2025 undated; do printf '%s=%s ' "$s" "$(xapian-delve "$archive/shards/$s/index.stub" | sed -n 's/^revision = //p')"; done; }
before=$(revisions)
python3 - "$src/feed.jsonl" <<'EOF'
import json, sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().splitlines()
for i, line in enumerate(lines):
    d = json.loads(line)
    if d.get("date", "").startswith("2024"):
        d["text"] += "\nДобавлено при правке: уточненные данные."
        lines[i] = json.dumps(d, ensure_ascii=False)
        break
open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
EOF
"$index_bin" --db "$single" --base "$src" --quiet "$src" || fail "reindexing the single index"
out=$("$index_bin" --db "$archive" --base "$src" "$src" 2>&1)
# feed.jsonl holds articles of every year, so every shard re-reads it...
echo "$out" | grep -q "0 added, 1 updated.*shards written: undated 2023 2024 2025$" && ok || fail "reindex after one change: $out"
after=$(revisions)
changed=$(python3 -c 'import sys; b=dict(x.split("=") for x in sys.argv[1].split()); a=dict(x.split("=") for x in sys.argv[2].split()); print(" ".join(k for k in sorted(a) if a[k]!=b[k]))' "$before" "$after")
[ "$changed" = "2024" ] && ok || fail "shards whose Xapian database changed: '$changed' (expected 2024; before: $before after: $after)"

# A new file with a record of a new year: a new shard, which reads only the
# file it was found in; the other shards do not even open their indexes.
echo '{"id": "late-1", "title": "Поздняя новость", "date": "2026-01-15", "source": "wire", "text": "Цены на газ снова выросли в январе."}' >"$src/late.jsonl"
"$index_bin" --db "$single" --base "$src" --quiet "$src" || fail "reindexing the single index"
out=$("$index_bin" --db "$archive" --base "$src" "$src" 2>&1)
echo "$out" | grep -q "1 added, 0 updated.*shards written: undated 2026 (3 unchanged)$" && ok || fail "new shard 2026: $out"
[ "$(sqlite3 "$archive"/shards/2026/gen-*/catalog.sqlite "SELECT COUNT(*) FROM articles")" = 1 ] && ok || fail "shard 2026 should hold 1 article"
out=$("$index_bin" --db "$archive" --base "$src" "$src" 2>&1)
echo "$out" | grep -q "shards written: none (5 unchanged)" && ok || fail "rerun after the new shard: $out"

# --- Local archive = single index ---------------------------------------
queries=(
    "цены"
    "санкции"
    "газ OR нефть"
    '"ключевая ставка"'
    "Токаев"
    "--since 2024-03-01 --until 2024-09-30 цены"
    "--since 2025-01-01 пошлины"
    "--sort -date санкции"
    "--facet year --facet source цены"
    "--topic sanctions"
    "--no-collapse выборы"
)
compare_all() {  # LABEL [extra query options]
    local label=$1 q; shift
    for q in "${queries[@]}"; do
        eval "set -- $q"
        "$query_bin" --db "$single" --json -n 1000 "$@" >"$work/a" 2>"$work/a.err"; local ra=$?
        "$query_bin" --db "$archive" --json -n 1000 "$@" >"$work/b" 2>"$work/b.err"; local rb=$?
        # A date-limited query opens only the shards of its dates, so its
        # scores come from their statistics: the same hits, other scores.
        local same=same_hits
        case "$q" in *--since*|*--until*) same=same_ids ;; esac
        if [ $ra -ne $rb ] || [ -s "$work/b.err" ] || ! $same "$work/a" "$work/b" >"$work/diff"; then
            fail "$label: '$q' differs (exit $ra vs $rb)"; head -20 "$work/diff"; cat "$work/b.err"
        elif [ $ra -ne 0 ]; then
            fail "$label: '$q' found nothing; a test that cannot fail"
        else
            ok
        fi
    done
}
compare_all "local shards"

# --- Two shards served by xapian-tcpsrv ----------------------------------
port1=$(free_port)
serve "$archive/shards/2024/index.stub" "$port1" || finish
server_2024=$last_server
port2=$(free_port)
serve "$archive/shards/undated/index.stub" "$port2" || finish
server_undated=$last_server
"$index_bin" --db "$archive" shards remote 2024 "127.0.0.1:$port1" >/dev/null && \
"$index_bin" --db "$archive" shards remote undated "127.0.0.1:$port2" >/dev/null && ok || fail "shards remote"
grep -q "^remote 127.0.0.1:$port1$" "$archive/archive.stub" && ok || fail "archive.stub lacks the remote line: $(cat "$archive/archive.stub")"
compare_all "2 local + 2 remote shards"
q3=$(quest -d "$archive/archive.stub" "Zцен" | grep -m1 matches)
[ "$q1" = "$q3" ] && ok || fail "quest with remote shards: '$q3', expected '$q1'"

# --- Servers stopped mid-run ------------------------------------------------
# Stalled undated server: a query limited to 2025 must not open it (no
# warning, no wait), and still equal the single index.
kill -STOP "$server_undated"
start=$(date +%s%N)
"$query_bin" --db "$archive" --timeout 3 --json -n 1000 --since 2025-01-01 цены >"$work/b" 2>"$work/b.err"; rb=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
"$query_bin" --db "$single" --json -n 1000 --since 2025-01-01 цены >"$work/a"
if [ $rb -eq 0 ] && [ ! -s "$work/b.err" ] && [ "$ms" -lt 2500 ] && [ -s "$work/a" ] && diff <(ids <"$work/a") <(ids <"$work/b") >/dev/null; then ok
else fail "date-limited query with the undated shard stalled: exit $rb in $ms ms: $(cat "$work/b.err")"; fi
kill -CONT "$server_undated"

# Expected partial answers: the single index's hits minus those of the
# missing shards (no collapsing, so every article stands for itself).
"$query_bin" --db "$single" --json -n 1000 --no-collapse цены >"$work/all"
python3 - "$work/all" "$work/expect-no-2024" "$work/expect-no-2024-undated" <<'EOF'
import json, sys
hits = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if '"rank"' in l]
with open(sys.argv[2], "w") as a, open(sys.argv[3], "w") as b:
    for d in hits:
        if not d["date"].startswith("2024"):
            a.write(d["id"] + "\n")
            if d["date"]:
                b.write(d["id"] + "\n")
EOF
sort -o "$work/expect-no-2024" "$work/expect-no-2024"
sort -o "$work/expect-no-2024-undated" "$work/expect-no-2024-undated"

# The 2024 server is killed.
kill "$server_2024"; wait "$server_2024" 2>/dev/null
"$query_bin" --db "$archive" --json -n 1000 --no-collapse цены >"$work/b" 2>"$work/b.err"; rb=$?
if [ $rb -eq 0 ] && grep -q "warning: shard 2024 (127.0.0.1:$port1)" "$work/b.err" \
    && tail -1 "$work/b" | python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if d["partial"] and len(d["missing"]) == 1 and d["missing"][0].startswith("2024 ") else 1)' \
    && diff "$work/expect-no-2024" <(ids <"$work/b") >/dev/null; then ok
else fail "2024 server killed: exit $rb, stderr: $(cat "$work/b.err"), last line: $(tail -1 "$work/b")"; fi

# ...and the undated one stalls: answered within the timeout from the rest.
kill -STOP "$server_undated"
start=$(date +%s%N)
"$query_bin" --db "$archive" --timeout 1 --json -n 1000 --no-collapse цены >"$work/b" 2>"$work/b.err"; rb=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ $rb -eq 0 ] && [ "$ms" -lt 5000 ] && grep -q "warning: shard undated (127.0.0.1:$port2)" "$work/b.err" \
    && grep -q "warning: shard 2024 " "$work/b.err" \
    && tail -1 "$work/b" | grep -q '"partial":true' \
    && diff "$work/expect-no-2024-undated" <(ids <"$work/b") >/dev/null; then ok
else fail "undated server stalled: exit $rb in $ms ms, stderr: $(cat "$work/b.err")"; fi

# --count says the same on stderr; an article only a missing shard holds: exit 1.
"$query_bin" --db "$archive" --timeout 1 --count цены >"$work/b" 2>"$work/b.err"; rb=$?
[ $rb -eq 0 ] && [ "$(cat "$work/b")" -eq "$(wc -l <"$work/expect-no-2024-undated")" ] && grep -q "results are partial" "$work/b.err" && ok \
    || fail "--count with two shards missing: exit $rb, $(cat "$work/b") $(cat "$work/b.err")"
"$query_bin" --db "$archive" --timeout 1 "id:corpus/003_tokayev-mongolia-visit.txt" >"$work/b" 2>"$work/b.err"; rb=$?
[ $rb -eq 1 ] && grep -q "warning: shard undated" "$work/b.err" && ok \
    || fail "a word only the missing shards hold: exit $rb (expected 1), $(cat "$work/b.err")"
kill -CONT "$server_undated"

# A server that drops every connection after 1 ms idle: the query's
# connection is gone by the time it asks for matches (a NetworkError in
# the middle of the query). The shard is asked again, then left out.
port3=$(free_port)
serve_opts="--idle-timeout 1" serve "$archive/shards/2025/index.stub" "$port3" || finish
"$index_bin" --db "$archive" shards remote 2025 "127.0.0.1:$port3" >/dev/null
kill -STOP "$server_undated"
"$query_bin" --db "$archive" --timeout 1 --json -n 1000 --no-collapse цены >"$work/b" 2>"$work/b.err"; rb=$?
python3 - "$work/all" "$work/expect-2023-2026" <<'EOF2'
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        d = json.loads(line)
        if "rank" in d and d["date"][:4] in ("2023", "2026"):
            out.write(d["id"] + "\n")
EOF2
sort -o "$work/expect-2023-2026" "$work/expect-2023-2026"
if [ $rb -eq 0 ] && grep -q "warning: shard 2025 (127.0.0.1:$port3)" "$work/b.err" \
    && tail -1 "$work/b" | python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if d["partial"] and len(d["missing"]) == 3 else 1)' \
    && diff "$work/expect-2023-2026" <(ids <"$work/b") >/dev/null; then ok
else fail "a server dropping the connection mid-query: exit $rb, stderr: $(cat "$work/b.err"), last line: $(tail -1 "$work/b")"; fi
kill -CONT "$server_undated"

# A stub of only remote shards whose three servers accept and never answer:
# the query gives up after one --timeout (it used to connect three times,
# three timeouts, for one; and to wait for each shard in turn, a timeout
# each), exit 2 naming every shard. The silent servers (python3, loopback
# only) quit by themselves after 60 s.
port4=$(free_port) port5=$(free_port) port6=$(free_port)
python3 - "$port4" "$port5" "$port6" >>"$work/tcpsrv.log" 2>&1 <<'EOF3' &
import select, socket, sys, time
listening = []
for port in sys.argv[1:]:
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(port)))
    s.listen(8)
    listening.append(s)
held, deadline = [], time.time() + 60
while time.time() < deadline:
    for s in select.select(listening, [], [], 0.5)[0]:
        held.append(s.accept()[0])
EOF3
servers+=($!)
for port in "$port4" "$port5" "$port6"; do
    for i in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
done
printf 'remote 127.0.0.1:%s\n' "$port4" "$port5" "$port6" >"$work/remote-only.stub"
start=$(date +%s%N)
"$query_bin" --db "$work/remote-only.stub" --timeout 2 цены >"$work/b" 2>"$work/b.err"; rb=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
if [ $rb -eq 2 ] && [ "$ms" -lt 3000 ] && grep -q "no shard could be opened: .*127.0.0.1:$port4.*127.0.0.1:$port5.*127.0.0.1:$port6" "$work/b.err"; then ok
else fail "remote-only stub, three silent servers, --timeout 2: exit $rb in $ms ms (expected 2, under 3000 ms): $(cat "$work/b.err")"; fi

finish
