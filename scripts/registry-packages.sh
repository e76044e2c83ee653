# Sourced by scripts/test*: the integration tests start a real registry
# (distribution 2.8, Debian's docker-registry) with htpasswd and TLS; install
# those packages when they are missing.
if ! command -v docker-registry >/dev/null || ! command -v htpasswd >/dev/null || ! command -v openssl >/dev/null; then
  echo "basepin: installing Debian's docker-registry for the integration tests" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq docker-registry apache2-utils openssl >/dev/null
fi
