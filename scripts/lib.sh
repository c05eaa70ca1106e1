# shellcheck shell=bash
# Shared helpers for the WeStudio scripts. Source it, do not run it:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It only defines variables and functions; it starts nothing.

# Repository root: the folder above scripts/.
WS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
export WS_ROOT

ws_info() { printf '%s\n' "$*" >&2; }
ws_warn() { printf 'warning: %s\n' "$*" >&2; }
ws_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

ws_is_root() { [[ "$(id -u)" -eq 0 ]]; }

# The mariadb client (scripts/services.sh sql), as user westudio over TCP on
# database westudio, against the MariaDB of WESTUDIO_DATA_DIR on WESTUDIO_DB_PORT
# (both as for scripts/services.sh, which must have started it). Arguments go to
# the client, e.g.
#   ws_sql -N -B -e "SELECT count(*) FROM members"
#   ws_sql -D westudio_test < script.sql
ws_sql() {
  bash "$WS_ROOT/scripts/services.sh" sql "$@"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
ws_port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Fails unless $1 is a TCP port number.
ws_check_port() {
  local name="$1" value="$2"
  if ! [[ "$value" =~ ^[0-9]{1,5}$ ]] || ((10#$value < 1 || 10#$value > 65535)); then
    ws_die "$name must be a TCP port number (1-65535), got '$value'"
  fi
}

# Issue 17: the photo codec encodes JPEG through the system's SIMD libjpeg-turbo (libturbojpeg0) when it is installed
# (~5× faster than the copy inside SkiaSharp, built without SIMD); without it the API still works, encoding with Skia.
# Installs it as root with apt-get; otherwise warns.
ws_ensure_turbojpeg() {
  ldconfig -p 2>/dev/null | grep -q 'libturbojpeg\.so\.0 ' && return 0
  if ws_is_root && command -v apt-get >/dev/null 2>&1; then
    ws_info "==> installing libturbojpeg0 (SIMD JPEG encoder for photos)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libturbojpeg0 >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libturbojpeg0 >/dev/null 2>&1; } \
      || ws_warn "could not install libturbojpeg0: photos are encoded with Skia's JPEG encoder (slower)"
  else
    ws_warn "libturbojpeg0 is not installed (apt-get install -y libturbojpeg0): photos are encoded with Skia's JPEG encoder (slower)"
  fi
}
