#!/usr/bin/env bash
# The man pages cover the tools: every subcommand and every option that
# `--help` lists (each subcommand's too) appears in the tool's page, and man
# renders every page without a warning.
#
# Usage: man_pages.sh NEWSDEX_INDEX NEWSDEX_QUERY MAN_DIR
# MAN_DIR holds the built pages (build/doc: newsdex-index.1 ...).
set -u
index_bin=$1 query_bin=$2 man_dir=$3
here=$(cd "$(dirname "$0")" && pwd)
. "$here/help_options.sh"
failed=0

# Each option must be a term of a definition list (a line the roff starts
# in bold, as scdoc writes `*--db* _DIR_`): documented, not just mentioned
# in an example or the synopsis. Subcommands need only be named.
check_page_covers() {
    local tool=$1 page=$2 item terms
    [ -s "$page" ] || { echo "FAIL: no man page $page"; failed=1; return; }
    terms=$(awk '/^\.SH/ { synopsis = ($2 == "SYNOPSIS"); next } !synopsis && /^\\fB/' "$page")
    for item in $(help_options "$tool"); do
        if ! grep -qF -- "\\fB${item}\\fR" <<<"$terms"; then
            echo "FAIL: $(basename "$page") does not document $item (listed by $(basename "$tool") --help)"
            failed=1
        fi
    done
    for item in $(help_all_subcommands "$tool"); do
        if ! sed -e 's/\\f[BIRP]//g' "$page" | grep -qE -- "(^|[^A-Za-z0-9-])${item}([^A-Za-z0-9-]|\$)"; then
            echo "FAIL: $(basename "$page") does not mention subcommand $item"
            failed=1
        fi
    done
}

check_page_covers "$index_bin" "$man_dir/newsdex-index.1"
check_page_covers "$query_bin" "$man_dir/newsdex-query.1"

for page in "$man_dir"/newsdex-index.1 "$man_dir"/newsdex-query.1 "$man_dir"/newsdex-topics.5; do
    [ -s "$page" ] || { echo "FAIL: no man page $page"; failed=1; continue; }
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings=w -l "$page" 2>&1 >/dev/null)
    if [ -n "$warnings" ]; then
        echo "FAIL: man warns about $(basename "$page"):"; echo "$warnings"; failed=1
    fi
    # Every page has the sections a reader looks for.
    for section in NAME SYNOPSIS DESCRIPTION "SEE ALSO"; do
        grep -q "^\.SH \"\?$section" "$page" || { echo "FAIL: $(basename "$page") has no $section"; failed=1; }
    done
done

[ $failed -eq 0 ] && echo "man pages: every option covered, no warnings"
exit $failed
