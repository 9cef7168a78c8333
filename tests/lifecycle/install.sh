#!/usr/bin/env bash
# Installing newsdex as README's Install and "Running under systemd"
# sections say, without touching the machine: every install goes to a
# DESTDIR under a temporary folder, the .deb is built and inspected but not
# installed (apt only simulates), and the timer is enabled in the DESTDIR
# (systemctl --root). The README commands each step stands for are quoted.
#
# Usage: install.sh BUILD_DIR   (run from the repository root)
set -u
build=$(realpath "$1")
root=$(pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=1; }

# check_tree STAGE PREFIX: what an install with PREFIX put under STAGE.
check_tree() {
    local stage=$1 prefix=$2 tool page
    for tool in newsdex-index newsdex-query; do
        "$stage$prefix/bin/$tool" --version >"$work/version" 2>&1 || fail "$prefix/bin/$tool --version fails"
        grep -qE "^$tool [0-9]+\.[0-9]+\.[0-9]+$" "$work/version" || fail "$tool --version: $(head -1 "$work/version")"
    done
    [ -x "$stage$prefix/bin/newsdex-nightly" ] || fail "no executable $prefix/bin/newsdex-nightly"
    # The installed tools find the dictionary module they open beside
    # themselves (BINDIR/../LIBDIR/newsdex) for a word the index never met.
    local db=$work/db-${stage##*/}
    printf 'Паромная переправа в Керчи возобновила работу.\n' >"$work/article.txt"
    "$stage$prefix/bin/newsdex-index" --db "$db" -q "$work/article.txt" >"$work/index.log" 2>&1 \
        || fail "$prefix/bin/newsdex-index: $(cat "$work/index.log")"
    "$stage$prefix/bin/newsdex-query" --db "$db" 'углями' >"$work/query.log" 2>&1
    [ $? -le 1 ] || fail "$prefix/bin/newsdex-query of an unseen word: $(cat "$work/query.log")"
    cmp -s "$stage$prefix/bin/newsdex-nightly" "$root/scripts/nightly-reindex" || fail "newsdex-nightly is not scripts/nightly-reindex"
    for page in man1/newsdex-index.1.gz man1/newsdex-query.1.gz man5/newsdex-topics.5.gz; do
        local man=$stage$prefix/share/man/$page
        [ -s "$man" ] || { fail "no $prefix/share/man/$page"; continue; }
        local warnings
        warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=w -l "$man" 2>&1 >"$work/page")
        [ -z "$warnings" ] || fail "man -l $page warns: $warnings"
        grep -q "^NAME" "$work/page" || fail "man -l $page renders no NAME section"
    done
    for file in share/bash-completion/completions/newsdex-index share/bash-completion/completions/newsdex-query \
                share/zsh/vendor-completions/_newsdex-index share/zsh/vendor-completions/_newsdex-query \
                lib/systemd/system/newsdex-reindex.service lib/systemd/system/newsdex-reindex.timer \
                lib/systemd/user/newsdex-reindex.service lib/systemd/user/newsdex-reindex.timer \
                lib/sysusers.d/newsdex.conf; do
        [ -s "$stage$prefix/$file" ] || fail "no $prefix/$file"
    done
    cmp -s "$stage$prefix/share/newsdex/topics.toml" "$root/topics/topics.toml" || fail "no $prefix/share/newsdex/topics.toml"
    # The units run the nightly wrapper of this very install.
    local unit
    for unit in system user; do
        grep -qx "ExecStart=$prefix/bin/newsdex-nightly" "$stage$prefix/lib/systemd/$unit/newsdex-reindex.service" \
            || fail "the $unit unit does not run $prefix/bin/newsdex-nightly"
    done
    # The example config is where the tools read it, and is TOML with the
    # settings the man pages document.
    python3 - "$stage/etc/newsdex/newsdex.toml" <<'PY' || fail "/etc/newsdex/newsdex.toml"
import sys, tomllib
with open(sys.argv[1], "rb") as f:
    config = tomllib.load(f)
assert config["db"] == "/var/lib/newsdex", config
assert config["index"]["paths"] and config["index"]["max_removals"] and config["index"]["wait"] == 3600, config
assert config["query"] == {"limit": 10, "color": "auto"}, config
PY
}

# README: sudo cmake --install build --prefix /usr/local
DESTDIR=$work/local cmake --install "$build" --prefix /usr/local >"$work/install.log" 2>&1 \
    || { fail "cmake --install --prefix /usr/local"; cat "$work/install.log"; }
check_tree "$work/local" /usr/local
# README: sudo systemd-sysusers (here into the DESTDIR's /etc/passwd)
if command -v systemd-sysusers >/dev/null; then
    mkdir -p "$work/local/etc"
    systemd-sysusers --root="$work/local" >/dev/null 2>&1 || fail "systemd-sysusers --root"
    grep -q '^newsdex:.*:/var/lib/newsdex:' "$work/local/etc/passwd" || fail "systemd-sysusers made no user newsdex"
fi

# README: DESTDIR=/tmp/stage cmake --install build --prefix /usr
DESTDIR=$work/stage cmake --install "$build" --prefix /usr >"$work/install.log" 2>&1 \
    || { fail "cmake --install --prefix /usr"; cat "$work/install.log"; }
check_tree "$work/stage" /usr

# README: (cd build && cpack -G DEB)
cpack --config "$build/CPackConfig.cmake" -G DEB -B "$work/pkg" >"$work/cpack.log" 2>&1 \
    || { fail "cpack"; cat "$work/cpack.log"; }
deb=$(ls "$work"/pkg/newsdex_*.deb 2>/dev/null | head -1)
if [ -z "$deb" ]; then
    fail "cpack made no newsdex_*.deb"
else
    dpkg-deb -f "$deb" Depends | grep -q 'libxapian30' || fail "Depends does not name libxapian30: $(dpkg-deb -f "$deb" Depends)"
    # The dictionary module's libraries, which only it links.
    for lib in liblttoolbox3 libhunspell; do
        dpkg-deb -f "$deb" Depends | grep -q "$lib" || fail "Depends does not name $lib: $(dpkg-deb -f "$deb" Depends)"
    done
    [ "$(dpkg-deb -f "$deb" Package)" = newsdex ] || fail "package name"
    dpkg-deb -c "$deb" | awk '{print $6}' | sed 's#^\./#/#' >"$work/contents"
    for file in /usr/bin/newsdex-index /usr/bin/newsdex-query /usr/bin/newsdex-nightly \
                /usr/share/man/man1/newsdex-index.1.gz /usr/share/man/man1/newsdex-query.1.gz \
                /usr/share/man/man5/newsdex-topics.5.gz /usr/share/newsdex/topics.toml \
                /usr/share/bash-completion/completions/newsdex-query /usr/share/zsh/vendor-completions/_newsdex-query \
                /usr/lib/systemd/system/newsdex-reindex.service /usr/lib/systemd/system/newsdex-reindex.timer \
                /usr/lib/systemd/user/newsdex-reindex.timer /usr/lib/sysusers.d/newsdex.conf /etc/newsdex/newsdex.toml; do
        grep -qx "$file" "$work/contents" || fail "the .deb lacks $file"
    done
    # Nothing of the build machine's paths, nothing outside /usr and /etc.
    grep -vE '^/(usr|etc)(/|$)|^/$' "$work/contents" && fail "the .deb installs outside /usr and /etc"
    mkdir "$work/control" && dpkg-deb -e "$deb" "$work/control"
    grep -qx /etc/newsdex/newsdex.toml "$work/control/conffiles" || fail "/etc/newsdex/newsdex.toml is not a conffile"
    for script in postinst prerm postrm; do
        sh -n "$work/control/$script" || fail "$script does not parse"
    done
    dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/lib/systemd/system/newsdex-reindex.service \
        | grep -qx 'ExecStart=/usr/bin/newsdex-nightly' || fail "the packaged unit does not run /usr/bin/newsdex-nightly"
    # README: sudo apt install ./newsdex_0.1.0_amd64.deb (simulated: its
    # dependencies resolve on this machine; nothing is installed)
    if command -v apt-get >/dev/null; then
        apt-get install --simulate "$deb" >"$work/apt.log" 2>&1 || { fail "apt-get install --simulate"; cat "$work/apt.log"; }
        grep -q '^Inst newsdex' "$work/apt.log" || { fail "apt would not install newsdex"; cat "$work/apt.log"; }
    fi
fi

# README: sudo systemctl enable --now newsdex-reindex.timer (enabled in the
# DESTDIR only: the [Install] section works)
if command -v systemctl >/dev/null; then
    systemctl --root="$work/stage" enable newsdex-reindex.timer >/dev/null 2>&1 || fail "systemctl --root enable"
    [ -L "$work/stage/etc/systemd/system/timers.target.wants/newsdex-reindex.timer" ] || fail "enabling the timer made no link"
fi

[ $failed -eq 0 ] && echo "install: /usr/local and /usr installs and the .deb as README says"
exit $failed
