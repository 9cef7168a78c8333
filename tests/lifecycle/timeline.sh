#!/usr/bin/env bash
# --timeline adds up (issue 25): on corpus/ and, when ../shared/data is
# there, on a fifth of the dev news (every fifth record), the counts of a
# timeline (periods plus undated) sum to what --count says for the same
# query, JSON and CSV carry the same numbers, a plot that cannot be written
# is a one-line error with exit 2, and the SVG a plot writes is a picture:
# rendered by a headless Chromium (Debian's chromium) it is not blank.
#
# Usage: timeline.sh NEWSDEX_INDEX NEWSDEX_QUERY [--browser]
# --browser: only the rendering check (exit 77, skipped, without chromium).
set -u
index_bin=$1 query_bin=$2 mode=${3:-}
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LC_ALL=C.UTF-8 NO_COLOR=1
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

"$index_bin" --db "$work/corpus" --base "$root" --quiet corpus || { echo "indexing corpus/ failed"; exit 1; }

if [ "$mode" = "--browser" ]; then
    browser=$(command -v chromium || true)
    [ -n "$browser" ] || { echo "timeline: chromium not installed (scripts/setup installs it): skipped"; exit 77; }
    "$query_bin" --db "$work/corpus" --timeline month --plot "$work/plot.svg" --since 2025-01-01 "" >/dev/null ||
        { echo "FAIL: --plot"; exit 1; }
    timeout 120 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=900,440 \
        --screenshot="$work/plot.png" "file://$work/plot.svg" >/dev/null 2>&1
    # The share of pixels that are not white, read from the PNG with the
    # standard library (8-bit RGB or RGBA, as Chromium writes them).
    python3 - "$work/plot.png" <<'PY' || exit 1
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
pos, idat, width = 8, b"", 0
while pos < len(data):
    length, kind = struct.unpack(">I4s", data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + length]
    if kind == b"IHDR":
        width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        assert depth == 8 and colour in (2, 6), "unexpected PNG layout"
        bpp = 3 if colour == 2 else 4
    elif kind == b"IDAT":
        idat += body
    pos += 12 + length
raw, stride = zlib.decompress(idat), width * bpp
rows, prev = [], bytearray(stride)
for y in range(height):
    f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = line[i - bpp] if i >= bpp else 0
        b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
        if f == 1: line[i] = (line[i] + a) & 255
        elif f == 2: line[i] = (line[i] + b) & 255
        elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    rows.append(line); prev = line
inked = sum(1 for line in rows for x in range(width) if min(line[x * bpp:x * bpp + 3]) < 200)
coloured = sum(1 for line in rows for x in range(width)
               if max(line[x * bpp:x * bpp + 3]) - min(line[x * bpp:x * bpp + 3]) > 60)
share = inked / (width * height)
print("timeline: rendered %dx%d, %.1f%% inked, %d coloured pixels" % (width, height, 100 * share, coloured))
sys.exit(0 if 0.01 < share < 0.9 and coloured > 500 else 1)
PY
    echo "timeline: the plot renders"
    exit 0
fi

# sums DB ARGS...: periods plus undated == --count, in JSON and in CSV.
sums() {
    local db=$1; shift
    local count json csv
    count=$("$query_bin" --db "$db" --count "$@" 2>/dev/null)
    json=$("$query_bin" --db "$db" --timeline month --json "$@" 2>/dev/null |
        python3 -c 'import json,sys; print(sum(json.loads(l)["count"] for l in sys.stdin))')
    csv=$("$query_bin" --db "$db" --timeline month --csv "$@" 2>/dev/null |
        python3 -c 'import csv,sys; print(sum(int(r["count"]) for r in csv.DictReader(sys.stdin)))')
    if [ -n "$count" ] && [ "$count" = "$json" ] && [ "$json" = "$csv" ]; then ok
    else bad "sums for $*: --count $count, JSON $json, CSV $csv"; fi
}

sums "$work/corpus" санкции
sums "$work/corpus" пошлины OR газ
sums "$work/corpus" --no-collapse санкции
sums "$work/corpus" --since 2025-07-01 ""
sums "$work/corpus" --topic sanctions

# Undated matches are counted apart, and said so.
undated=$("$query_bin" --db "$work/corpus" --timeline year --json "" --topic sanctions | grep -c '"type":"undated"')
[ "$undated" = 1 ] && ok || bad "one undated line expected, got $undated"

# A plot that cannot be written: one line naming the file, exit 2.
"$query_bin" --db "$work/corpus" --timeline month --plot "$work/no/such/dir/p.svg" санкции >/dev/null 2>"$work/err"
status=$?
if [ $status = 2 ] && [ "$(wc -l <"$work/err")" = 1 ] && grep -q "no/such/dir/p.svg" "$work/err"; then ok
else bad "unwritable plot: exit $status, $(cat "$work/err")"; fi

data="$root/../shared/data/news-dev.jsonl.xz"
if [ -f "$data" ]; then
    xz -dc "$data" | awk 'NR % 5 == 0' >"$work/dev.jsonl"
    "$index_bin" --db "$work/dev" --quiet "$work/dev.jsonl" || bad "indexing the dev sample"
    sums "$work/dev" --topic sanctions
    sums "$work/dev" санкции
    sums "$work/dev" --no-collapse нефть OR газ
    periods=$("$query_bin" --db "$work/dev" --timeline month --json --topic sanctions | grep -c '"type":"period"')
    [ "$periods" -gt 12 ] && ok || bad "the dev sample's sanctions timeline has $periods months"
else
    echo "timeline: $data not found: the dev-news checks are skipped"
fi

echo "timeline: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
