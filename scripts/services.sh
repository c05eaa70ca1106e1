#!/usr/bin/env bash
# Starts, stops and shows the MariaDB and Redis that WeStudio runs against in
# development and tests: plain processes from Debian's packages, listening on
# 127.0.0.1 only, with their data in a git-ignored folder of the repo.
# (Production runs MySQL 8; MariaDB 10.11 is what Debian packages.)
#
#   scripts/services.sh up       start both (idempotent), wait until they accept
#                                connections, print the connection strings
#   scripts/services.sh down     stop what this script started in that data dir
#   scripts/services.sh status   show both; exit 0 when both are up, 3 otherwise
#   scripts/services.sh env      print `export …` lines for the connection strings:
#                                eval "$(scripts/services.sh env)"
#   scripts/services.sh sql …    run the mariadb client as user westudio over TCP
#                                on database westudio of this data dir's server;
#                                arguments go to the client, e.g.
#                                sql -e "SELECT 1", sql -D westudio_test -N -B < x.sql
#
# Environment:
#   WESTUDIO_DATA_DIR        data folder (default <repo>/.data/dev): mysql/, redis/, run/
#   WESTUDIO_DB_PORT         MariaDB port (default 33306)
#   WESTUDIO_REDIS_PORT      Redis port (default 63790)
#   WESTUDIO_DB_BUFFER_POOL  innodb_buffer_pool_size (default 256M)
#   WESTUDIO_DB_FAST=1       start MariaDB without flushing the InnoDB log at each
#                            commit and without the doublewrite buffer: for
#                            throwaway test data only, a crash can lose or
#                            corrupt it
# These are read when a server starts; a server that is already running keeps
# the settings it was started with (run `down` first to change them).
#
# Log output goes to stderr; stdout carries only the connection strings (and, for
# `sql`, the client's output), so it can be read by other scripts.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

DATA_DIR="${WESTUDIO_DATA_DIR:-$WS_ROOT/.data/dev}"
[[ "$DATA_DIR" == /* ]] || DATA_DIR="$PWD/$DATA_DIR"
DB_PORT="${WESTUDIO_DB_PORT:-33306}"
REDIS_PORT="${WESTUDIO_REDIS_PORT:-63790}"
DB_FAST="${WESTUDIO_DB_FAST:-0}"
DB_BUFFER_POOL="${WESTUDIO_DB_BUFFER_POOL:-256M}"

DB_DATA="$DATA_DIR/mysql"
REDIS_DIR="$DATA_DIR/redis"
RUN_DIR="$DATA_DIR/run"
MY_CNF="$RUN_DIR/my.cnf"
DB_PIDFILE="$RUN_DIR/mariadb.pid"
DB_LOG="$RUN_DIR/mariadb.log"
REDIS_LOG="$RUN_DIR/redis.log"
REDIS_PIDFILE="$RUN_DIR/redis.pid"

DB_USER=westudio
DB_NAME=westudio
WAIT_SECONDS=60

ws_check_port WESTUDIO_DB_PORT "$DB_PORT"
ws_check_port WESTUDIO_REDIS_PORT "$REDIS_PORT"
[[ "$DB_PORT" != "$REDIS_PORT" ]] || ws_die "WESTUDIO_DB_PORT and WESTUDIO_REDIS_PORT are both $DB_PORT"
[[ "$DB_BUFFER_POOL" =~ ^[0-9]+[KMGkmg]?$ ]] \
  || ws_die "WESTUDIO_DB_BUFFER_POOL must be a size such as 256M or 1G, got '$DB_BUFFER_POOL'"
# The paths end up in my.cnf and in Redis' command-line config, neither of which
# takes whitespace or quotes safely.
[[ "$DATA_DIR" != *[[:space:]\'\"\\]* ]] \
  || ws_die "WESTUDIO_DATA_DIR must not contain whitespace, quotes or backslashes: '$DATA_DIR'"

MARIADBD=""

usage() {
  sed -n '2,/^set -euo/{/^#/s/^# \{0,1\}//p}' "${BASH_SOURCE[0]}" >&2
  exit 2
}

# The server binary: in /usr/sbin, which is not on every user's PATH.
find_mariadbd() {
  if command -v mariadbd >/dev/null 2>&1; then
    command -v mariadbd
  elif [[ -x /usr/sbin/mariadbd ]]; then
    printf '%s\n' /usr/sbin/mariadbd
  fi
}

# The server and mariadb-install-db (package mariadb-server, through mariadb-server-core).
have_mariadb_server() {
  [[ -n "$(find_mariadbd)" ]] && command -v mariadb-install-db >/dev/null 2>&1
}

# The client programs this script and the others use (package mariadb-client).
have_mariadb_clients() {
  { command -v mariadb && command -v mariadb-admin; } >/dev/null 2>&1
}

# Installs mariadb-server, mariadb-client and redis-server when missing (as
# root), or says what to install and exits 1 (not root).
ensure_packages() {
  local missing=()
  have_mariadb_server || missing+=(mariadb-server)
  have_mariadb_clients || missing+=(mariadb-client)
  { command -v redis-server && command -v redis-cli; } >/dev/null 2>&1 || missing+=(redis-server)
  if ((${#missing[@]} > 0)); then
    if ! ws_is_root; then
      ws_info "MariaDB and Redis from Debian's packages are needed; missing: ${missing[*]}."
      ws_info "Install them as root, then run this again:"
      ws_info "  apt-get update && apt-get install -y --no-install-recommends mariadb-server mariadb-client redis-server"
      exit 1
    fi
    command -v apt-get >/dev/null 2>&1 || ws_die "missing ${missing[*]} and no apt-get to install them with"
    ws_info "Installing ${missing[*]} from Debian's packages…"
    apt-get update >&2
    # The packages try to start system services, which fails (quietly) in a
    # container; that is fine, we start our own processes on our own ports. So a
    # non-zero exit is judged by whether the programs are there afterwards.
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >&2 \
      || ws_warn "apt-get install exited non-zero; checking whether the programs are there anyway"
    have_mariadb_server || ws_die "mariadbd or mariadb-install-db is still missing after apt-get install mariadb-server"
    have_mariadb_clients || ws_die "the MariaDB client programs are still missing after apt-get install mariadb-client"
    command -v redis-server >/dev/null 2>&1 || ws_die "redis-server is still missing after apt-get install redis-server"
  fi
  MARIADBD="$(find_mariadbd)"
}

# Path of MariaDB's Unix socket: in run/, unless that path is too long for a
# socket name (about 107 bytes), then in a folder under /tmp named after the data dir.
db_socket() {
  local socket="$RUN_DIR/mariadb.sock"
  if ((${#socket} < 100)); then
    printf '%s\n' "$socket"
  else
    printf '/tmp/westudio-mysql-%s/mariadb.sock\n' "$(printf '%s' "$DATA_DIR" | cksum | cut -d' ' -f1)"
  fi
}

# Writes run/my.cnf, the only option file the server and our clients read
# (--defaults-file: /etc/mysql is never consulted). Written before each start,
# never while the server runs, so it always describes the running server.
write_my_cnf() {
  local socket durability
  socket="$(db_socket)"
  if [[ "$DB_FAST" == 1 ]]; then
    # Throwaway test data only: commits are not flushed to disk, torn pages are
    # not guarded against; a crash of the machine (or of mariadbd) can lose or
    # corrupt data.
    durability="innodb_flush_log_at_trx_commit = 0
innodb_doublewrite = 0
sync_binlog = 0"
  else
    durability="innodb_flush_log_at_trx_commit = 1"
  fi
  local run_as=""
  # mariadbd refuses to run as root unless told to; as root it simply does, so
  # that nothing in the data folder needs a chown.
  ws_is_root && run_as="user = root"
  cat >"$MY_CNF" <<EOF
# Written by scripts/services.sh before each start; edits are overwritten.
[mysqld]
datadir = $DB_DATA
socket = $socket
port = $DB_PORT
pid-file = $DB_PIDFILE
bind-address = 127.0.0.1
$run_as
character-set-server = utf8mb4
collation-server = utf8mb4_unicode_520_ci
default-time-zone = '+00:00'
skip-name-resolve
skip-log-bin
max_connections = 600
innodb_buffer_pool_size = $DB_BUFFER_POOL
$durability
log-error = $DB_LOG
# MySQL 8's default sql_mode but ONLY_FULL_GROUP_BY, which MariaDB applies more
# strictly than MySQL 8 (it ignores functional dependencies on a primary key);
# MariaDB's own default lacks NO_ZERO_IN_DATE and NO_ZERO_DATE.
sql_mode = 'STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'
# MySQL 8's default (MariaDB's is 16M).
max_allowed_packet = 64M
# LOAD DATA LOCAL INFILE, for the bulk loads of scripts/bench-ledger.sh.
local_infile = 1

[client]
socket = $socket
port = $DB_PORT
default-character-set = utf8mb4

[mariadb-client]
local-infile = 1
EOF
}

db_initialised() { [[ -d "$DB_DATA/mysql" ]]; }

# Pid of the MariaDB this data dir started, if it is alive; nothing otherwise.
db_pid() {
  local pid
  [[ -f "$DB_PIDFILE" ]] || return 0
  pid="$(tr -dc '0-9' <"$DB_PIDFILE")"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 0
  # A stale pid file may name a pid reused by something else: only a mariadbd
  # started with our option file counts.
  if tr '\0' '\n' <"/proc/$pid/cmdline" | grep -qxF -- "--defaults-file=$MY_CNF"; then
    printf '%s\n' "$pid"
  fi
}

db_running() { [[ -n "$(db_pid)" ]]; }

# Port of the running server, from the option file it was started with.
db_running_port() {
  sed -n 's/^port = //p' "$MY_CNF" 2>/dev/null | head -n 1
}

# True when the server was started with WESTUDIO_DB_FAST=1.
db_running_fast() {
  grep -qx 'innodb_flush_log_at_trx_commit = 0' "$MY_CNF" 2>/dev/null
}

# True when the server accepts westudio's TCP connections on our port.
db_ready() {
  mariadb-admin --defaults-file="$MY_CNF" --protocol=TCP -h 127.0.0.1 -P "$DB_PORT" -u "$DB_USER" \
    --connect-timeout=2 ping >/dev/null 2>&1
}

# The server's root account, over the Unix socket (no password: see db_init).
db_root() {
  mariadb --defaults-file="$MY_CNF" --protocol=SOCKET -u root --batch --skip-column-names "$@"
}

# True when the server answers root on the Unix socket: it is up, before user
# westudio exists (pinging as a missing user would put a warning in the log).
db_root_ready() {
  mariadb-admin --defaults-file="$MY_CNF" --protocol=SOCKET -u root --connect-timeout=2 ping >/dev/null 2>&1
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

# Waits until the server just started (pid $1) answers; fails early if it exits.
wait_for_db_start() {
  local deadline=$((SECONDS + WAIT_SECONDS))
  until db_root_ready; do
    [[ -e "/proc/$1" ]] || return 1
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

db_init() {
  if [[ -d "$DB_DATA" && -n "$(ls -A "$DB_DATA")" ]]; then
    ws_die "$DB_DATA holds files but no MariaDB system tables (an interrupted first start?); remove it and run 'up' again"
  fi
  mkdir -p "$DB_DATA"
  chmod 700 "$DB_DATA"
  ws_info "mariadb: creating the system tables in $DB_DATA"
  # root gets no password (normal authentication), through our socket and from
  # 127.0.0.1: for development and tests only, as user westudio (see db_up).
  if ! mariadb-install-db --defaults-file="$MY_CNF" --auth-root-authentication-method=normal --skip-test-db \
    >"$RUN_DIR/install-db.log" 2>&1 9>&-; then
    log_tail "$RUN_DIR/install-db.log"
    log_tail "$DB_LOG"
    # Empty before (checked above): start from scratch next time.
    rm -rf "$DB_DATA"
    ws_die "mariadb-install-db failed"
  fi
}

db_up() {
  if db_running; then
    local port
    port="$(db_running_port)"
    [[ -z "$port" || "$port" == "$DB_PORT" ]] \
      || ws_die "MariaDB of $DATA_DIR is running on port $port, not $DB_PORT; run 'down' first"
    if db_running_fast && [[ "$DB_FAST" != 1 ]]; then
      ws_warn "MariaDB of $DATA_DIR runs with WESTUDIO_DB_FAST=1 (no flush at commit); run 'down' and 'up' for durable commits"
    elif ! db_running_fast && [[ "$DB_FAST" == 1 ]]; then
      ws_info "mariadb: note: running with durable commits (started without WESTUDIO_DB_FAST=1)"
    fi
    ws_info "mariadb: already running on 127.0.0.1:$DB_PORT"
  else
    mkdir -p "$RUN_DIR"
    local socket
    socket="$(db_socket)"
    mkdir -p "$(dirname "$socket")"
    rm -f "$DB_PIDFILE"
    write_my_cnf
    db_initialised || db_init
    ws_info "mariadb: starting on 127.0.0.1:$DB_PORT$([[ "$DB_FAST" == 1 ]] && echo ' (fast: no flush at commit)')"
    # In a session of its own (setsid), like a daemon: Ctrl-C in the terminal that
    # ran this script, or that terminal closing, does not reach it.
    setsid "$MARIADBD" --defaults-file="$MY_CNF" </dev/null >>"$DB_LOG" 2>&1 9>&- &
    local pid=$!
    wait_for_db_start "$pid" \
      || { log_tail "$DB_LOG"; ws_die "MariaDB of $DATA_DIR did not start (see $DB_LOG)"; }
    # mariadb-install-db also makes root@<this host's name>, which
    # skip-name-resolve ignores with a warning at every start: drop it.
    local host
    for host in $(db_root -e "SELECT host FROM mysql.user WHERE user = 'root' AND host NOT IN ('localhost', '127.0.0.1', '::1')"); do
      db_root -e "DROP USER 'root'@'$host'"
    done
  fi
  wait_for db_root_ready \
    || { log_tail "$DB_LOG"; ws_die "MariaDB of $DATA_DIR does not answer after ${WAIT_SECONDS}s"; }
  # User westudio, no password, every privilege on every database (the tests
  # create and drop databases of their own): for development and tests only. The
  # server listens on 127.0.0.1 and a Unix socket in our folder, never on a
  # network interface, so only processes on this machine can reach it. Never use
  # this setup for a server that holds real data.
  db_root <<SQL || { log_tail "$DB_LOG"; ws_die "could not create user $DB_USER and database $DB_NAME"; }
CREATE USER IF NOT EXISTS '$DB_USER'@'127.0.0.1';
CREATE USER IF NOT EXISTS '$DB_USER'@'localhost';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'127.0.0.1';
GRANT ALL PRIVILEGES ON *.* TO '$DB_USER'@'localhost';
CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci;
SQL
  wait_for db_ready \
    || { log_tail "$DB_LOG"; ws_die "MariaDB on 127.0.0.1:$DB_PORT does not accept connections after ${WAIT_SECONDS}s"; }
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

db_down() {
  local pid
  pid="$(db_pid)"
  if [[ -n "$pid" ]]; then
    ws_info "mariadb: stopping (127.0.0.1:$(db_running_port), pid $pid)"
    # A clean shutdown; should the admin tool fail (no account can connect),
    # SIGTERM is the server's clean shutdown too.
    mariadb-admin --defaults-file="$MY_CNF" --protocol=SOCKET -u root shutdown >/dev/null 2>&1 \
      || kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + WAIT_SECONDS))
    while [[ -e "/proc/$pid" ]]; do
      ((SECONDS < deadline)) || { log_tail "$DB_LOG"; ws_die "MariaDB (pid $pid) did not stop"; }
      sleep 0.2
    done
    local socket
    socket="$(db_socket)"
    [[ "$(dirname "$socket")" == "$RUN_DIR" ]] || rm -rf "$(dirname "$socket")"
  else
    ws_info "mariadb: not running"
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
  printf 'ConnectionStrings__MySql=Server=127.0.0.1;Port=%s;User ID=%s;Database=%s\n' "$DB_PORT" "$DB_USER" "$DB_NAME"
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
  if ! db_running && ws_port_open "$DB_PORT"; then
    ws_die "port $DB_PORT is taken by another process; set WESTUDIO_DB_PORT to a free port"
  fi
  if [[ -z "$(redis_pid)" ]] && ws_port_open "$REDIS_PORT"; then
    ws_die "port $REDIS_PORT is taken by another process; set WESTUDIO_REDIS_PORT to a free port"
  fi
}

cmd_up() {
  ensure_packages
  lock_data_dir
  check_ports_free
  db_up
  redis_up
  ws_info "services up (data in $DATA_DIR)"
  connection_strings
}

cmd_down() {
  if [[ ! -d "$DATA_DIR" ]]; then
    ws_info "nothing to stop: $DATA_DIR does not exist"
    return 0
  fi
  lock_data_dir
  db_down
  redis_down
}

cmd_status() {
  local up=0 pid port
  if db_running; then
    port="$(db_running_port)"
    if [[ -n "$port" && "$port" != "$DB_PORT" ]]; then
      printf 'mariadb:  running on 127.0.0.1:%s, not on the expected %s  data %s\n' "$port" "$DB_PORT" "$DB_DATA"
    elif db_ready; then
      printf 'mariadb:  up    127.0.0.1:%s  data %s%s\n' "$DB_PORT" "$DB_DATA" "$(db_running_fast && echo '  (fast: no flush at commit)')"
      up=$((up + 1))
    else
      printf 'mariadb:  started, not accepting connections on 127.0.0.1:%s  data %s\n' "$DB_PORT" "$DB_DATA"
    fi
  else
    printf 'mariadb:  down  127.0.0.1:%s  data %s\n' "$DB_PORT" "$DB_DATA"
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

# The mariadb client as westudio over TCP on database westudio (a -D among the
# arguments picks another), with this data dir's option file (character set
# utf8mb4, LOAD DATA LOCAL allowed). Takes no lock: a long query never holds up
# `up` or `down`.
cmd_sql() {
  [[ -f "$MY_CNF" ]] || ws_die "no $MY_CNF: start the services first (scripts/services.sh up)"
  command -v mariadb >/dev/null 2>&1 || ws_die "the mariadb client is missing: apt-get install -y --no-install-recommends mariadb-client"
  exec mariadb --defaults-file="$MY_CNF" --protocol=TCP -h 127.0.0.1 -P "$DB_PORT" -u "$DB_USER" -D "$DB_NAME" "$@"
}

case "${1:-}" in
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  env) cmd_env ;;
  sql) shift; cmd_sql "$@" ;;
  *) usage ;;
esac
