#!/usr/bin/env bash
# Runs every line of README's crontab (the block after "cron-recipes") as
# cron would: bash -c (the block sets SHELL=/bin/bash), an environment of
# HOME and cron's PATH only, with the installed paths pointed at this build
# and the config file given by NEWSDEX_CONFIG in place of /etc. Checks that
# the nightly run indexes and reports, the weekly compaction is silent, and
# the digest pipeline delivers hits and fails (exit 2) when the query fails.
#
# Usage: cron_recipes.sh NEWSDEX_INDEX NEWSDEX_QUERY   (from the repository root)
set -u
index_bin=$(realpath "$1") query_bin=$(realpath "$2")
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

# The crontab lines of README (not comments, not variable settings).
awk '/cron-recipes/ {on = 1; next} on && /^```/ {n++; if (n == 2) exit; next} on && n == 1' README.md \
    | grep -v '^#' | grep -v '^[A-Z_]*=' >"$work/crontab"
[ "$(wc -l <"$work/crontab")" -eq 3 ] || { echo "FAIL: expected 3 crontab lines in README, found:"; cat "$work/crontab"; exit 1; }

# The install, as the lines name it.
mkdir -p "$work/usr/bin" "$work/usr/local/bin" "$work/archive"
ln -s "$index_bin" "$work/usr/bin/newsdex-index"
ln -s "$query_bin" "$work/usr/bin/newsdex-query"
cp scripts/nightly-reindex "$work/usr/bin/newsdex-nightly"
printf '#!/bin/sh\ncat >> "%s/mail"\n' "$work" >"$work/usr/local/bin/mail-digest"
chmod +x "$work/usr/local/bin/mail-digest"
cp corpus/0*.txt "$work/archive/"
printf 'db = "%s/db"\n[index]\npaths = ["%s/archive"]\nwait = 10\n' "$work" "$work" >"$work/newsdex.toml"

cron_line() {  # N: runs crontab line N as cron would; output to $work/out, status to $status
    local command
    command=$(sed -n "$1p" "$work/crontab" | awk '{for (i = 6; i <= NF; i++) printf "%s%s", $i, (i < NF ? " " : "")}')
    command=${command//\/usr\/local\/bin\//$work/usr/local/bin/}
    command=${command//\/usr\/bin\//$work/usr/bin/}
    env -i HOME="$work" PATH=/usr/bin:/bin NEWSDEX_CONFIG="$work/newsdex.toml" /bin/bash -c "$command" >"$work/out" 2>&1
    status=$?
}

cron_line 1
[ "$status" -eq 0 ] || fail "nightly: exit $status: $(head -3 "$work/out")"
grep -q "added" "$work/out" || fail "nightly: the first night's mail does not say what was added: $(cat "$work/out")"
cron_line 1
[ "$status" -eq 0 ] && [ ! -s "$work/out" ] || fail "nightly with nothing new: exit $status, mail: $(cat "$work/out")"

cron_line 2
[ "$status" -eq 0 ] && [ ! -s "$work/out" ] || fail "compact: exit $status, mail: $(cat "$work/out")"

cron_line 3
[ "$status" -eq 0 ] || fail "digest: exit $status: $(cat "$work/out")"
grep -q '"type":"hit"' "$work/mail" || fail "digest: mail-digest got no hits"
# Nothing new since: no hits (newsdex-query exits 1), and pipefail says so.
: >"$work/mail"
cron_line 3
[ "$status" -eq 1 ] && [ ! -s "$work/mail" ] || fail "digest with nothing new: exit $status, $(wc -c <"$work/mail") bytes mailed"
# A query that fails fails the line, although mail-digest succeeds.
printf 'db = "%s/no-such-index"\n' "$work" >"$work/newsdex.toml"
cron_line 3
[ "$status" -eq 2 ] || fail "digest of a missing index: exit $status (pipefail lost?)"
grep -q "newsdex-query:" "$work/out" || fail "digest of a missing index: no error in the mail"

echo "cron-recipes: $((8 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
