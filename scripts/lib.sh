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
