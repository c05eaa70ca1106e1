#!/usr/bin/env bash
# Reminder dispatch benchmark (issue 6). Not a test: it prints figures, never pass/fail.
#
# One run, loopback only, every step bounded:
#   1. services (own data folder), a fresh database westudio_bench, Release build, WeChat sandbox, demo seed, API with the reminder loop on and the send
#      rate limit OFF (Reminders__SendsPerSecond=0);
#   2. idle: wrk on GET /api/v1/me for BENCH_SECONDS;
#   3. dispatch: BENCH_REMINDERS (10,000) due reminders inserted at once (one per synthetic member, each with a subscribe
#      credit), wrk on GET /api/v1/me started at the same moment and stopped when the last reminder is settled;
#   4. prints dispatch throughput (reminders/s, from the rows' own timestamps), the sandbox's delivery count, and the
#      API's requests/s and p99 during dispatch versus idle, with their ratios.
#
#   WESTUDIO_DB_PORT=33350 WESTUDIO_REDIS_PORT=63820 WESTUDIO_API_PORT=5280 WESTUDIO_SANDBOX_PORT=5281 \
#     WESTUDIO_DATA_DIR=.data/bench scripts/bench-reminders.sh
#
# Environment: WESTUDIO_DATA_DIR (default .data/bench), WESTUDIO_DB_PORT (33350), WESTUDIO_REDIS_PORT (63820), WESTUDIO_API_PORT (5280),
# WESTUDIO_SANDBOX_PORT (5281), BENCH_REMINDERS (10000), BENCH_CONNECTIONS (wrk connections, 16), BENCH_THREADS (wrk
# threads, 2), BENCH_SECONDS (idle measurement, 10), BENCH_MAX_SECONDS (longest dispatch waited for, 300),
# BENCH_WORKERS (dispatcher transactions per instance, 3), BENCH_BATCH (rows per transaction, 50), BENCH_RATE
# (Reminders:SendsPerSecond; default 0 = the limit off, as the issue asks; set it to check the most sent in one second).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh
ROOT=$(pwd)

export WESTUDIO_DATA_DIR=${WESTUDIO_DATA_DIR:-$ROOT/.data/bench}
[[ "$WESTUDIO_DATA_DIR" == /* ]] || WESTUDIO_DATA_DIR="$ROOT/$WESTUDIO_DATA_DIR"
export WESTUDIO_DB_PORT=${WESTUDIO_DB_PORT:-33350} WESTUDIO_REDIS_PORT=${WESTUDIO_REDIS_PORT:-63820}
API_PORT=${WESTUDIO_API_PORT:-5280}
SANDBOX_PORT=${WESTUDIO_SANDBOX_PORT:-5281}
COUNT=${BENCH_REMINDERS:-10000}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
SECONDS_IDLE=${BENCH_SECONDS:-10}
MAX_SECONDS=${BENCH_MAX_SECONDS:-300}
WORKERS=${BENCH_WORKERS:-3}
BATCH=${BENCH_BATCH:-50}
RATE=${BENCH_RATE:-0}
command -v dotnet >/dev/null || ws_die "the .NET 10 SDK (dotnet) is not on PATH"
command -v wrk >/dev/null || ws_die "wrk is not installed (Debian: apt-get install -y wrk)"
command -v curl >/dev/null || ws_die "curl is not installed"
[[ "$COUNT" =~ ^[1-9][0-9]{0,6}$ ]] || ws_die "BENCH_REMINDERS must be a number from 1 to 9999999"

services_were_up=0
bash scripts/services.sh status >/dev/null 2>&1 && services_were_up=1
bash scripts/services.sh up >/dev/null
eval "$(bash scripts/services.sh env)"
# A fresh database of its own at each run (never the development one), and Redis keys under a prefix of this run.
BENCH_DB=westudio_bench
ws_sql -e "DROP DATABASE IF EXISTS $BENCH_DB; CREATE DATABASE $BENCH_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"
export ConnectionStrings__MySql="Server=127.0.0.1;Port=$WESTUDIO_DB_PORT;User ID=westudio;Database=$BENCH_DB"
export Redis__KeyPrefix="bench$(date +%s):"
# Rows tab-separated, no header.
sql() { ws_sql -D "$BENCH_DB" -N -B "$@"; }

export WeChat__BaseUrl="http://127.0.0.1:$SANDBOX_PORT" WeChat__AppId=wx_sandbox_appid WeChat__AppSecret=sandbox-secret
export Sandbox__AppId=wx_sandbox_appid Sandbox__AppSecret=sandbox-secret
export CheckIn__TokenSecret="bench-only-check-in-secret-$(head -c 24 /dev/urandom | base64 | tr -d '\n/+=')"
# Photos (issue 5) refuse to start without a URL-signing secret; the bench makes a throwaway one and its own folder.
Photos__UrlSecret="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
export Photos__UrlSecret Photos__Folder="${WESTUDIO_DATA_DIR:-$PWD/.data/bench}/photos"
export Demo__AdminPassword=bench-demo-password ASPNETCORE_ENVIRONMENT=Development DOTNET_NOLOGO=1
export Logging__LogLevel__Default=Warning
export Reminders__SendsPerSecond="$RATE" Reminders__PollSeconds=1 Reminders__Workers="$WORKERS" Reminders__BatchSize="$BATCH"

ws_info "==> building (Release)"
dotnet build WeStudio.sln -c Release -v quiet -nologo >/dev/null
API_BIN=$ROOT/api/WeStudio.Api/bin/Release/net10.0
SANDBOX_BIN=$ROOT/api/WeStudio.WeChatSandbox/bin/Release/net10.0
LOGS="$WESTUDIO_DATA_DIR/run"
mkdir -p "$LOGS"

pids=()
wrk_pid=""
cleanup() {
  trap - INT TERM EXIT
  [ -n "$wrk_pid" ] && kill "$wrk_pid" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$services_were_up" = 0 ]; then bash scripts/services.sh down >/dev/null 2>&1 || true; fi
}
trap cleanup INT TERM EXIT

wait_for() { # url, name, pid
  for _ in $(seq 1 150); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || ws_die "$2 exited; see $LOGS"
    sleep 0.2
  done
  ws_die "$2 did not answer at $1"
}

ws_info "==> WeChat sandbox :$SANDBOX_PORT, seed, API :$API_PORT (reminder loop on, send rate limit $RATE/s, 0 = off)"
(cd "$SANDBOX_BIN" && exec dotnet WeStudio.WeChatSandbox.dll --urls "http://127.0.0.1:$SANDBOX_PORT") >"$LOGS/sandbox.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$SANDBOX_PORT/sandbox/calls?path=/none" "the WeChat sandbox" "${pids[-1]}"
(cd "$API_BIN" && timeout 120 dotnet WeStudio.Api.dll seed) >"$LOGS/seed.log" 2>&1 || ws_die "seeding failed; see $LOGS/seed.log"
(cd "$API_BIN" && exec dotnet WeStudio.Api.dll --urls "http://127.0.0.1:$API_PORT") >"$LOGS/api.log" 2>&1 &
pids+=($!)
API="http://127.0.0.1:$API_PORT"
wait_for "$API/healthz/ready" "the API" "${pids[-1]}"

TOKEN=$(curl -fsS -X POST "$API/api/v1/auth/wechat-login" -H 'Content-Type: application/json' \
  -d "{\"code\":\"sandbox:wei.zhiqiang:bench-$RANDOM$RANDOM\"}" | sed -nE 's/.*"token":"([^"]+)".*/\1/p')
[ -n "$TOKEN" ] || ws_die "could not sign in the demo member"
HEADER="Authorization: Bearer $TOKEN"

# wrk's summary: requests/s and the 99th percentile in milliseconds.
rps() { sed -nE 's/^Requests\/sec:[[:space:]]+([0-9.]+).*/\1/p' "$1"; }
p99() {
  awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f\n", v }' "$1"
}

ws_info "==> warm-up (3 s), then idle: wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_IDLE}s GET /api/v1/me"
timeout 30 wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -H "$HEADER" "$API/api/v1/me" >/dev/null
timeout $((SECONDS_IDLE + 30)) wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_IDLE}s" --latency -H "$HEADER" "$API/api/v1/me" >"$LOGS/wrk-idle.txt"

ws_info "==> $COUNT due reminders (one per synthetic member with a subscribe credit)"
run_tag="r$(date +%s)"
# One transaction: the members (multi-row INSERTs of 1,000), their memberships of the demo studio and their credits.
{
  echo "START TRANSACTION;"
  awk -v n="$COUNT" -v tag="$run_tag" -v q="'" 'BEGIN {
    for (i = 1; i <= n; i++) {
      if (i % 1000 == 1) printf "%sINSERT INTO members (id, openid, display_name) VALUES\n", (i > 1 ? ";\n" : "")
      else printf ",\n"
      printf "(UUID(), %sobench-%s-%d%s, %s压测成员%d%s)", q, tag, i, q, q, i, q
    }
    print ";"
  }'
  cat <<SQL
INSERT INTO studio_memberships (id, studio_id, member_id, role)
SELECT UUID(), s.id, m.id, 'Member' FROM studios s, members m
WHERE s.name = '覃美玲党建名师工作室' AND m.openid LIKE 'obench-$run_tag-%';
INSERT INTO subscription_consents (member_id, template_id, credits, last_result)
SELECT m.id, 'sandbox-sub-activity-changed', 1, 'accept' FROM members m WHERE m.openid LIKE 'obench-$run_tag-%';
COMMIT;
SQL
} | sql >/dev/null
activity_id=$(sql -e "SELECT a.id FROM activities a JOIN studios s ON s.id = a.studio_id WHERE s.name = '覃美玲党建名师工作室' AND a.status = 'Scheduled' AND a.starts_at > UTC_TIMESTAMP(6) + INTERVAL 1 DAY ORDER BY a.starts_at LIMIT 1")
[ -n "$activity_id" ] || ws_die "no upcoming demo activity to remind about"
before=$(curl -fsS "http://127.0.0.1:$SANDBOX_PORT/sandbox/messages" | { grep -o '"msgid"' || true; } | wc -l)

# The rows become due one second after the insert; wrk starts right away and stops when the last one is settled.
# Times are UTC DATETIME(6); seconds since the epoch are TIMESTAMPDIFF from 1970-01-01, whatever the session's time zone.
due=$(sql <<SQL
SET @due = UTC_TIMESTAMP(6) + INTERVAL 1 SECOND;
INSERT INTO reminders (id, kind, subject_id, studio_id, recipient_id, occasion, due_at, next_attempt_at)
SELECT UUID(), 'ActivityChanged', a.id, a.studio_id, m.id, 'bench-$run_tag', @due, @due
FROM members m, activities a WHERE a.id = '$activity_id' AND m.openid LIKE 'obench-$run_tag-%';
SELECT TIMESTAMPDIFF(MICROSECOND, '1970-01-01', @due) / 1e6;
SQL
)
wrk -t"$THREADS" -c"$CONNECTIONS" -d"${MAX_SECONDS}s" --latency -H "$HEADER" "$API/api/v1/me" >"$LOGS/wrk-dispatch.txt" &
wrk_pid=$!
ws_info "==> dispatching (waiting at most $MAX_SECONDS s)"
deadline=$((SECONDS + MAX_SECONDS))
pending=$COUNT
while [ "$SECONDS" -lt "$deadline" ]; do
  pending=$(sql -e "SELECT count(*) FROM reminders WHERE occasion = 'bench-$run_tag' AND status = 'Pending'")
  [ "$pending" = 0 ] && break
  sleep 0.2
done
kill -INT "$wrk_pid" 2>/dev/null || true
wait "$wrk_pid" 2>/dev/null || true
wrk_pid=""
[ "$pending" = 0 ] || ws_warn "$pending reminders still pending after $MAX_SECONDS s"

read -r sent failed other last <<<"$(sql -e "SELECT COALESCE(SUM(status = 'Sent'), 0), COALESCE(SUM(status = 'Failed'), 0),
  COALESCE(SUM(status NOT IN ('Sent','Failed')), 0), TIMESTAMPDIFF(MICROSECOND, '1970-01-01', max(updated_at)) / 1e6
  FROM reminders WHERE occasion = 'bench-$run_tag'")"
busiest=$(sql -e "SELECT COALESCE(max(n), 0) FROM (SELECT count(*) AS n FROM reminders WHERE occasion = 'bench-$run_tag' AND status = 'Sent'
  GROUP BY DATE_FORMAT(sent_at, '%Y-%m-%d %H:%i:%s')) s")
after=$(curl -fsS "http://127.0.0.1:$SANDBOX_PORT/sandbox/messages" | { grep -o '"msgid"' || true; } | wc -l)

idle_rps=$(rps "$LOGS/wrk-idle.txt"); idle_p99=$(p99 "$LOGS/wrk-idle.txt")
busy_rps=$(rps "$LOGS/wrk-dispatch.txt"); busy_p99=$(p99 "$LOGS/wrk-dispatch.txt")
awk -v n="$COUNT" -v sent="$sent" -v failed="$failed" -v other="$other" -v delivered="$((after - before))" -v due="$due" -v last="$last" \
    -v busiest="$busiest" -v rate="$RATE" -v ir="$idle_rps" -v ip="$idle_p99" -v br="$busy_rps" -v bp="$busy_p99" -v c="$CONNECTIONS" -v w="$WORKERS" -v b="$BATCH" 'BEGIN {
  d = last - due
  printf "\nReminder dispatch (send rate limit %s, %d workers × batches of %d, one API instance, sandbox on loopback)\n", (rate > 0 ? rate "/s" : "off"), w, b
  printf "  reminders            %d: %d Sent, %d Failed, %d other; sandbox deliveries %d\n", n, sent, failed, other, delivered
  printf "  dispatch time        %.2f s  →  %.0f reminders/s; most sent in one second: %d\n", d, (d > 0 ? n / d : 0), busiest
  printf "GET /api/v1/me, wrk %d connections\n", c
  printf "  idle                 %8.0f req/s   p99 %7.2f ms\n", ir, ip
  printf "  during dispatch      %8.0f req/s   p99 %7.2f ms\n", br, bp
  printf "  ratio dispatch/idle  %8.2f × req/s  %6.2f × p99\n", (ir > 0 ? br / ir : 0), (ip > 0 ? bp / ip : 0)
}'
