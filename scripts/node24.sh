# Sourced by scripts/*: puts Node >= 24 (the Actions runtime) first on PATH, the
# machine's when it is new enough, else the official build for this machine
# fetched into .cache/node24 (see scripts/node.sh).
source "$(dirname "${BASH_SOURCE[0]}")/node.sh"
basepin_use_node 24 || return 1
