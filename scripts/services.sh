#!/usr/bin/env bash
# Starts, stops and shows the PostgreSQL and Redis that WeStudio runs against in
# development and tests: plain processes from Debian's packages, listening on
# 127.0.0.1 only, with their data in a git-ignored folder of the repo.
#
#   scripts/services.sh up       start both (idempotent), wait until they accept
#                                connections, print the connection strings
#   scripts/services.sh down     stop what this script started in that data dir
#   scripts/services.sh status   show both; exit 0 when both are up, 3 otherwise
#   scripts/services.sh env      print `export …` lines for the connection strings:
#                                eval "$(scripts/services.sh env)"
#
# Environment:
#   WESTUDIO_DATA_DIR    data folder (default <repo>/.data/dev): pg/, redis/, run/
#   WESTUDIO_PG_PORT     PostgreSQL port (default 54320)
#   WESTUDIO_REDIS_PORT  Redis port (default 63790)
#   WESTUDIO_PG_FAST=1   start PostgreSQL without fsync, synchronous_commit and
#                        full_page_writes: for throwaway test data only, a crash
#                        can corrupt it
#
# Log output goes to stderr; stdout carries only the connection strings, so the
# output of `up` and `env` can be read by other scripts.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DATA_DIR="${WESTUDIO_DATA_DIR:-$WS_ROOT/.data/dev}"
[[ "$DATA_DIR" == /* ]] || DATA_DIR="$PWD/$DATA_DIR"
PG_PORT="${WESTUDIO_PG_PORT:-54320}"
REDIS_PORT="${WESTUDIO_REDIS_PORT:-63790}"
PG_FAST="${WESTUDIO_PG_FAST:-0}"

PG_DATA="$DATA_DIR/pg"
REDIS_DIR="$DATA_DIR/redis"
RUN_DIR="$DATA_DIR/run"
PG_LOG="$RUN_DIR/postgres.log"
REDIS_LOG="$RUN_DIR/redis.log"
REDIS_PIDFILE="$RUN_DIR/redis.pid"

PG_USER=westudio
PG_DB=westudio
WAIT_SECONDS=60

ws_check_port WESTUDIO_PG_PORT "$PG_PORT"
ws_check_port WESTUDIO_REDIS_PORT "$REDIS_PORT"
[[ "$PG_PORT" != "$REDIS_PORT" ]] || ws_die "WESTUDIO_PG_PORT and WESTUDIO_REDIS_PORT are both $PG_PORT"
# The paths end up in pg_ctl's -o string and in Redis' command-line config,
# neither of which takes whitespace or quotes safely.
[[ "$DATA_DIR" != *[[:space:]\'\"\\]* ]] \
  || ws_die "WESTUDIO_DATA_DIR must not contain whitespace, quotes or backslashes: '$DATA_DIR'"

PG_BIN=""

usage() {
  sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}" >&2
  exit 2
}

# Runs a PostgreSQL server tool. PostgreSQL refuses to run as root, so as root it
# runs as the `postgres` system user the Debian package creates, from / so that it
# never trips over a working directory it cannot read.
as_pg() {
  if ws_is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Installs postgresql and redis-server when missing (as root), or says what to
# install and exits 1 (not root).
ensure_packages() {
  local missing=()
  [[ -n "$(ws_pg_bindir)" ]] || missing+=(postgresql)
  { command -v redis-server && command -v redis-cli; } >/dev/null 2>&1 || missing+=(redis-server)
  if ((${#missing[@]} > 0)); then
    if ! ws_is_root; then
      ws_info "PostgreSQL and Redis from Debian's packages are needed; missing: ${missing[*]}."
      ws_info "Install them as root, then run this again:"
      ws_info "  apt-get update && apt-get install -y postgresql redis-server"
      exit 1
    fi
    command -v apt-get >/dev/null 2>&1 || ws_die "missing ${missing[*]} and no apt-get to install them with"
    ws_info "Installing ${missing[*]} from Debian's packages…"
    apt-get update >&2
    # The packages try to start system services, which fails (quietly) in a
    # container; that is fine, we start our own processes on our own ports. So a
    # non-zero exit is judged by whether the programs are there afterwards.
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2 \
      || ws_warn "apt-get install exited non-zero; checking whether the programs are there anyway"
    [[ -n "$(ws_pg_bindir)" ]] || ws_die "PostgreSQL is still missing after apt-get install postgresql"
    command -v redis-server >/dev/null 2>&1 || ws_die "redis-server is still missing after apt-get install redis-server"
  fi
  PG_BIN="$(ws_pg_bindir)"
  if ws_is_root; then
    id -u postgres >/dev/null 2>&1 \
      || ws_die "running as root needs the 'postgres' system user (the postgresql package creates it)"
  fi
}

# Makes a folder owned by the user PostgreSQL runs as.
make_pg_dir() {
  mkdir -p "$1"
  if ws_is_root; then
    chown postgres:postgres "$1"
  fi
}

# As root, the postgres user must be able to reach the data folder: every parent
# folder must be traversable (o+x) by it. Adds o+x where it is missing, and says so.
ensure_traversable() {
  ws_is_root || return 0
  local dir="$1" chain=()
  while [[ "$dir" != "/" && -n "$dir" ]]; do
    chain=("$dir" "${chain[@]}")
    dir="$(dirname "$dir")"
  done
  for dir in "${chain[@]}"; do
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      ws_info "Allowing the postgres user to traverse $dir (chmod o+x)"
      chmod o+x "$dir"
    fi
  done
}

# Folder for PostgreSQL's Unix socket: run/, unless its path is too long for a
# socket name (about 107 bytes), then a folder under /tmp named after the data dir.
pg_socket_dir() {
  local socket="$RUN_DIR/.s.PGSQL.$PG_PORT"
  if ((${#socket} < 100)); then
    printf '%s\n' "$RUN_DIR"
  else
    printf '/tmp/westudio-pg-%s\n' "$(printf '%s' "$DATA_DIR" | cksum | cut -d' ' -f1)"
  fi
}

pg_initialised() { [[ -f "$PG_DATA/PG_VERSION" ]]; }

pg_running() {
  pg_initialised && [[ -n "$PG_BIN" ]] && as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

# Port of the running server, from line 4 of postmaster.pid.
pg_running_port() {
  sed -n 4p "$PG_DATA/postmaster.pid" 2>/dev/null || true
}

pg_ready() {
  "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d postgres >/dev/null 2>&1
}

pg_psql() {
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" "$@"
}

# Pid of the Redis this data dir started, if it is alive; nothing otherwise.
redis_pid() {
  local pid
  [[ -f "$REDIS_PIDFILE" ]] || return 0
  pid="$(tr -dc '0-9' <"$REDIS_PIDFILE")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 0
  # A stale pid file may name a pid reused by something else: only a
  # redis-server working in our folder (Redis chdirs into --dir) counts.
  if tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q '^redis-server' \
    && [[ "$(readlink "/proc/$pid/cwd" 2>/dev/null)" == "$(cd "$REDIS_DIR" 2>/dev/null && pwd -P)" ]]; then
    printf '%s\n' "$pid"
  fi
}

# Port of the running Redis, from its process title "redis-server 127.0.0.1:PORT".
redis_running_port() {
  tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | sed -n 's/^redis-server [^ ]*:\([0-9]*\).*/\1/p'
}

redis_ready() {
  [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]]
}

log_tail() {
  if [[ -f "$1" ]]; then
    ws_info "--- last lines of $1 ---"
    tail -n 30 "$1" >&2
    ws_info "---"
  fi
}

# Waits until "$1" succeeds, at most WAIT_SECONDS.
wait_for() {
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$1"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

pg_up() {
  if pg_running; then
    local port
    port="$(pg_running_port)"
    [[ -z "$port" || "$port" == "$PG_PORT" ]] \
      || ws_die "PostgreSQL of $DATA_DIR is running on port $port, not $PG_PORT; run 'down' first"
    ws_info "postgres: already running on 127.0.0.1:$PG_PORT"
  else
    ensure_traversable "$DATA_DIR"
    make_pg_dir "$RUN_DIR"
    local socket_dir
    socket_dir="$(pg_socket_dir)"
    make_pg_dir "$socket_dir"
    if ! pg_initialised; then
      make_pg_dir "$PG_DATA"
      chmod 700 "$PG_DATA"
      ws_info "postgres: creating a cluster in $PG_DATA"
      # Trust authentication, no password: for development and tests only. The
      # server listens on 127.0.0.1 and a Unix socket in our folder, never on a
      # network interface, so only processes on this machine can reach it. Never
      # use this setup for a server that holds real data.
      as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --auth=trust -E UTF8 --locale=C.UTF-8 \
        --no-instructions >"$RUN_DIR/initdb.log" 2>&1 \
        || { log_tail "$RUN_DIR/initdb.log"; ws_die "initdb failed"; }
    fi
    local opts="-c listen_addresses=127.0.0.1 -p $PG_PORT -k '$socket_dir' -c max_connections=200"
    if [[ "$PG_FAST" == 1 ]]; then
      # Throwaway test data only: faster commits, no crash safety.
      opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    ws_info "postgres: starting on 127.0.0.1:$PG_PORT$([[ "$PG_FAST" == 1 ]] && echo ' (fast: fsync off)')"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$WAIT_SECONDS" -o "$opts" start >/dev/null 9>&- \
      || { log_tail "$PG_LOG"; ws_die "PostgreSQL did not start"; }
  fi
  wait_for pg_ready \
    || { log_tail "$PG_LOG"; ws_die "PostgreSQL on 127.0.0.1:$PG_PORT does not accept connections after ${WAIT_SECONDS}s"; }
  if [[ "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]]; then
    ws_info "postgres: creating database $PG_DB"
    pg_psql -d postgres -c "CREATE DATABASE $PG_DB"
  fi
}

redis_up() {
  local pid
  pid="$(redis_pid)"
  if [[ -n "$pid" ]]; then
    local port
    port="$(redis_running_port "$pid")"
    [[ -z "$port" || "$port" == "$REDIS_PORT" ]] \
      || ws_die "Redis of $DATA_DIR is running on port $port, not $REDIS_PORT; run 'down' first"
    ws_info "redis: already running on 127.0.0.1:$REDIS_PORT"
  else
    mkdir -p "$REDIS_DIR" "$RUN_DIR"
    rm -f "$REDIS_PIDFILE"
    ws_info "redis: starting on 127.0.0.1:$REDIS_PORT"
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$REDIS_DIR" --appendonly yes \
      --daemonize yes --pidfile "$REDIS_PIDFILE" --logfile "$REDIS_LOG" >/dev/null 9>&- \
      || { log_tail "$REDIS_LOG"; ws_die "redis-server did not start"; }
  fi
  wait_for redis_ready \
    || { log_tail "$REDIS_LOG"; ws_die "Redis on 127.0.0.1:$REDIS_PORT does not answer PING after ${WAIT_SECONDS}s"; }
}

pg_down() {
  if pg_running; then
    ws_info "postgres: stopping (127.0.0.1:$(pg_running_port))"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$WAIT_SECONDS" stop >/dev/null \
      || { log_tail "$PG_LOG"; ws_die "PostgreSQL did not stop"; }
    local socket_dir
    socket_dir="$(pg_socket_dir)"
    [[ "$socket_dir" == "$RUN_DIR" ]] || rmdir "$socket_dir" 2>/dev/null || true
  else
    ws_info "postgres: not running"
  fi
}

redis_down() {
  local pid
  pid="$(redis_pid)"
  if [[ -n "$pid" ]]; then
    ws_info "redis: stopping (127.0.0.1:$(redis_running_port "$pid"), pid $pid)"
    # SIGTERM is Redis' clean shutdown: it flushes the append-only file first.
    kill -TERM "$pid"
    local deadline=$((SECONDS + WAIT_SECONDS))
    while [[ -e "/proc/$pid" ]]; do
      ((SECONDS < deadline)) || { log_tail "$REDIS_LOG"; ws_die "Redis (pid $pid) did not stop"; }
      sleep 0.2
    done
    rm -f "$REDIS_PIDFILE"
  else
    ws_info "redis: not running"
  fi
}

connection_strings() {
  printf 'ConnectionStrings__Postgres=Host=127.0.0.1;Port=%s;Username=%s;Database=%s\n' "$PG_PORT" "$PG_USER" "$PG_DB"
  printf 'ConnectionStrings__Redis=127.0.0.1:%s\n' "$REDIS_PORT"
}

# Takes an exclusive lock on the data dir so that two `up`/`down` never race.
# The servers are started with fd 9 closed, or they would hold the lock forever.
lock_data_dir() {
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$DATA_DIR"
  exec 9>"$DATA_DIR/.lock"
  flock -w "$WAIT_SECONDS" 9 || ws_die "another services.sh holds $DATA_DIR/.lock"
}

# Before starting anything: a port we would start on must be free.
check_ports_free() {
  if ! pg_running && ws_port_open "$PG_PORT"; then
    ws_die "port $PG_PORT is taken by another process; set WESTUDIO_PG_PORT to a free port"
  fi
  if [[ -z "$(redis_pid)" ]] && ws_port_open "$REDIS_PORT"; then
    ws_die "port $REDIS_PORT is taken by another process; set WESTUDIO_REDIS_PORT to a free port"
  fi
}

cmd_up() {
  ensure_packages
  lock_data_dir
  check_ports_free
  pg_up
  redis_up
  ws_info "services up (data in $DATA_DIR)"
  connection_strings
}

cmd_down() {
  PG_BIN="$(ws_pg_bindir)"
  if [[ ! -d "$DATA_DIR" ]]; then
    ws_info "nothing to stop: $DATA_DIR does not exist"
    return 0
  fi
  lock_data_dir
  pg_down
  redis_down
}

cmd_status() {
  PG_BIN="$(ws_pg_bindir)"
  local up=0 pid port
  if pg_running; then
    port="$(pg_running_port)"
    if [[ -n "$port" && "$port" != "$PG_PORT" ]]; then
      printf 'postgres: running on 127.0.0.1:%s, not on the expected %s  data %s\n' "$port" "$PG_PORT" "$PG_DATA"
    elif pg_ready; then
      printf 'postgres: up    127.0.0.1:%s  data %s\n' "$PG_PORT" "$PG_DATA"
      up=$((up + 1))
    else
      printf 'postgres: started, not accepting connections on 127.0.0.1:%s  data %s\n' "$PG_PORT" "$PG_DATA"
    fi
  else
    printf 'postgres: down  127.0.0.1:%s  data %s\n' "$PG_PORT" "$PG_DATA"
  fi
  pid="$(redis_pid)"
  if [[ -n "$pid" ]]; then
    port="$(redis_running_port "$pid")"
    if [[ -n "$port" && "$port" != "$REDIS_PORT" ]]; then
      printf 'redis:    running on 127.0.0.1:%s, not on the expected %s  data %s\n' "$port" "$REDIS_PORT" "$REDIS_DIR"
    elif redis_ready; then
      printf 'redis:    up    127.0.0.1:%s  data %s\n' "$REDIS_PORT" "$REDIS_DIR"
      up=$((up + 1))
    else
      printf 'redis:    started, not answering PING on 127.0.0.1:%s  data %s\n' "$REDIS_PORT" "$REDIS_DIR"
    fi
  else
    printf 'redis:    down  127.0.0.1:%s  data %s\n' "$REDIS_PORT" "$REDIS_DIR"
  fi
  ((up == 2)) || exit 3
}

cmd_env() {
  connection_strings | sed "s/^\([^=]*\)=\(.*\)$/export \1='\2'/"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  *) usage ;;
esac
