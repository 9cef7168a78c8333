set -o pipefail; for tool in newsdex-index newsdex-query; do $tool --version | sed -E -e '1s/^(newsdex-[a-z]+) [0-9]+\.[0-9]+\.[0-9]+$/\1 X.Y.Z/' -e '3,$s/ [0-9]+(\.[0-9]+)+$/ N.N/' || exit; done
# --version: "TOOL X.Y.Z", the index format, then the libraries one a line (their versions vary by machine: masked)
