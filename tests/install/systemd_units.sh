#!/usr/bin/env bash
# The systemd units, as `cmake --install` writes them, pass
# `systemd-analyze verify` without a word: syntax, every setting known, and
# ExecStart naming an installed executable. Works offline and without
# systemd running (we run in containers): the system units are verified in
# a DESTDIR install with --root (and the host's own units copied in, for
# the targets they hang off); the user units, which --root does not take,
# from a copy whose ExecStart points into that install. Skipped when
# systemd-analyze is not installed.
#
# Usage: systemd_units.sh BUILD_DIR
set -u
build=$(realpath "$1")
if ! command -v systemd-analyze >/dev/null; then
    echo "systemd units: systemd-analyze not installed, skipped"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/root
failed=0

DESTDIR=$root cmake --install "$build" --prefix /usr >"$work/install.log" 2>&1 \
    || { echo "FAIL: cmake --install"; cat "$work/install.log"; exit 1; }
for unit in newsdex-reindex.service newsdex-reindex.timer; do
    for kind in system user; do
        [ -f "$root/usr/lib/systemd/$kind/$unit" ] || { echo "FAIL: no $kind unit $unit"; failed=1; }
    done
done
grep -qx 'ExecStart=/usr/bin/newsdex-nightly' "$root/usr/lib/systemd/system/newsdex-reindex.service" \
    || { echo "FAIL: the system unit's ExecStart is not the installed newsdex-nightly"; failed=1; }

# verify exits 0 on settings it ignores, so its every word is a failure.
verify() {
    local output
    output=$("$@" 2>&1) || { echo "FAIL: $*"; echo "$output"; failed=1; return; }
    [ -z "$output" ] || { echo "FAIL: $* says:"; echo "$output"; failed=1; }
}

mkdir -p "$root/lib/systemd"
cp -r /lib/systemd/system "$root/lib/systemd/"
verify systemd-analyze verify --man=no --root="$root" \
    /usr/lib/systemd/system/newsdex-reindex.service /usr/lib/systemd/system/newsdex-reindex.timer

mkdir -p "$work/user" "$work/run" "$work/home" && chmod 700 "$work/run"
sed "s#^ExecStart=/usr/bin/#ExecStart=$root/usr/bin/#" "$root/usr/lib/systemd/user/newsdex-reindex.service" \
    >"$work/user/newsdex-reindex.service"
cp "$root/usr/lib/systemd/user/newsdex-reindex.timer" "$work/user/"
verify env XDG_RUNTIME_DIR="$work/run" HOME="$work/home" systemd-analyze --user verify --man=no \
    "$work/user/newsdex-reindex.service" "$work/user/newsdex-reindex.timer"

[ $failed -eq 0 ] && echo "systemd units: verified"
exit $failed
