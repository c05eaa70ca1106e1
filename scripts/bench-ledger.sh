#!/usr/bin/env bash
# Ledger benchmark (issue 7): a province's worth of data, then wrk against the studio ledger, the committee overview
# and GET /healthz/live in the same run, printing p50/p99 and the ratios. A benchmark, not a test: it never fails on a number.
#
#   WESTUDIO_DB_PORT=33360 WESTUDIO_REDIS_PORT=63830 WESTUDIO_API_PORT=5380 WESTUDIO_DATA_DIR=.data/bench scripts/bench-ledger.sh
#
# Data set (generated once per data folder with LOAD DATA LOCAL INFILE from awk streams, then reused; delete the folder
# to start over):
#   10,000 studios (one school each, under 100 districts of one province committee) in one Liuzhou-set programme,
#   120,000 members (a leader and 11 members per studio), 5 years of activities per studio (a MonthlySeminar every month,
#   2 TrainingLectures, 2 SemesterSeminars and a PairingVisit a year; 1 in 20 cancelled), achievements, backbone teachers,
#   progress reports, and about 10 million check-ins (9.45 million: every member at every held activity, but the last member
#   at one activity in six; cancelled activities have none), loaded into the real check_ins table with its indexes.
#   MySQL triggers run once per row: the loads set @westudio_bulk_load = 1, which the ledger triggers of
#   V0006__ledger_versions.sql skip, and the script then raises each studio's ledger version once (and the catalogue's).
#   LOAD DATA LOCAL turns bad rows into warnings (the row is skipped or altered), so a load with any warning fails.
#   MariaDB keeps its data in its own buffer pool (no OS page cache): WESTUDIO_DB_BUFFER_POOL defaults to 2G here,
#   enough for the whole set (it is read when MariaDB starts; run scripts/services.sh down to change it).
#
# BENCH_STUDIOS (default 10000) makes a smaller set for a smoke run (use another WESTUDIO_DATA_DIR).
# Load: wrk from Debian on loopback, bounded: BENCH_SECONDS (default 20) per endpoint, BENCH_CONNECTIONS (default 4),
# a 60 s request timeout so that slow answers are measured rather than dropped. The overview is measured four ways:
# cold (one call with nothing cached: every studio counted from the tables), the first call of a new instance (counts
# in Redis, none in memory), warm (wrk), and warm while
# BENCH_CHURN_PER_SECOND (default 20) activity writes a second keep invalidating studios.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
. scripts/lib.sh

export WESTUDIO_DATA_DIR=${WESTUDIO_DATA_DIR:-$ROOT/.data/bench}
[[ "$WESTUDIO_DATA_DIR" == /* ]] || WESTUDIO_DATA_DIR="$ROOT/$WESTUDIO_DATA_DIR"
export WESTUDIO_DB_PORT=${WESTUDIO_DB_PORT:-33360}
export WESTUDIO_REDIS_PORT=${WESTUDIO_REDIS_PORT:-63830}
export WESTUDIO_DB_BUFFER_POOL=${WESTUDIO_DB_BUFFER_POOL:-2G}
API_PORT=${WESTUDIO_API_PORT:-5380}
SECONDS_PER_RUN=${BENCH_SECONDS:-20}
CONNECTIONS=${BENCH_CONNECTIONS:-4}
STUDIOS=${BENCH_STUDIOS:-10000}; MEMBERS_PER_STUDIO=12; DISTRICTS=100; YEARS=5
ADMIN_USER=bench.admin; ADMIN_PASSWORD=bench-admin-password
CHURN=${BENCH_CHURN_PER_SECOND:-20}
[[ "$CHURN" =~ ^[1-9][0-9]{0,3}$ ]] || ws_die "BENCH_CHURN_PER_SECOND must be a number from 1 to 9999"

command -v wrk >/dev/null || { ws_is_root && apt-get install -y wrk >/dev/null 2>&1; } || ws_die "wrk is not installed (apt-get install wrk)"
command -v dotnet >/dev/null || ws_die "the .NET 10 SDK (dotnet) is not on PATH"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

services_were_up=0
bash scripts/services.sh status >/dev/null 2>&1 && services_were_up=1
bash scripts/services.sh up >/dev/null
eval "$(bash scripts/services.sh env)"
# Rows tab-separated, no header.
sql_() { ws_sql -D westudio -N -B "$@"; }
# load TABLE "(columns) [SET …]": LOAD DATA LOCAL INFILE of the tab-separated rows on stdin (\N is NULL, as in COPY's
# text format) in a session that skips the ledger triggers; any warning fails it (see above). Foreign keys and unique
# keys are checked as usual.
load() {
  local out
  out=$(ws_sql -D westudio --show-warnings -e "SET @westudio_bulk_load = 1;
    LOAD DATA LOCAL INFILE '/dev/stdin' INTO TABLE $1 CHARACTER SET utf8mb4 $2" 2>&1) || ws_die "loading $1 failed: $out"
  [[ -z "$out" ]] || ws_die "loading $1 gave warnings (rows skipped or altered): $(head -n 5 <<<"$out")"
}

api_pid=""
churn_pid=""
cleanup() {
  trap - INT TERM EXIT
  [[ -z "$churn_pid" ]] || kill "$churn_pid" 2>/dev/null || true
  [[ -n "$api_pid" ]] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null
  [[ "$services_were_up" == 1 ]] || bash scripts/services.sh down >/dev/null 2>&1 || true
}
trap cleanup INT TERM EXIT

echo "==> building (Release)"
dotnet build api/WeStudio.Api -c Release -v quiet -nologo >/dev/null
API_BIN=$ROOT/api/WeStudio.Api/bin/Release/net10.0
export Bootstrap__OrgUnitName="省委教育工委（基准）" Bootstrap__AdminUsername=$ADMIN_USER Bootstrap__AdminPassword=$ADMIN_PASSWORD
export CheckIn__TokenSecret=bench-checkin-secret-0123456789abcdef0123456789 WeChat__BaseUrl=http://127.0.0.1:9 WeChat__AppId=bench WeChat__AppSecret=bench
# Photos (issue 5) refuse to start without a URL-signing secret; the bench makes a throwaway one and its own folder.
Photos__UrlSecret="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
export Photos__UrlSecret Photos__Folder="${WESTUDIO_DATA_DIR:-$PWD/.data/bench}/photos"
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
(cd "$API_BIN" && dotnet WeStudio.Api.dll migrate)

API="http://127.0.0.1:$API_PORT"
start_api() {
  echo "==> starting the API on :$API_PORT"
  (cd "$API_BIN" && exec dotnet WeStudio.Api.dll --urls "http://127.0.0.1:$API_PORT" --Database:MigrateOnStartup=false) &
  api_pid=$!
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "$API/healthz/ready" 2>/dev/null && break; sleep 0.2; done
}
start_api
TOKEN=$(curl -fsS -X POST "$API/api/v1/auth/admin-login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"$ADMIN_USER\",\"password\":\"$ADMIN_PASSWORD\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
if [[ "$(sql_ -e "SELECT count(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'bench_marker'")" != 1 ]]; then
  echo "==> generating the province data set (LOAD DATA)"
  t0=$(date +%s)
  ROOT_ID=$(sql_ -e "SELECT id FROM org_units WHERE name = '$Bootstrap__OrgUnitName' AND parent_id IS NULL")
  [[ "$ROOT_ID" =~ ^[0-9a-f-]{36}$ ]] || ws_die "no root org unit '$Bootstrap__OrgUnitName' (did the API bootstrap it?)"
  YEAR=$(TZ=Asia/Shanghai date +%Y); MONTH=$(TZ=Asia/Shanghai date +%-m)
  [[ "$(sql_ -e "SELECT count(*) FROM studios")" == 0 ]] || ws_die "the bench database holds data from an interrupted run: remove $WESTUDIO_DATA_DIR and run again"
  FIRST=$((YEAR - YEARS + 1))
  # Deterministic ids: 0000000T-0000-4000-8000-NNNNNNNNNNNN, T the table. Times are UTC (the schema's DATETIME(6)):
  # midnight of 1 January in Asia/Shanghai is 16:00 on 31 December, 15:00 is 07:00, and so on.
  awk -v d="$DISTRICTS" -v n="$STUDIOS" -v root="$ROOT_ID" 'BEGIN {
    for (i = 1; i <= d; i++) printf "00000004-0000-4000-8000-%012d\t区县%03d\t%s\n", i, i, root
    for (i = 1; i <= n; i++) printf "00000006-0000-4000-8000-%012d\t学校%05d\t00000004-0000-4000-8000-%012d\n", i, i, (i % d) + 1
  }' | load org_units "(id, name, parent_id)"
  # The closure of the tree (each unit at depth 0, then its parent's ancestors one level further), districts first.
  sql_ <<'SQL'
INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)
SELECT id, id, 0 FROM org_units WHERE id LIKE '00000004-%' OR id LIKE '00000006-%';
INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)
SELECT c.ancestor_id, u.id, c.depth + 1 FROM org_units u JOIN org_unit_closure c ON c.descendant_id = u.parent_id WHERE u.id LIKE '00000004-%';
INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)
SELECT c.ancestor_id, u.id, c.depth + 1 FROM org_units u JOIN org_unit_closure c ON c.descendant_id = u.parent_id WHERE u.id LIKE '00000006-%';
SQL
  # Through the API, so the programme gets the Liuzhou requirement set as any programme does.
  PROGRAMME_ID=$(curl -fsS -X POST "$API/api/v1/programmes" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"基准批次\",\"issuer\":\"省委教育工委\",\"studioKind\":\"PartyBuildingMaster\",\"cycleYears\":2,\"startsOn\":\"$((YEAR - 1))-09-01\",\"teamCap\":20,\"ruleSet\":\"Liuzhou\"}" \
    | sed -E 's/.*"id":"([^"]+)".*/\1/')
  [[ "$PROGRAMME_ID" =~ ^[0-9a-f-]{36}$ ]] || ws_die "creating the programme through the API failed"
  awk -v n=$((STUDIOS * MEMBERS_PER_STUDIO)) 'BEGIN { for (i = 1; i <= n; i++) printf "00000002-0000-4000-8000-%012d\tbench-openid-%d\t成员%d\n", i, i, i }' \
    | load members "(id, openid, display_name)"
  awk -v p="$PROGRAMME_ID" -v n="$STUDIOS" -v y="$FIRST" 'BEGIN { for (i = 1; i <= n; i++) printf "00000001-0000-4000-8000-%012d\t%s\t工作室%05d\t00000006-0000-4000-8000-%012d\tActive\t%d-12-31 16:00:00\n", i, p, i, i, y - 1 }' \
    | load studios "(id, programme_id, name, host_org_unit_id, status, created_at)"
  awk -v n="$STUDIOS" -v m="$MEMBERS_PER_STUDIO" -v y="$FIRST" 'BEGIN { for (i = 1; i <= n; i++) for (j = 0; j < m; j++)
      printf "00000007-0000-4000-8000-%012d\t00000001-0000-4000-8000-%012d\t00000002-0000-4000-8000-%012d\t%s\t%d-12-31 16:00:00\n", (i - 1) * m + j + 1, i, (i - 1) * m + j + 1, (j == 0 ? "Leader" : "Member"), y - 1 }' \
    | load studio_memberships "(id, studio_id, member_id, role, joined_at)"
  # Activities: per studio and month a MonthlySeminar; in Mar and Oct a TrainingLecture; in May and Nov a SemesterSeminar; in Apr a PairingVisit.
  # Only months up to the current one; 1 in 20 cancelled. what=activities prints the activities; what=checkins the
  # check-ins of every member at each held one but, in 1 of 6, the last member. The same walk twice: the check-ins are
  # loaded after the activities, with foreign-key checks (cheap: activities and members fit in the buffer pool).
  activity_rows() {
    awk -v what="$1" -v n="$STUDIOS" -v m="$MEMBERS_PER_STUDIO" -v first="$FIRST" -v year="$YEAR" -v month="$MONTH" 'BEGIN {
      a = 0; c = 0
      for (i = 1; i <= n; i++) {
        leader = (i - 1) * m + 1
        for (y = first; y <= year; y++) for (mo = 1; mo <= 12; mo++) {
          if (y == year && mo > month) break
          split("MonthlySeminar", kinds, ","); nk = 1
          if (mo == 3 || mo == 10) kinds[++nk] = "TrainingLecture"
          if (mo == 5 || mo == 11) kinds[++nk] = "SemesterSeminar"
          if (mo == 4) kinds[++nk] = "PairingVisit"
          for (k = 1; k <= nk; k++) {
            a++
            day = 3 + 5 * k
            status = (a % 20 == 0) ? "Cancelled" : "Scheduled"
            if (what == "activities") {
              # 15:00-17:00 in Asia/Shanghai
              start = sprintf("%d-%02d-%02d 07:00:00", y, mo, day); end = sprintf("%d-%02d-%02d 09:00:00", y, mo, day)
              school = (kinds[k] == "PairingVisit") ? sprintf("结对学校%d", (i + y) % 50) : "\\N"
              printf "00000003-0000-4000-8000-%012d\t00000001-0000-4000-8000-%012d\t%s\t%s %d-%02d\t%s\t%s\t%s\t%s\t00000002-0000-4000-8000-%012d\n", a, i, kinds[k], kinds[k], y, mo, start, end, status, school, leader
            } else if (status == "Scheduled") for (j = 0; j < m; j++) {
              if (j == m - 1 && a % 6 == 0) continue
              c++
              # 14:30 + j minutes in Asia/Shanghai
              printf "00000005-0000-4000-8000-%012d\t00000003-0000-4000-8000-%012d\t00000002-0000-4000-8000-%012d\t%d-%02d-%02d 06:%02d:00\tScan\t24.33\t109.41\t25\tbench-%08d\n", c, a, (i - 1) * m + j + 1, y, mo, day, 30 + j, c
            }
          }
        }
      }
    }'
  }
  activity_rows activities \
    | load activities "(id, studio_id, kind, title, starts_at, ends_at, status, paired_school_name, created_by)"
  activity_rows checkins \
    | load check_ins "(id, activity_id, member_id, checked_in_at, method, latitude, longitude, accuracy_meters, client_nonce)"
  awk -v n="$STUDIOS" -v m="$MEMBERS_PER_STUDIO" -v first="$FIRST" -v year="$YEAR" 'BEGIN {
    k = 0
    for (i = 1; i <= n; i++) for (y = first; y <= year; y++) {
      leader = (i - 1) * m + 1
      if ((i + y) % 3 != 0) printf "00000008-0000-4000-8000-%012d\t00000001-0000-4000-8000-%012d\tWorkMethodOrCase\t\\N\t工作法%d\t%d\t作者\tCity\t00000002-0000-4000-8000-%012d\n", ++k, i, y, y, leader
      if ((i + y) % 4 == 0) printf "00000008-0000-4000-8000-%012d\t00000001-0000-4000-8000-%012d\tResearchOutput\tProject\t课题%d\t%d\t作者\tProvince\t00000002-0000-4000-8000-%012d\n", ++k, i, y, y, leader
    }
  }' | load achievements "(id, studio_id, form, research_subtype, title, year, authors, level, created_by) SET evidence_urls = '[]'"
  awk -v n="$STUDIOS" -v m="$MEMBERS_PER_STUDIO" -v first="$FIRST" -v year="$YEAR" 'BEGIN {
    for (i = 1; i <= n; i++) for (y = first; y <= year; y++) for (j = 1; j <= 3 + (i + y) % 4; j++)
      printf "00000001-0000-4000-8000-%012d\t00000002-0000-4000-8000-%012d\t%d\t00000002-0000-4000-8000-%012d\n", i, (i - 1) * m + j + 1, y, (i - 1) * m + 1
  }' | load backbone_teachers "(studio_id, member_id, year, marked_by)"
  awk -v n="$STUDIOS" -v m="$MEMBERS_PER_STUDIO" -v first="$FIRST" -v year="$YEAR" 'BEGIN {
    k = 0
    # 20 December, 10:00 in Asia/Shanghai
    for (i = 1; i <= n; i++) for (y = first; y < year; y++) if ((i + y) % 5 != 0)
      printf "00000009-0000-4000-8000-%012d\t00000001-0000-4000-8000-%012d\t%d\t年度建设进展报告\tSubmitted\t%d-12-20 02:00:00\t%d-12-20 02:00:00\t00000002-0000-4000-8000-%012d\n", ++k, i, y, y, y, (i - 1) * m + 1
  }' | load progress_reports "(id, studio_id, year, text, status, first_submitted_at, submitted_at, submitted_by) SET attachment_urls = '[]'"
  # What the skipped triggers would have done: every studio's ledger version raised once, under the current epoch read
  # as ledger_bump reads it, and the catalogue's version once. Then fresh index statistics, and the marker.
  sql_ >/dev/null <<'SQL'
START TRANSACTION;
SELECT epoch INTO @epoch FROM ledger_clock WHERE id = 1 LOCK IN SHARE MODE;
INSERT INTO ledger_versions (studio_id, version, changed_epoch)
SELECT id, 1, @epoch FROM studios
ON DUPLICATE KEY UPDATE version = version + 1, changed_epoch = @epoch;
UPDATE ledger_catalogue SET version = version + 1 WHERE id = 1;
COMMIT;
ANALYZE TABLE org_units, org_unit_closure, members, studios, studio_memberships, activities, check_ins, achievements,
  backbone_teachers, progress_reports, ledger_versions;
CREATE TABLE bench_marker (generated_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6));
INSERT INTO bench_marker () VALUES ();
SQL
  echo "    generated in $(( $(date +%s) - t0 )) s"
fi
PROGRAMME_ID=$(sql_ -e "SELECT id FROM programmes WHERE name = '基准批次'")
sql_ -e "SELECT CONCAT('    studios ', (SELECT count(*) FROM studios), ', members ', (SELECT count(*) FROM members),
  ', activities ', (SELECT count(*) FROM activities), ', check-ins ', (SELECT count(*) FROM check_ins),
  ', requirements ', (SELECT count(*) FROM requirements WHERE programme_id = '$PROGRAMME_ID'))"

STUDIO_ID=$(printf "00000001-0000-4000-8000-%012d" $(( STUDIOS < 4242 ? STUDIOS : 4242 )))
YEAR=$(TZ=Asia/Shanghai date +%Y)
STUDIO_URL="$API/api/v1/studios/$STUDIO_ID/ledger?year=$YEAR"
OVERVIEW_URL="$API/api/v1/ledger?programmeId=$PROGRAMME_ID&period=$YEAR&pageSize=50"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$STUDIO_URL")
[[ "$code" == 200 ]] || ws_die "$STUDIO_URL answered $code"

# Cold: no counts cached anywhere (Redis keys deleted; the API keeps counts in memory too, so it is restarted), every
# studio is counted from the tables in this one request.
redis-cli -h 127.0.0.1 -p "$WESTUDIO_REDIS_PORT" --scan --pattern 'ws:ledger:*' | xargs -r -n 1000 redis-cli -h 127.0.0.1 -p "$WESTUDIO_REDIS_PORT" del >/dev/null
kill "$api_pid"; wait "$api_pid" 2>/dev/null || true
start_api
read -r code cold_s < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" "$OVERVIEW_URL")
[[ "$code" == 200 ]] || ws_die "$OVERVIEW_URL answered $code"
cold_ms=$(awk -v s="$cold_s" 'BEGIN { printf "%.0f", s * 1000 }')
# Restart: a new instance (nothing in memory) with the counts in Redis: only versions are compared.
kill "$api_pid"; wait "$api_pid" 2>/dev/null || true
start_api
read -r code restart_s < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $TOKEN" "$OVERVIEW_URL")
[[ "$code" == 200 ]] || ws_die "$OVERVIEW_URL answered $code"
restart_ms=$(awk -v s="$restart_s" 'BEGIN { printf "%.0f", s * 1000 }')
echo "    overview total: $(curl -s -H "Authorization: Bearer $TOKEN" "$OVERVIEW_URL" | grep -o '"total":[0-9]*'); cold (all studios counted): ${cold_ms} ms"

# wrk --latency prints "50%  1.23ms" … "99%  4.56ms"; normalised to milliseconds.
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
run() { # name url -> "p50 p99 rps"
  local out
  out=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" --timeout 60s --latency -H "Authorization: Bearer $TOKEN" "$2")
  printf '%s %s %s\n' "$(ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")" "$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")" "$(awk '/Requests\/sec/ { print $2 }' <<<"$out")"
}
echo "==> wrk: ${SECONDS_PER_RUN}s each, $CONNECTIONS connections, 1 thread, loopback"
read -r h50 h99 hrps < <(run healthz "$API/healthz/live")
read -r s50 s99 srps < <(run studio "$STUDIO_URL")
read -r o50 o99 orps < <(run overview "$OVERVIEW_URL")
# Churn: the same overview while leaders keep writing: CHURN_PER_SECOND (default 20) random activities a second are
# updated (each raises its studio's version, so those studios are counted again on the next look).
activities_total=$(sql_ -e "SELECT count(*) FROM activities")
# One client session: awk writes the statements (random activity ids drawn here, each UPDATE its own autocommit
# transaction, the activities' row trigger raising the studio's version), the server sleeps between them.
awk -v n=$(( CHURN * (SECONDS_PER_RUN + 2) )) -v total="$activities_total" -v pause="$(awk -v c="$CHURN" 'BEGIN { printf "%.4f", 1 / c }')" 'BEGIN {
  srand()
  for (i = 1; i <= n; i++)
    printf "UPDATE activities SET updated_at = UTC_TIMESTAMP(6) WHERE id = %c00000003-0000-4000-8000-%012d%c;\nDO SLEEP(%s);\n", 39, 1 + int(rand() * total), 39, pause
}' | sql_ >/dev/null &
churn_pid=$!
read -r c50 c99 crps < <(run overview-churn "$OVERVIEW_URL")
wait "$churn_pid" || true
churn_pid=""
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "n/a" }'; }
printf '\n%-34s %10s %10s %10s %14s %14s\n' endpoint p50_ms p99_ms req/s p99/healthz healthz_rps/rps
printf '%-34s %10s %10s %10s %14s %14s\n' "GET /healthz/live" "$h50" "$h99" "$hrps" 1.0 1.0
printf '%-34s %10s %10s %10s %14s %14s\n' "GET /studios/{id}/ledger" "$s50" "$s99" "$srps" "$(ratio "$s99" "$h99")" "$(ratio "$hrps" "$srps")"
printf '%-34s %10s %10s %10s %14s %14s\n' "GET /ledger (10,000 studios)" "$o50" "$o99" "$orps" "$(ratio "$o99" "$h99")" "$(ratio "$hrps" "$orps")"
printf '%-34s %10s %10s %10s %14s %14s\n' "  same, $CHURN studio writes/s" "$c50" "$c99" "$crps" "$(ratio "$c99" "$h99")" "$(ratio "$hrps" "$crps")"
printf '%-34s %10s\n' "  cold (nothing cached), one call" "$cold_ms"
printf '%-34s %10s\n' "  new instance, counts in Redis" "$restart_ms"
