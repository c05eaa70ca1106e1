#!/usr/bin/env bash
# Burst benchmark of POST /api/v1/checkins (issue 3). Not a test: it never runs in CI and decides nothing.
#
#   scripts/bench-checkin.sh
#
# Starts its own MariaDB and Redis (scripts/services.sh, data in .data/bench, own ports, durable commits),
# the WeChat sandbox and the API in Release on loopback; seeds the demo data; signs in BENCH_MEMBERS members
# through the sandbox (real sessions) and adds them to the demo studio; then for each concurrency in
# BENCH_CONNECTIONS: schedules an activity, opens check-in, takes a fresh code and drives wrk (a second process)
# with every member checking in once, then measures GET /healthz/live at the same concurrency. Prints check-ins/s,
# p50 and p99, the ratio check-ins/s ÷ trivial requests/s, and verifies one row per member per activity.
# Check-ins/s is (rows − 1) ÷ (last − first checked_in_at), the server's own clock; p50/p99 are wrk's.
# API CPU per 1,000 check-ins is the API process's utime + stime (/proc/<pid>/stat, fields 14 and 15) read before and
# after each burst, divided by the rows written, in CPU milliseconds.
# Last, the attendance sheet of the last burst's activity (every member present, plus the leader) is read in pages of
# 100 (BENCH_ATTENDANCE_PAGES, default 1, 25 and 51, the last page: the absent) by each of BENCH_ATTENDANCE_CONNECTIONS
# connections for BENCH_TRIVIAL_SECONDS each: p50 and p99; then the same pages of an activity nobody checked in to (every
# person absent: the page sorts the absent people by name). The sheet's size and present count are the API's totals.
#
# The members are added to the studio with SQL: the API caps a team at 500 (programmes.team_cap), and the burst
# needs thousands of distinct members. Everything else goes through the API.
#
# Environment:
#   BENCH_MEMBERS          members, each checks in once per run (default 5000)
#   BENCH_CONNECTIONS      wrk concurrencies, space-separated (default "16 64 256 1024")
#   BENCH_THREADS          wrk threads (default 2)
#   BENCH_TRIVIAL_SECONDS  length of each /healthz/live run, and of each attendance run (default 5)
#   BENCH_ATTENDANCE_CONNECTIONS  wrk connections reading the attendance sheet, space-separated (default 16)
#   BENCH_ATTENDANCE_PAGES pages of 100 of the attendance sheet to read, space-separated (default "1 25 51")
#   BENCH_MAX_SECONDS      upper bound of each check-in burst (default 60)
#   BENCH_API_PORT, BENCH_SANDBOX_PORT, BENCH_DB_PORT, BENCH_REDIS_PORT (defaults 5090, 5091, 33330, 63800)
#   BENCH_METRICS_PORT     the API's metrics port (Metrics:Port, default API port + 2): each burst's group-commit batches
#                          (count, mean scans per batch, mean ms per batch) are read from /metrics before and after it
#   BENCH_MYSQL_OPTIONS    extra MySqlConnector connection-string options, e.g. "Maximum Pool Size=300"
#   BENCH_DB_FAST=1        MariaDB without flushing its log at each commit (innodb_flush_log_at_trx_commit=0): only
#                          to see what the commit costs; such numbers say nothing about production (a crash there
#                          loses acknowledged check-ins)
#   BENCH_KEEP_SERVICES=1  leave MariaDB and Redis running afterwards
#   BENCH_TRACE            path of dotnet-trace (the NuGet dotnet tool: dotnet tool install --tool-path DIR dotnet-trace):
#                          samples the API's thread stacks (profile dotnet-sampled-thread-time) for BENCH_TRACE_SECONDS
#                          (default 6) from the start of the burst at BENCH_TRACE_AT connections (default: the first of
#                          BENCH_CONNECTIONS) and prints the top 25 methods, exclusive and inclusive. Tracing slows the
#                          API: figures of a traced run are not the benchmark's.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=scripts/lib.sh
. "$ROOT/scripts/lib.sh"

MEMBERS=${BENCH_MEMBERS:-5000}
CONNECTIONS=${BENCH_CONNECTIONS:-"16 64 256 1024"}
THREADS=${BENCH_THREADS:-2}
TRIVIAL_SECONDS=${BENCH_TRIVIAL_SECONDS:-5}
MAX_SECONDS=${BENCH_MAX_SECONDS:-60}
API_PORT=${BENCH_API_PORT:-5090}
SANDBOX_PORT=${BENCH_SANDBOX_PORT:-5091}
METRICS_PORT=${BENCH_METRICS_PORT:-$((API_PORT + 2))}
export WESTUDIO_DATA_DIR=$ROOT/.data/bench
export WESTUDIO_DB_PORT=${BENCH_DB_PORT:-33330}
export WESTUDIO_REDIS_PORT=${BENCH_REDIS_PORT:-63800}
export WESTUDIO_DB_FAST=${BENCH_DB_FAST:-0}
MYSQL_OPTIONS=${BENCH_MYSQL_OPTIONS:-}
ATTENDANCE_CONNECTIONS=${BENCH_ATTENDANCE_CONNECTIONS:-16}
ATTENDANCE_PAGES=${BENCH_ATTENDANCE_PAGES:-"1 25 51"}
TRACE=${BENCH_TRACE:-}
TRACE_AT=${BENCH_TRACE_AT:-${CONNECTIONS%% *}}
TRACE_SECONDS=${BENCH_TRACE_SECONDS:-6}
DB=westudio_bench
API="http://127.0.0.1:$API_PORT"
WORK="$WESTUDIO_DATA_DIR/run/bench"
RUN=$(date +%s)

command -v dotnet >/dev/null || ws_die "the .NET 10 SDK (dotnet) is not on PATH"
command -v jq >/dev/null || ws_die "jq is missing: apt-get install -y jq"
command -v curl >/dev/null || ws_die "curl is missing: apt-get install -y curl"
if ! command -v wrk >/dev/null; then
  echo "==> installing wrk (Debian package)"
  apt-get install -y wrk >/dev/null || ws_die "wrk is missing and could not be installed: apt-get install -y wrk"
fi
[[ "$MEMBERS" =~ ^[0-9]+$ ]] && ((MEMBERS >= 1 && MEMBERS <= 100000)) || ws_die "BENCH_MEMBERS must be 1–100000"

pids=()
cleanup() {
  local rc=$?
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ "${BENCH_KEEP_SERVICES:-0}" == 1 ]] || bash scripts/services.sh down >/dev/null 2>&1 || true
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

wait_for() { # url, name, pid
  for _ in $(seq 1 150); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || ws_die "$2 exited; see $WORK/*.log"
    sleep 0.2
  done
  ws_die "$2 did not answer at $1"
}

echo "==> services (data in $WESTUDIO_DATA_DIR, MariaDB :$WESTUDIO_DB_PORT, Redis :$WESTUDIO_REDIS_PORT)"
bash scripts/services.sh up >/dev/null
sql() { ws_sql -D "$DB" -N -B "$@"; }
ws_sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"
redis-cli -h 127.0.0.1 -p "$WESTUDIO_REDIS_PORT" FLUSHALL >/dev/null
rm -rf "$WORK" && mkdir -p "$WORK"

export ConnectionStrings__MySql="Server=127.0.0.1;Port=$WESTUDIO_DB_PORT;User ID=westudio;Database=$DB${MYSQL_OPTIONS:+;$MYSQL_OPTIONS}"
export ConnectionStrings__Redis="127.0.0.1:$WESTUDIO_REDIS_PORT"
CheckIn__TokenSecret="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
export CheckIn__TokenSecret
# Photos (issue 5) refuse to start without a URL-signing secret; the bench makes a throwaway one and its own folder.
Photos__UrlSecret="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
export Photos__UrlSecret Photos__Folder="${WESTUDIO_DATA_DIR:-$PWD/.data/bench}/photos"
export WeChat__BaseUrl="http://127.0.0.1:$SANDBOX_PORT" WeChat__AppId=wx_sandbox_appid WeChat__AppSecret=sandbox-secret
export Sandbox__AppId=wx_sandbox_appid Sandbox__AppSecret=sandbox-secret
export Demo__AdminPassword="bench-$RUN" ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1
export Logging__LogLevel__Default=Warning

echo "==> building (Release)"
dotnet build WeStudio.sln -c Release -v quiet -nologo >/dev/null
API_BIN=$ROOT/api/WeStudio.Api/bin/Release/net10.0
SANDBOX_BIN=$ROOT/api/WeStudio.WeChatSandbox/bin/Release/net10.0

echo "==> WeChat sandbox :$SANDBOX_PORT, demo data, API :$API_PORT"
(cd "$SANDBOX_BIN" && exec dotnet WeStudio.WeChatSandbox.dll --urls "http://127.0.0.1:$SANDBOX_PORT") >"$WORK/sandbox.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$SANDBOX_PORT/sandbox/calls" "the WeChat sandbox" "${pids[-1]}"
(cd "$API_BIN" && dotnet WeStudio.Api.dll seed) >"$WORK/seed.log" 2>&1 || ws_die "seeding failed; see $WORK/seed.log"
(cd "$API_BIN" && Metrics__Port="$METRICS_PORT" exec dotnet WeStudio.Api.dll --urls "$API;http://127.0.0.1:$METRICS_PORT") >"$WORK/api.log" 2>&1 &
pids+=($!)
wait_for "$API/healthz/ready" "the API" "${pids[-1]}"
API_PID=${pids[-1]}
TICKS=$(getconf CLK_TCK)
api_cpu_ticks() { # utime + stime of the API process, in clock ticks (fields 14 and 15 after the command name)
  sed 's/^.*) //' "/proc/$API_PID/stat" | awk '{ print $12 + $13 }'
}

login() { # sandbox name → "token memberId"
  curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"code\":\"sandbox:$1:$RUN\"}" "$API/api/v1/auth/wechat-login" \
    | jq -r '.token + " " + .member.id'
}
read -r LEADER _ < <(login qin.meiling)
AUTH=(-H "Authorization: Bearer $LEADER" -H 'Content-Type: application/json')
STUDIO=$(curl -fsS "${AUTH[@]}" "$API/api/v1/studios" | jq -r '.[0].id')
[[ "$STUDIO" =~ ^[0-9a-f-]{36}$ ]] || ws_die "the demo leader has no studio"

echo "==> signing in $MEMBERS members through the sandbox"
seq 1 "$MEMBERS" | xargs -P 16 -I{} curl -fsS -X POST -H 'Content-Type: application/json' \
  -d "{\"code\":\"sandbox:bench-{}:$RUN\"}" -w '\n' "$API/api/v1/auth/wechat-login" \
  | jq -r '.token + " " + .member.id' >"$WORK/members.txt"
signed_in=$(wc -l <"$WORK/members.txt")
((signed_in == MEMBERS)) || ws_die "only $signed_in of $MEMBERS members signed in"
cut -d' ' -f1 "$WORK/members.txt" >"$WORK/tokens.txt"
cut -d' ' -f2 "$WORK/members.txt" >"$WORK/ids.txt"
# Multi-row INSERTs of 1,000 memberships each, in one transaction; the ids are checked before they go into SQL.
awk -v studio="$STUDIO" -v q="'" '
  BEGIN { print "START TRANSACTION;" }
  length($0) != 36 || $0 !~ /^[0-9a-f-]+$/ { print "bad member id on line " NR ": " $0 > "/dev/stderr"; bad = 1; exit 1 }
  {
    if (NR % 1000 == 1) printf "%sINSERT INTO studio_memberships (id, studio_id, member_id, role) VALUES\n", (NR > 1 ? ";\n" : "")
    else printf ",\n"
    printf "(UUID(), %s%s%s, %s%s%s, %sMember%s)", q, studio, q, q, $0, q, q, q
  }
  END { if (!bad) print ";\nCOMMIT;" }
' "$WORK/ids.txt" >"$WORK/memberships.sql" || ws_die "$WORK/ids.txt holds something other than member ids"
sql <"$WORK/memberships.sql" || ws_die "adding the members to studio $STUDIO failed"

fresh_code() { # activity → token with at least 8 s left in its window
  local body seconds
  for _ in 1 2 3; do
    body=$(curl -fsS "${AUTH[@]}" "$API/api/v1/activities/$1/checkin/code")
    seconds=$(jq -r .refreshAfterSeconds <<<"$body")
    if ((seconds >= 8)); then jq -r .token <<<"$body"; return 0; fi
    sleep "$seconds"
  done
  ws_die "no fresh code for $1"
}

live_rows() { # activity → "rows distinct_members span_seconds"
  sql -e "SELECT CONCAT_WS(' ', count(*), count(DISTINCT member_id),
      COALESCE(TIMESTAMPDIFF(MICROSECOND, min(checked_in_at), max(checked_in_at)) / 1e6, 0))
    FROM check_ins WHERE activity_id = '$1' AND revoked_at IS NULL"
}

batches() { # "count sum_scans sum_seconds" of the check-in writer's batches so far (Prometheus text at /metrics)
  curl -fsS "http://127.0.0.1:$METRICS_PORT/metrics" | awk '
    /^westudio_checkin_batch_size_count/ { n = $NF } /^westudio_checkin_batch_size_sum/ { s = $NF }
    /^westudio_checkin_batch_duration_seconds_sum/ { d = $NF }
    END { printf "%d %s %s\n", n + 0, s + 0, d + 0 }'
}

field() { sed -n "s/.*RESULT.* $1=\([0-9]*\).*/\1/p" "$2"; }

declare -A ACTIVITY
report=()
# Warm-up (not reported): the JIT and the connection pools see every path once, with the first members.
head -n "$(( MEMBERS < 500 ? MEMBERS : 500 ))" "$WORK/tokens.txt" >"$WORK/warmup-tokens.txt"
for c in warmup $CONNECTIONS; do
  starts=$(date -u -d '+10 minutes' +%Y-%m-%dT%H:%M:%SZ)
  ends=$(date -u -d '+130 minutes' +%Y-%m-%dT%H:%M:%SZ)
  ACTIVITY[$c]=$(curl -fsS "${AUTH[@]}" -d "{\"kind\":\"MonthlySeminar\",\"title\":\"压测 $c\",\"startsAt\":\"$starts\",\"endsAt\":\"$ends\"}" \
    "$API/api/v1/studios/$STUDIO/activities" | jq -r .id)
  curl -fsS -o /dev/null "${AUTH[@]}" -X POST "$API/api/v1/activities/${ACTIVITY[$c]}/checkin/open"
  code=$(fresh_code "${ACTIVITY[$c]}")

  if [[ $c == warmup ]]; then
    echo "==> warm-up: $(wc -l <"$WORK/warmup-tokens.txt") check-ins and 2 s of /healthz/live at 64 connections"
    wrk -t "$THREADS" -c 64 -d 10s --timeout 10s -s scripts/bench/checkin.lua "$API/api/v1/checkins" \
      -- "$code" "$WORK/warmup-tokens.txt" "$RUN-warmup" "$THREADS" >"$WORK/warmup.txt" || true
    wrk -t "$THREADS" -c 64 -d 2s "$API/healthz/live" >>"$WORK/warmup.txt" || true
    continue
  fi
  echo "==> $c connections: $MEMBERS check-ins, then ${TRIVIAL_SECONDS}s of /healthz/live"
  # wrk runs until -d even when every thread stopped; stop it (SIGINT: it prints its summary) once every member's
  # row is in, or after BENCH_MAX_SECONDS.
  trace_pid=
  if [[ -n "$TRACE" && "$c" == "$TRACE_AT" ]]; then
    "$TRACE" collect -p "$API_PID" --profile dotnet-sampled-thread-time --duration "00:00:$(printf %02d "$TRACE_SECONDS")" \
      -o "$WORK/trace-$c.nettrace" >"$WORK/trace-$c.log" 2>&1 &
    trace_pid=$!
    sleep 1 # the session is set up before the burst starts
  fi
  cpu_before=$(api_cpu_ticks)
  read -r b_n0 b_s0 b_d0 < <(batches)
  wrk -t "$THREADS" -c "$c" -d "${MAX_SECONDS}s" --timeout 10s -s scripts/bench/checkin.lua "$API/api/v1/checkins" \
    -- "$code" "$WORK/tokens.txt" "$RUN-$c" "$THREADS" >"$WORK/checkin-$c.txt" &
  wrk_pid=$!
  for _ in $(seq 1 $((MAX_SECONDS * 4))); do
    sleep 0.25
    kill -0 "$wrk_pid" 2>/dev/null || break
    [[ "$(live_rows "${ACTIVITY[$c]}" | cut -d' ' -f1)" -ge "$MEMBERS" ]] && break
  done
  sleep 0.5 # the last responses reach wrk
  kill -INT "$wrk_pid" 2>/dev/null || true
  wait "$wrk_pid" || true
  cpu_after=$(api_cpu_ticks)
  read -r b_n1 b_s1 b_d1 < <(batches)
  if [[ -n "$trace_pid" ]]; then
    wait "$trace_pid" || ws_warn "dotnet-trace failed; see $WORK/trace-$c.log"
    { echo "== top 25 methods, exclusive (dotnet-trace, $c connections)"; "$TRACE" report "$WORK/trace-$c.nettrace" topN -n 25
      echo "== top 25 methods, inclusive"; "$TRACE" report "$WORK/trace-$c.nettrace" topN -n 25 --inclusive; } >"$WORK/profile-$c.txt" 2>&1 || true
  fi
  wrk -t "$THREADS" -c "$c" -d "${TRIVIAL_SECONDS}s" --timeout 10s -s scripts/bench/summary.lua "$API/healthz/live" >"$WORK/live-$c.txt"

  # rows, distinct members, seconds from the first to the last check-in (server clock)
  read -r rows distinct span < <(live_rows "${ACTIVITY[$c]}")
  report+=("$(awk -v c="$c" -v members="$MEMBERS" -v rows="$rows" -v distinct="$distinct" -v span="$span" \
    -v cr="$(field requests "$WORK/checkin-$c.txt")" \
    -v c50="$(field p50_us "$WORK/checkin-$c.txt")" -v c99="$(field p99_us "$WORK/checkin-$c.txt")" \
    -v cbad="$(field non2xx "$WORK/checkin-$c.txt")" -v cerr="$(field errors "$WORK/checkin-$c.txt")" \
    -v lr="$(field requests "$WORK/live-$c.txt")" -v ld="$(field duration_us "$WORK/live-$c.txt")" \
    -v l50="$(field p50_us "$WORK/live-$c.txt")" -v l99="$(field p99_us "$WORK/live-$c.txt")" \
    -v cpu="$((cpu_after - cpu_before))" -v ticks="$TICKS" \
    -v bn="$((b_n1 - b_n0))" -v bs="$(awk -v a="$b_s0" -v b="$b_s1" 'BEGIN { print b - a }')" -v bd="$(awk -v a="$b_d0" -v b="$b_d1" 'BEGIN { print b - a }')" \
    'BEGIN {
       crps = span > 0 ? (rows - 1) / span : 0; lrps = lr / (ld / 1e6);
       cpums = rows > 0 ? cpu / ticks * 1000 / rows * 1000 : 0;
       printf "%4d conns | check-in %6.0f/s  p50 %6.1f ms  p99 %6.1f ms  (%d answered, %d non-2xx, %d socket errors, %.2f s) | API CPU %5.0f ms per 1,000 | %d batches, %.1f scans and %.1f ms each | healthz/live %6.0f req/s  p50 %5.1f ms  p99 %5.1f ms | ratio %.3f | rows %d, distinct members %d of %d: %s",
         c, crps, c50 / 1000, c99 / 1000, cr, cbad, cerr, span, cpums, bn, (bn > 0 ? bs / bn : 0), (bn > 0 ? bd / bn * 1000 : 0), lrps, l50 / 1000, l99 / 1000, crps / lrps, rows, distinct, members,
         (rows == members && distinct == members) ? "OK" : "MISMATCH"
     }')")
done

last=${CONNECTIONS##* }
# An activity nobody checks in to: its sheet is every person, absent.
starts=$(date -u -d '+10 minutes' +%Y-%m-%dT%H:%M:%SZ)
ends=$(date -u -d '+130 minutes' +%Y-%m-%dT%H:%M:%SZ)
ACTIVITY[absent]=$(curl -fsS "${AUTH[@]}" -d "{\"kind\":\"MonthlySeminar\",\"title\":\"压测 无人签到\",\"startsAt\":\"$starts\",\"endsAt\":\"$ends\"}" \
  "$API/api/v1/studios/$STUDIO/activities" | jq -r .id)
for ac in $ATTENDANCE_CONNECTIONS; do
for sheet in "$last" absent; do
  for page in $ATTENDANCE_PAGES; do
    out="$WORK/attendance-$ac-$sheet-$page.txt"
    wrk -t "$(( ac < THREADS ? ac : THREADS ))" -c "$ac" -d "${TRIVIAL_SECONDS}s" --timeout 10s -s scripts/bench/summary.lua \
      -H "Authorization: Bearer $LEADER" "$API/api/v1/activities/${ACTIVITY[$sheet]}/attendance?page=$page&pageSize=100" >"$out"
    totals=$(curl -fsS -H "Authorization: Bearer $LEADER" "$API/api/v1/activities/${ACTIVITY[$sheet]}/attendance?pageSize=1" | jq -r '"\(.totals.members) \(.totals.present)"')
    report+=("$(awk -v page="$page" -v people="${totals% *}" -v c="$ac" -v present="${totals#* }" \
      -v r="$(field requests "$out")" -v d="$(field duration_us "$out")" \
      -v p50="$(field p50_us "$out")" -v p99="$(field p99_us "$out")" -v bad="$(field non2xx "$out")" \
      'BEGIN { printf "attendance sheet of %d people (%d present), page %d of 100, %d conns | %6.0f req/s  p50 %6.1f ms  p99 %6.1f ms (%d answered, %d non-2xx)",
                 people, present, page, c, r / (d / 1e6), p50 / 1000, p99 / 1000, r, bad }')")
  done
done
done

echo
echo "== bench-checkin: $MEMBERS members, wrk $THREADS threads, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), MariaDB fast=$WESTUDIO_DB_FAST, MySqlConnector options '${MYSQL_OPTIONS}', $(date -u +%Y-%m-%dT%H:%M:%SZ)"
printf '%s\n' "${report[@]}"
echo "(raw wrk output in $WORK)"
for f in "$WORK"/profile-*.txt; do if [[ -e "$f" ]]; then cat "$f"; fi; done
