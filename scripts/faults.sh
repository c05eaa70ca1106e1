#!/usr/bin/env bash
# Faults survived, measured (issue 18). Starts its own MariaDB, Redis, WeChat sandbox, two API instances (Release) and
# HAProxy in front of them, all on loopback, runs each scenario, prints a table, and exits non-zero if any property fails.
#
#   scripts/faults.sh                      # every scenario at the issue's sizes
#   FAULTS_FAST=1 scripts/faults.sh        # the test suite's subset: few members, two scenarios
#   FAULTS_SCENARIOS="mysql haproxy" scripts/faults.sh
#
# Check-in scenarios (members behave like the mini-program, scripts/faults/drill.py: on a network error, a timeout or a
# 502/503/504 they resend the same request with the same clientNonce, backing off, for up to 30 s; on 401 they sign in
# again; on token_expired/token_invalid/not_open they scan the code the projector shows now, same nonce). Every member
# goes through HAProxy. After each: every member with a final 2xx has exactly one live check-in row, every member
# without one has none; the members left without a check-in are counted (the property asks 0: each fault is shorter
# than the retry budget).
#   mysql        MariaDB stopped mid-burst, started again 5 s later
#   redis        Redis stopped mid-burst (clean shutdown, AOF kept), started again 5 s later
#   redis-loss   Redis loses its data mid-burst (stopped, its files deleted, started empty): sessions and the open state
#                are gone, members sign in again (401), the leader signs in again and reopens check-in
#   haproxy      kill -9 of one of the two API instances mid-burst; the burst completes through the other
# Other scenarios:
#   reminders    two instances dispatch FAULTS_REMINDERS due reminders; kill -9 of one mid-batch; the sandbox counts
#                deliveries: every reminder delivered at least once, duplicates ≤ the killed instance's claimed rows
#                (Reminders:Workers × Reminders:BatchSize)
#   photos       the photo folder made read-only (chattr +i: root ignores permissions) in the middle of uploads: refused
#                uploads are 503 storage_unavailable, every photo row has its file and every file has its row
# Also checked once: a 5xx's traceId (ProblemDetails) is found in the API's JSON log lines.
#
# Environment (ports default to issue 18's block; override them when running beside another copy):
#   FAULTS_DATA_DIR (.data/faults)  FAULTS_DB_PORT (33618)  FAULTS_REDIS_PORT (63718)
#   FAULTS_API_PORTS ("5282 5283")  FAULTS_HAPROXY_PORT (5284)  FAULTS_SANDBOX_PORT (5285)
#   FAULTS_METRICS_PORTS ("5286 5287")  FAULTS_HAPROXY_STATS_PORT (5288)
#   FAULTS_MEMBERS (2000; fast 300)  FAULTS_REMINDERS (5000)  FAULTS_SPREAD (seconds the members arrive over, 15; fast 8)
#   FAULTS_AT (seconds into the burst the fault strikes, 4; fast 2)
#   FAULTS_CONCURRENCY (members in flight at most, 128; fast 48). More members in flight means more of them meet the
#   fault itself rather than queueing behind retrying ones; at 400 on this 2-core machine shared with other work (load
#   average ~80) the API's pool of 100 MySQL connections ran dry and answers took longer than the 30 s retry budget.  FAULTS_SCENARIOS (all; fast "mysql haproxy")
#   FAULTS_CONFIGURATION (Release)  FAULTS_NO_BUILD=1 (use that build as it is: the test suite runs the Debug build it made)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=scripts/lib.sh
. "$ROOT/scripts/lib.sh"

FAST=${FAULTS_FAST:-0}
export WESTUDIO_DATA_DIR=${FAULTS_DATA_DIR:-$ROOT/.data/faults}
[[ "$WESTUDIO_DATA_DIR" == /* ]] || WESTUDIO_DATA_DIR="$ROOT/$WESTUDIO_DATA_DIR"
export WESTUDIO_DB_PORT=${FAULTS_DB_PORT:-33618}
export WESTUDIO_REDIS_PORT=${FAULTS_REDIS_PORT:-63718}
export WESTUDIO_DB_FAST=0
read -r -a API_PORTS <<<"${FAULTS_API_PORTS:-5282 5283}"
read -r -a METRICS_PORTS <<<"${FAULTS_METRICS_PORTS:-5286 5287}"
LB_PORT=${FAULTS_HAPROXY_PORT:-5284}
SANDBOX_PORT=${FAULTS_SANDBOX_PORT:-5285}
STATS_PORT=${FAULTS_HAPROXY_STATS_PORT:-5288}
if [[ "$FAST" == 1 ]]; then
  MEMBERS=${FAULTS_MEMBERS:-300}; SPREAD=${FAULTS_SPREAD:-8}; FAULT_AT=${FAULTS_AT:-2}
  SCENARIOS=${FAULTS_SCENARIOS:-"mysql haproxy"}; REMINDERS=${FAULTS_REMINDERS:-600}; CONCURRENCY=${FAULTS_CONCURRENCY:-48}
else
  MEMBERS=${FAULTS_MEMBERS:-2000}; SPREAD=${FAULTS_SPREAD:-15}; FAULT_AT=${FAULTS_AT:-4}
  # redis-loss after haproxy: it signs every member out, and the next burst would start with 2,000 re-logins.
  SCENARIOS=${FAULTS_SCENARIOS:-"mysql redis haproxy redis-loss reminders photos"}; REMINDERS=${FAULTS_REMINDERS:-5000}
  CONCURRENCY=${FAULTS_CONCURRENCY:-128}
fi
BUDGET=30
for p in "${API_PORTS[@]}" "${METRICS_PORTS[@]}" "$LB_PORT" "$SANDBOX_PORT" "$STATS_PORT" "$WESTUDIO_DB_PORT" "$WESTUDIO_REDIS_PORT"; do
  ws_check_port port "$p"
done
((${#API_PORTS[@]} == 2 && ${#METRICS_PORTS[@]} == 2)) || ws_die "FAULTS_API_PORTS and FAULTS_METRICS_PORTS take two ports each"

DB=westudio_faults
WORK=$WESTUDIO_DATA_DIR/work
PHOTOS=$WESTUDIO_DATA_DIR/photos
LB="http://127.0.0.1:$LB_PORT"
RUN=f$(date +%s)

# --- tools --------------------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || ws_die "the .NET 10 SDK (dotnet) is not on PATH"
need=()
command -v haproxy >/dev/null || need+=(haproxy)
command -v jq >/dev/null || need+=(jq)
command -v curl >/dev/null || need+=(curl)
command -v python3 >/dev/null || need+=(python3)
command -v chattr >/dev/null || need+=(e2fsprogs)
if ((${#need[@]})); then
  ws_is_root || ws_die "missing ${need[*]}: apt-get install -y ${need[*]} (as root)"
  ws_info "==> installing ${need[*]} (Debian packages)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
    || { apt-get update >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}" >/dev/null; } \
    || ws_die "could not install ${need[*]}"
fi

# --- processes ----------------------------------------------------------------------------------------------------
declare -A API_PID=()
pids=()
cleanup() {
  local rc=$?
  trap - INT TERM EXIT
  [[ -d "$PHOTOS" ]] && chattr -R -i "$PHOTOS" 2>/dev/null || true
  for i in 0 1; do [[ -n "${API_PID[$i]:-}" ]] && kill "${API_PID[$i]}" 2>/dev/null || true; done
  for pid in "${pids[@]}" $(jobs -p); do kill "$pid" 2>/dev/null || true; done
  [[ -f "$WORK/haproxy.pid" ]] && kill "$(cat "$WORK/haproxy.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  bash scripts/services.sh down >/dev/null 2>&1 || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for() { # url, name, [pid]
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    [[ -z "${3:-}" ]] || kill -0 "$3" 2>/dev/null || ws_die "$2 exited; see $WORK"
    sleep 0.2
  done
  ws_die "$2 did not answer at $1"
}

ws_info "==> services (data in $WESTUDIO_DATA_DIR, MariaDB :$WESTUDIO_DB_PORT, Redis :$WESTUDIO_REDIS_PORT, durable commits)"
[[ -d "$PHOTOS" ]] && chattr -R -i "$PHOTOS" 2>/dev/null || true
bash scripts/services.sh up >/dev/null
sql() { ws_sql -D "$DB" -N -B "$@"; }
ws_sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"
redis-cli -h 127.0.0.1 -p "$WESTUDIO_REDIS_PORT" FLUSHALL >/dev/null
rm -rf "$WORK" "$PHOTOS" && mkdir -p "$WORK" "$PHOTOS"

export ConnectionStrings__MySql="Server=127.0.0.1;Port=$WESTUDIO_DB_PORT;User ID=westudio;Database=$DB"
export ConnectionStrings__Redis="127.0.0.1:$WESTUDIO_REDIS_PORT"
CheckIn__TokenSecret="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
Photos__UrlSecret="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
export CheckIn__TokenSecret Photos__UrlSecret Photos__Folder="$PHOTOS"
export WeChat__BaseUrl="http://127.0.0.1:$SANDBOX_PORT" WeChat__AppId=wx_sandbox_appid WeChat__AppSecret=sandbox-secret
export Sandbox__AppId=wx_sandbox_appid Sandbox__AppSecret=sandbox-secret
export Demo__AdminPassword="faults-$RUN" ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1
# Production logging (JSON lines, appsettings.json) at Warning: the 503s of a fault are logged, the traffic is not.
export Logging__LogLevel__Default=Warning
export Reminders__WorkerEnabled=false Reminders__SendsPerSecond=0 Reminders__PollSeconds=1
# Templates as in development (the sandbox's ids); the Production environment does not read appsettings.Development.json.
export Reminders__Templates__ActivityChanged__Subscribe__TemplateId=sandbox-sub-activity-changed \
  Reminders__Templates__ActivityChanged__Subscribe__Fields__thing1='{Title}' Reminders__Templates__ActivityChanged__Subscribe__Fields__time2='{StartsAt}' \
  Reminders__Templates__ActivityChanged__Subscribe__Fields__thing3='{Venue}' Reminders__Templates__ActivityChanged__Subscribe__Fields__phrase4='已变更'

CONFIGURATION=${FAULTS_CONFIGURATION:-Release}
[[ "$CONFIGURATION" =~ ^(Release|Debug)$ ]] || ws_die "FAULTS_CONFIGURATION is Release or Debug"
if [[ "${FAULTS_NO_BUILD:-0}" != 1 ]]; then
  ws_info "==> building ($CONFIGURATION)"
  dotnet build WeStudio.sln -c "$CONFIGURATION" -v quiet -nologo >/dev/null || ws_die "the $CONFIGURATION build failed"
fi
API_BIN=$ROOT/api/WeStudio.Api/bin/$CONFIGURATION/net10.0
SANDBOX_BIN=$ROOT/api/WeStudio.WeChatSandbox/bin/$CONFIGURATION/net10.0
[[ -f "$API_BIN/WeStudio.Api.dll" && -f "$SANDBOX_BIN/WeStudio.WeChatSandbox.dll" ]] || ws_die "no $CONFIGURATION build in $API_BIN"

(cd "$SANDBOX_BIN" && exec dotnet WeStudio.WeChatSandbox.dll --urls "http://127.0.0.1:$SANDBOX_PORT") >"$WORK/sandbox.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$SANDBOX_PORT/sandbox/calls?path=/none" "the WeChat sandbox" "${pids[-1]}"
(cd "$API_BIN" && timeout 180 dotnet WeStudio.Api.dll seed) >"$WORK/seed.log" 2>&1 || ws_die "seeding failed; see $WORK/seed.log"

start_api() { # index (0|1), extra env assignments...
  local i=$1; shift
  (cd "$API_BIN" && exec env "$@" Metrics__Port="${METRICS_PORTS[$i]}" Database__MigrateOnStartup=false \
    dotnet WeStudio.Api.dll --urls "http://127.0.0.1:${API_PORTS[$i]};http://127.0.0.1:${METRICS_PORTS[$i]}") >>"$WORK/api-$i.log" 2>&1 &
  API_PID[$i]=$!
  wait_for "http://127.0.0.1:${API_PORTS[$i]}/healthz/ready" "API instance $i" "${API_PID[$i]}"
}
stop_api() { # index, signal
  [[ -n "${API_PID[$1]:-}" ]] || return 0
  kill "-${2:-TERM}" "${API_PID[$1]}" 2>/dev/null || true
  wait "${API_PID[$1]}" 2>/dev/null || true
  API_PID[$1]=""
}

ws_info "==> API instances :${API_PORTS[0]} :${API_PORTS[1]} behind HAProxy :$LB_PORT (stats :$STATS_PORT)"
start_api 0
start_api 1
cat >"$WORK/haproxy.cfg" <<CFG
global
    maxconn 4096
    pidfile $WORK/haproxy.pid
defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 15s
    retries 3
    option redispatch
    option forwardfor
frontend westudio
    bind 127.0.0.1:$LB_PORT
    default_backend api
backend api
    balance roundrobin
    option httpchk GET /healthz/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2
    server a 127.0.0.1:${API_PORTS[0]} check
    server b 127.0.0.1:${API_PORTS[1]} check
frontend stats
    bind 127.0.0.1:$STATS_PORT
    stats enable
    stats uri /
CFG
haproxy -c -f "$WORK/haproxy.cfg" >/dev/null || ws_die "haproxy refuses $WORK/haproxy.cfg"
haproxy -D -f "$WORK/haproxy.cfg" || ws_die "haproxy did not start"
wait_for "$LB/healthz/ready" "HAProxy"

login() { # sandbox name → "token memberId"
  curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"code\":\"sandbox:$1:$RUN$RANDOM\"}" "$LB/api/v1/auth/wechat-login" \
    | jq -r '.token + " " + .member.id'
}
leader_login() { # the leader signs in (again), for up to 30 s while a service comes back
  LEADER=""
  for _ in $(seq 1 60); do
    read -r LEADER _ < <(login qin.meiling 2>/dev/null || true) || true
    [[ -n "$LEADER" ]] && break
    sleep 0.5
  done
  [[ -n "$LEADER" ]] || ws_die "the leader could not sign in"
  AUTH=(-H "Authorization: Bearer $LEADER" -H 'Content-Type: application/json')
  echo "$LEADER" >"$WORK/leader.txt" # the projector (a subshell) reads the leader's current token from here
}
leader_login
STUDIO=$(curl -fsS "${AUTH[@]}" "$LB/api/v1/studios" | jq -r '.[0].id')
[[ "$STUDIO" =~ ^[0-9a-f-]{36}$ ]] || ws_die "the demo leader has no studio"

ws_info "==> signing in $MEMBERS members through HAProxy and the sandbox"
seq 1 "$MEMBERS" | xargs -P 8 -I{} sh -c "curl -fsS -X POST -H 'Content-Type: application/json' \
  -d '{\"code\":\"sandbox:drill-{}:$RUN\"}' $LB/api/v1/auth/wechat-login | jq -r '.token + \" \" + .member.id + \" drill-{}\"'" >"$WORK/members.txt"
(($(wc -l <"$WORK/members.txt") == MEMBERS)) || ws_die "only $(wc -l <"$WORK/members.txt") of $MEMBERS members signed in"
# The API caps a team at 500 (programmes.team_cap); the burst needs thousands, so memberships go in by SQL, as in bench-checkin.sh.
awk -v studio="$STUDIO" -v q="'" '
  BEGIN { print "START TRANSACTION;" }
  $2 !~ /^[0-9a-f-]{36}$/ { print "bad member id on line " NR > "/dev/stderr"; bad = 1; exit 1 }
  { if (NR % 1000 == 1) printf "%sINSERT INTO studio_memberships (id, studio_id, member_id, role) VALUES\n", (NR > 1 ? ";\n" : ""); else printf ",\n"
    printf "(UUID(), %s%s%s, %s%s%s, %sMember%s)", q, studio, q, q, $2, q, q, q }
  END { if (!bad) print ";\nCOMMIT;" }' "$WORK/members.txt" | sql || ws_die "adding the members to the studio failed"

# --- faults -------------------------------------------------------------------------------------------------------
DB_SERVICE() { bash scripts/services.sh "$1" >/dev/null 2>&1; }
mysql_restart() {
  local pid; pid=$(cat "$WESTUDIO_DATA_DIR/run/mariadb.pid" 2>/dev/null || pgrep -f "mariadbd --defaults-file=$WESTUDIO_DATA_DIR/run/my.cnf" | head -1)
  mariadb-admin --defaults-file="$WESTUDIO_DATA_DIR/run/my.cnf" --protocol=SOCKET -u root shutdown >/dev/null 2>&1 || kill -TERM "$pid"
  while [[ -n "$pid" && -e /proc/$pid ]]; do sleep 0.1; done
  FAULT_NOTE="MariaDB stopped at $(date -u +%T)"
  sleep 5
  bash scripts/services.sh up >/dev/null 2>&1 || ws_die "MariaDB did not start again"
  FAULT_NOTE+=", up at $(date -u +%T)"
}
redis_stop() {
  local pid; pid=$(cat "$WESTUDIO_DATA_DIR/run/redis.pid" 2>/dev/null || true)
  [[ -n "$pid" ]] || pid=$(pgrep -f "redis-server 127.0.0.1:$WESTUDIO_REDIS_PORT" | head -1)
  kill -TERM "$pid"
  while [[ -e /proc/$pid ]]; do sleep 0.1; done
}
redis_restart() {
  redis_stop
  FAULT_NOTE="Redis stopped at $(date -u +%T)"
  sleep 5
  bash scripts/services.sh up >/dev/null 2>&1 || ws_die "Redis did not start again"
  FAULT_NOTE+=", up at $(date -u +%T) with its AOF"
}
redis_loss() {
  redis_stop
  FAULT_NOTE="Redis stopped at $(date -u +%T), data deleted"
  rm -rf "$WESTUDIO_DATA_DIR/redis"
  sleep 5
  bash scripts/services.sh up >/dev/null 2>&1 || ws_die "Redis did not start again"
  # The leader's session and the open state are gone with the data: the leader signs in again and reopens check-in.
  leader_login
  local reopened=0
  for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "${AUTH[@]}" -X POST "$LB/api/v1/activities/$ACTIVITY/checkin/open" 2>/dev/null && { reopened=1; break; }
    sleep 0.5
  done
  ((reopened)) || ws_die "could not reopen check-in"
  FAULT_NOTE+=", up empty at $(date -u +%T); leader signed in again and reopened check-in"
}
kill_instance() {
  FAULT_NOTE="kill -9 of instance :${API_PORTS[0]} (pid ${API_PID[0]}) at $(date -u +%T)"
  stop_api 0 KILL
}

# --- the check-in burst -------------------------------------------------------------------------------------------
table=()
failures=0
row() { table+=("$1"); [[ "$2" == PASS ]] || failures=$((failures + 1)); }

projector() { # keeps $WORK/code.txt at the code the leader's screen shows, as a member scanning now would read it
  local body
  while :; do
    if body=$(curl -fsS --max-time 3 -H "Authorization: Bearer $(cat "$WORK/leader.txt")" "$LB/api/v1/activities/$ACTIVITY/checkin/code" 2>/dev/null); then
      jq -r .token <<<"$body" >"$WORK/code.tmp" && mv "$WORK/code.tmp" "$WORK/code.txt"
    fi
    sleep 2
  done
}

burst() { # scenario name, fault function
  local name=$1 fault=$2
  local starts ends
  starts=$(date -u -d '+10 minutes' +%Y-%m-%dT%H:%M:%SZ)
  ends=$(date -u -d '+130 minutes' +%Y-%m-%dT%H:%M:%SZ)
  ACTIVITY=$(curl -fsS "${AUTH[@]}" -d "{\"kind\":\"MonthlySeminar\",\"title\":\"故障演练 $name\",\"startsAt\":\"$starts\",\"endsAt\":\"$ends\"}" \
    "$LB/api/v1/studios/$STUDIO/activities" | jq -r .id)
  [[ "$ACTIVITY" =~ ^[0-9a-f-]{36}$ ]] || ws_die "could not schedule the activity of $name"
  curl -fsS -o /dev/null "${AUTH[@]}" -X POST "$LB/api/v1/activities/$ACTIVITY/checkin/open"
  curl -fsS "${AUTH[@]}" "$LB/api/v1/activities/$ACTIVITY/checkin/code" | jq -r .token >"$WORK/code.txt"
  projector & local projector_pid=$!
  ws_info "==> $name: $MEMBERS members over ${SPREAD}s, fault at ${FAULT_AT}s"
  rm -f "$WORK/trace-$name.txt"
  python3 scripts/faults/drill.py --port "$LB_PORT" --members "$WORK/members.txt" --code-file "$WORK/code.txt" \
    --out "$WORK/drill-$name.tsv" --trace-file "$WORK/trace-$name.txt" --run "$RUN-$name" --spread "$SPREAD" --budget "$BUDGET" --concurrency "$CONCURRENCY" \
    2>"$WORK/drill-$name.log" &
  local drill=$!
  sleep "$FAULT_AT"
  FAULT_NOTE=""
  "$fault"
  wait "$drill" || ws_die "the drill of $name failed; see $WORK/drill-$name.log"
  kill "$projector_pid" 2>/dev/null || true; wait "$projector_pid" 2>/dev/null || true
  # The members' check-in rows, then the properties: ok ⇒ exactly one live row; not ok ⇒ none.
  sql -e "SELECT member_id FROM check_ins WHERE activity_id = '$ACTIVITY' AND revoked_at IS NULL" >"$WORK/rows-$name.txt"
  local verdict
  verdict=$(awk -F'\t' -v members="$MEMBERS" '
    FNR == NR { rows[$1]++; total++; next }
    { n++; requests += $5; relogins += $6; rescans += $7; if ($5 > 1) retried++
      if ($2 == "ok") { ok++; if (rows[$1] != 1) bad++ } else { left++; if ($1 in rows) bad++; codes[$4]++ }
      seen[$1] = 1 }
    END {
      for (m in rows) { if (rows[m] > 1) dup += rows[m] - 1; if (!(m in seen)) stray++ }
      why = ""; for (c in codes) why = why c "×" codes[c] " "
      printf "%d|%d|%d|%d|%d|%d|%d|%d|%d|%d|%s", n, requests, retried, relogins, rescans, ok, left + 0, dup + 0, bad + 0, stray + 0, why
    }' "$WORK/rows-$name.txt" "$WORK/drill-$name.tsv")
  IFS='|' read -r n requests retried relogins rescans ok left dup bad stray why <<<"$verdict"
  local pass=PASS
  ((n == MEMBERS && left == 0 && dup == 0 && bad == 0 && stray == 0)) || pass=FAIL
  row "$(printf '%-11s | %5d | %6d | %5d | %5d | %5d | %5d | %5d | %5d | %-4s | %s%s' "$name" "$n" "$requests" "$retried" "$relogins" "$rescans" \
    "$ok" "$left" "$dup" "$pass" "$FAULT_NOTE" "${why:+; left: $why}")" "$pass"
  ws_info "    $n members, $ok checked in, $left without, $dup duplicate rows, $bad rows disagreeing with answers: $pass"
}

TRACE_CHECKED=""
check_trace_in_logs() { # a 5xx answer's traceId appears in a JSON log line of an instance
  local f
  for f in "$WORK"/trace-*.txt; do
    [[ -s "$f" ]] || continue
    read -r trace status code <"$f"
    if grep -h "\"RequestId\":\"$trace\"" "$WORK"/api-*.log | head -1 | jq -e . >/dev/null 2>&1; then
      TRACE_CHECKED="PASS: the $status $code answer's traceId $trace is in a JSON log line"
    else
      TRACE_CHECKED="FAIL: traceId $trace ($status $code) not found in a JSON log line"
      failures=$((failures + 1))
    fi
    return
  done
  TRACE_CHECKED="(no 5xx answer reached a member, no trace id to look up)"
}

# --- reminders ----------------------------------------------------------------------------------------------------
REMINDER_LINE=""
reminders() {
  local workers=3 batch=50
  ws_info "==> reminders: $REMINDERS due reminders, two dispatching instances ($workers workers × $batch), kill -9 of one mid-batch"
  stop_api 0; stop_api 1
  curl -fsS -X DELETE "http://127.0.0.1:$SANDBOX_PORT/sandbox/messages" >/dev/null
  local tag="rem$RUN"
  {
    echo "START TRANSACTION;"
    awk -v n="$REMINDERS" -v tag="$tag" -v q="'" 'BEGIN {
      for (i = 1; i <= n; i++) {
        if (i % 1000 == 1) printf "%sINSERT INTO members (id, openid, display_name) VALUES\n", (i > 1 ? ";\n" : ""); else printf ",\n"
        printf "(UUID(), %so%s-%d%s, %s演练成员%d%s)", q, tag, i, q, q, i, q }
      print ";" }'
    cat <<SQL
INSERT INTO studio_memberships (id, studio_id, member_id, role) SELECT UUID(), '$STUDIO', m.id, 'Member' FROM members m WHERE m.openid LIKE 'o$tag-%';
INSERT INTO subscription_consents (member_id, template_id, credits, last_result)
SELECT m.id, 'sandbox-sub-activity-changed', 1, 'accept' FROM members m WHERE m.openid LIKE 'o$tag-%';
COMMIT;
SQL
  } | sql >/dev/null
  local env=(Reminders__WorkerEnabled=true Reminders__Workers=$workers Reminders__BatchSize=$batch)
  start_api 0 "${env[@]}"
  start_api 1 "${env[@]}"
  local activity
  activity=$(sql -e "SELECT id FROM activities WHERE studio_id = '$STUDIO' AND status = 'Scheduled' AND starts_at > UTC_TIMESTAMP(6) + INTERVAL 1 DAY ORDER BY starts_at LIMIT 1")
  [[ -n "$activity" ]] || ws_die "no upcoming demo activity to remind about"
  # Due at once, with both instances polling every second.
  sql -e "INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
    SELECT UUID(), 'ActivityChanged', '$activity', '$STUDIO', m.id, '$tag', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM members m WHERE m.openid LIKE 'o$tag-%'"
  local delivered=0 killed_at="" deadline=$((SECONDS + 300))
  local pending
  while ((SECONDS < deadline)); do
    pending=$(sql -e "SELECT count(*) FROM reminders WHERE occasion = '$tag' AND status = 'Pending'")
    if [[ -z "$killed_at" ]] && ((REMINDERS - pending >= REMINDERS / 5)); then
      killed_at="$((REMINDERS - pending)) settled"
      ws_info "    kill -9 of instance :${API_PORTS[0]} (pid ${API_PID[0]}) with $killed_at"
      stop_api 0 KILL
    fi
    [[ -n "$killed_at" && "$pending" == 0 ]] && break
    sleep 0.1
  done
  curl -fsS "http://127.0.0.1:${METRICS_PORTS[1]}/metrics" >"$WORK/metrics-reminders.txt" || true
  curl -fsS "http://127.0.0.1:$SANDBOX_PORT/sandbox/messages" >"$WORK/messages.json"
  read -r total distinct <<<"$(jq -r --arg p "o$tag-" '[.[] | select(.touser | startswith($p)) | .touser] | "\(length) \(unique | length)"' "$WORK/messages.json")"
  read -r sent other <<<"$(sql -e "SELECT COALESCE(SUM(status = 'Sent'), 0), COALESCE(SUM(status <> 'Sent'), 0) FROM reminders WHERE occasion = '$tag'")"
  local dups=$((total - distinct)) bound=$((workers * batch)) pass=PASS
  ((distinct == REMINDERS && sent == REMINDERS && dups <= bound)) || pass=FAIL
  grep -q 'westudio_reminder_outcomes_total{.*status="Sent"' "$WORK/metrics-reminders.txt" || { pass=FAIL; ws_warn "no reminder outcome series on /metrics"; }
  row "$(printf '%-11s | %5d reminders: %d Sent, %d other; sandbox %d deliveries to %d recipients, %d duplicates (bound %d = %d workers × %d); killed with %s | %s' \
    reminders "$REMINDERS" "$sent" "$other" "$total" "$distinct" "$dups" "$bound" "$workers" "$batch" "${killed_at:-never}" "$pass")" "$pass"
  stop_api 1
  start_api 0; start_api 1
}

# --- photos -------------------------------------------------------------------------------------------------------
photos() {
  ws_info "==> photos: uploads while the photo folder turns read-only"
  local token member_id
  read -r token member_id < <(login photo.uploader)
  python3 - "$WORK/pngs" <<'PY'
import os, random, struct, sys, zlib
out = sys.argv[1]; os.makedirs(out, exist_ok=True)
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
for i in range(60):
    w = h = 32
    raw = b"".join(b"\x00" + bytes(random.randrange(256) for _ in range(w * 3)) for _ in range(h))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    open(os.path.join(out, f"{i:03d}.png"), "wb").write(png)
PY
  local ok=0 refused=0 other=0 i=0 status
  for f in "$WORK"/pngs/*.png; do
    i=$((i + 1))
    ((i == 21)) && chattr -R +i "$PHOTOS"
    status=$(curl -sS -o "$WORK/upload.json" -w '%{http_code}' -H "Authorization: Bearer $token" -F "file=@$f;type=image/png" "$LB/api/v1/photos")
    if [[ "$status" == 201 ]]; then ok=$((ok + 1))
    elif [[ "$status" == 503 && "$(jq -r .code "$WORK/upload.json")" == storage_unavailable ]]; then refused=$((refused + 1))
    else other=$((other + 1)); ws_warn "upload answered $status: $(cat "$WORK/upload.json")"; fi
  done
  chattr -R -i "$PHOTOS"
  # Every row's file exists; every file (no temporary ones) has its row.
  sql -e "SELECT DISTINCT sha256 FROM photos" | sort >"$WORK/photo-rows.txt"
  find "$PHOTOS" -type f | sed 's|.*/||; s|\.bin$||' | sort >"$WORK/photo-files.txt"
  local rows files no_file no_row
  rows=$(sql -e "SELECT count(*) FROM photos WHERE uploaded_by = '$member_id'")
  files=$(wc -l <"$WORK/photo-files.txt")
  no_file=$(comm -23 "$WORK/photo-rows.txt" "$WORK/photo-files.txt" | wc -l)
  no_row=$(comm -13 "$WORK/photo-rows.txt" "$WORK/photo-files.txt" | wc -l)
  local pass=PASS
  ((ok == 20 && refused == 40 && other == 0 && rows == ok && no_file == 0 && no_row == 0)) || pass=FAIL
  row "$(printf '%-11s | 60 uploads, folder read-only from the 21st: %d × 201, %d × 503 storage_unavailable, %d other; %d rows, %d files, %d rows without a file, %d files without a row | %s' \
    photos "$ok" "$refused" "$other" "$rows" "$files" "$no_file" "$no_row" "$pass")" "$pass"
}

for s in $SCENARIOS; do
  case $s in
    mysql) burst mysql mysql_restart ;;
    redis) burst redis redis_restart ;;
    redis-loss) burst redis-loss redis_loss ;;
    haproxy) burst haproxy kill_instance; start_api 0 ;;
    reminders) reminders ;;
    photos) photos ;;
    *) ws_die "unknown scenario $s" ;;
  esac
done
check_trace_in_logs

echo
echo "== faults: $MEMBERS members over ${SPREAD}s, at most $CONCURRENCY in flight, fault at ${FAULT_AT}s; $(nproc) CPUs shared with other work (load average $(cut -d' ' -f1-3 /proc/loadavg)), $(date -u +%Y-%m-%dT%H:%M:%SZ), retry budget ${BUDGET}s"
echo "scenario    | membr |  reqs  | retrd | relog | rescn |   ok  | left  | dupes | prop | fault"
printf '%s\n' "${table[@]}"
echo "logs: $TRACE_CHECKED"
echo "(members = members in the burst; reqs = check-in requests sent; retrd = members who sent more than one; relog = sign-ins again after 401;"
echo " rescn = scans of a newer code; left = members who ended without a check-in; dupes = extra live rows; work files in $WORK)"
if ((failures > 0)); then
  echo "faults: $failures propert$( ((failures == 1)) && echo y || echo ies) FAILED"
  exit 1
fi
echo "faults: every property holds"
