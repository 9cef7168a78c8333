#!/usr/bin/env bash
# Shell completion: the bash scripts, loaded into a bash with bash-completion,
# offer what the tools accept (every option --help lists, the value choices
# CLI11 enforces, subcommands, topic names asked of the tool, directories
# for --db); the zsh scripts parse (zsh -n; skipped when zsh is absent) and
# name every option.
#
# Usage: completion.sh NEWSDEX_INDEX NEWSDEX_QUERY COMPLETIONS_DIR
set -u
index_bin=$(realpath "$1") query_bin=$(realpath "$2") completions=$(realpath "$3")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/help_options.sh"
bash_completion=/usr/share/bash-completion/bash_completion
[ -r "$bash_completion" ] || { echo "FAIL: $bash_completion missing (scripts/setup installs bash-completion)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0

# The tools under their installed names, as a user's shell finds them.
mkdir "$work/bin"
ln -s "$index_bin" "$work/bin/newsdex-index"
ln -s "$query_bin" "$work/bin/newsdex-query"
# No user topic profiles from the environment running the test.
export XDG_CONFIG_HOME=$work/config HOME=$work

# complete LINE: what bash offers for LINE (completed at its end), sorted,
# one a line. Runs a fresh interactive-less bash with bash-completion and
# our script, the way bash calls a completion function.
complete_line() {
    mkdir -p "$work/cwd" && cd "$work/cwd" || exit 1  # no file of ours completes a word
    PATH=$work/bin:$PATH bash --norc --noprofile -c '
        . "$1"
        . "$2/bash/newsdex-index"
        . "$2/bash/newsdex-query"
        COMP_LINE=$3 COMP_POINT=${#3}
        read -r -a COMP_WORDS <<<"$3"
        [[ $3 == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        case ${COMP_WORDS[0]} in
            newsdex-index) _newsdex_index ;;
            newsdex-query) _newsdex_query ;;
        esac
        printf "%s\n" "${COMPREPLY[@]}"' _ "$bash_completion" "$completions" "$1" | sort -u
    cd - >/dev/null
}

expect() {  # expect LINE WORD...: the completions of LINE are exactly WORD...
    local line=$1; shift
    local got want
    got=$(complete_line "$line" | tr '\n' ' ')
    want=$(printf '%s\n' "$@" | sort -u | tr '\n' ' ')
    if [ "$got" != "$want" ]; then
        echo "FAIL: '$line' completes to '$got', expected '$want'"; failed=1
    fi
}

expect 'newsdex-query --so' --sort
expect 'newsdex-index ch' check
expect 'newsdex-index shards ' local remote
expect 'newsdex-index check --no-' --no-progress --no-repair
expect 'newsdex-query --topic tar' tariffs
expect 'newsdex-query --topic санк' санкции
expect 'newsdex-query --color=n' never
mkdir -p "$work/idx/news-a" "$work/idx/news-b" && touch "$work/idx/news-file"
expect "newsdex-query --db $work/idx/ne" "$work/idx/news-a" "$work/idx/news-b"
expect "newsdex-index --db $work/idx/ne" "$work/idx/news-a" "$work/idx/news-b"

# A user's own topic is offered too (the tool is asked, not a fixed list).
mkdir -p "$XDG_CONFIG_HOME/newsdex"
printf '[topics.chess]\nru = "шахматы"\nwords = { "гроссмейстер" = 5.0 }\n' >"$XDG_CONFIG_HOME/newsdex/topics.toml"
expect 'newsdex-query --topic ch' chess
rm "$XDG_CONFIG_HOME/newsdex/topics.toml"

# Every option --help lists (subcommands' too) is offered, and nothing else.
expect 'newsdex-query -' $(help_options "$query_bin")
expect 'newsdex-index check -' $(help_options "$index_bin")
# Every value CLI11 restricts an option to (--help shows TEXT:{a,b,c}).
restricted=0
for bin in "$index_bin" "$query_bin"; do
    name=newsdex-${bin##*newsdex-}
    while read -r option choices; do
        option=${option##*,}
        expect "$name $option " ${choices//,/ }
        restricted=$((restricted + 1))
    done < <("$bin" --help | sed -nE 's/^ +(-[^ ]+) [A-Z]+:\{([^}]*)\}.*/\1 \2/p')
done
[ $restricted -ge 6 ] || { echo "FAIL: found $restricted options with value choices in --help, expected 6 or more"; failed=1; }

# zsh: the scripts parse, and name every option.
for tool in index query; do
    file=$completions/zsh/_newsdex-$tool
    bin=$index_bin; [ $tool = query ] && bin=$query_bin
    for option in $(help_options "$bin"); do
        grep -qE -- "(^|[^A-Za-z0-9-])${option}([^A-Za-z0-9-]|\$)" "$file" || { echo "FAIL: $file lacks $option"; failed=1; }
    done
    if command -v zsh >/dev/null; then
        zsh -n "$file" || { echo "FAIL: zsh -n $file"; failed=1; }
    fi
done
command -v zsh >/dev/null || echo "completion: zsh not installed, zsh -n skipped"

[ $failed -eq 0 ] && echo "completion: all cases passed"
exit $failed
