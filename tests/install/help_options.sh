# Sourced by the install tests: what a tool's --help says it accepts, read
# from CLI11's help text, so the man pages and completions are checked
# against the tool itself rather than against a list kept by hand.

# help_subcommands TOOL [SUBCOMMAND...]: the subcommands listed by
# `TOOL [SUBCOMMAND...] --help`, one a line.
help_subcommands() {
    "$@" --help | awk '/^[A-Za-z]+:$/ { section = $0; next }
                       section == "Subcommands:" && /^  [a-z]/ { print $1 }'
}

# help_all_subcommands TOOL: its subcommands and theirs (shards remote ...).
help_all_subcommands() {
    local sub
    for sub in $(help_subcommands "$1"); do
        echo "$sub"
        help_subcommands "$1" "$sub"
    done | sort -u
}

# help_options TOOL: every option (-x and --long) that `TOOL --help` and
# each subcommand's (and sub-subcommand's) --help lists, one a line.
help_options() {
    local tool=$1 sub subsub
    {
        _help_options_of "$tool"
        for sub in $(help_subcommands "$tool"); do
            _help_options_of "$tool" "$sub"
            for subsub in $(help_subcommands "$tool" "$sub"); do
                _help_options_of "$tool" "$sub" "$subsub"
            done
        done
    } | sort -u
}

_help_options_of() {
    "$@" --help | awk '/^[A-Za-z]+:$/ { section = $0; next }
                       section == "Options:" && /^  +-/ {
                           n = split($1, names, ",")
                           for (i = 1; i <= n; i++) print names[i]
                       }'
}
