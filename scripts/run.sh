#!/usr/bin/env bash
# Runs WeStudio with demo data: services up -> migrate + seed -> WeChat sandbox + API -> Swagger URL and a walkthrough.
# Ctrl-C stops the API and the sandbox, and the services if this script started them.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

API_PORT=${WESTUDIO_API_PORT:-5080}
SANDBOX_PORT=${WESTUDIO_SANDBOX_PORT:-5081}
export WESTUDIO_DATA_DIR=${WESTUDIO_DATA_DIR:-$ROOT/.data/dev}
DEMO_ADMIN_PASSWORD=${WESTUDIO_DEMO_ADMIN_PASSWORD:-liuzhou-demo-2023}
command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is not on PATH." >&2; exit 1; }
# shellcheck source=scripts/lib.sh
. "$ROOT/scripts/lib.sh"
ws_ensure_turbojpeg # photos: the SIMD JPEG encoder (the API sets its own glibc malloc limits, see README "Photos")

services_were_up=0
bash scripts/services.sh status >/dev/null 2>&1 && services_were_up=1
bash scripts/services.sh up
eval "$(bash scripts/services.sh env)"

# Development secrets are made once per data folder and never committed.
secrets="$WESTUDIO_DATA_DIR/secrets.env"
if [ ! -f "$secrets" ]; then
  umask 077
  printf 'export CheckIn__TokenSecret=%s\n' "$(head -c 48 /dev/urandom | base64 | tr -d '\n')" > "$secrets"
fi
grep -q '^export Photos__UrlSecret=' "$secrets" \
  || printf 'export Photos__UrlSecret=%s\n' "$(head -c 48 /dev/urandom | base64 | tr -d '\n')" >> "$secrets"
# shellcheck disable=SC1090
source "$secrets"
export WeChat__BaseUrl="http://127.0.0.1:$SANDBOX_PORT" WeChat__AppId=wx_sandbox_appid WeChat__AppSecret=sandbox-secret
export Sandbox__AppId=wx_sandbox_appid Sandbox__AppSecret=sandbox-secret
# Photos on disk in the data folder; the sandbox pushes image-check verdicts to the API's message-push URL (the sandbox's
# default push Token and EncodingAESKey, not secrets: they exist only in the sandbox).
export Photos__Folder="$WESTUDIO_DATA_DIR/photos" Photos__PublicBaseUrl="http://127.0.0.1:$API_PORT"
export Sandbox__PushUrl="http://127.0.0.1:$API_PORT/api/v1/wechat/push"
export WeChat__PushToken=sandbox-push-token WeChat__EncodingAesKey=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG
# The sandbox also plays the official account (公众号): its own AppId/AppSecret, push URL, Token and EncodingAESKey (sandbox defaults).
export Reminders__OfficialAccount__AppId=wx_sandbox_oa_appid Reminders__OfficialAccount__AppSecret=sandbox-oa-secret
export Reminders__OfficialAccount__PushToken=sandbox-oa-push-token Reminders__OfficialAccount__EncodingAesKey=OAOAOAOAOAhijklmnopqrstuvwxyz0123456789ABCD
export Sandbox__OfficialAccountPushUrl="http://127.0.0.1:$API_PORT/api/v1/wechat/official-account/push"
export Demo__AdminPassword="$DEMO_ADMIN_PASSWORD" ASPNETCORE_ENVIRONMENT=Development DOTNET_NOLOGO=1
# Reminders: poll every second for the demo; the sandbox's templates come from appsettings.Development.json.
export Reminders__PollSeconds=${Reminders__PollSeconds:-1}

echo "==> building"
dotnet build WeStudio.sln -c Release -v quiet -nologo
API_BIN=$ROOT/api/WeStudio.Api/bin/Release/net10.0
SANDBOX_BIN=$ROOT/api/WeStudio.WeChatSandbox/bin/Release/net10.0
# Each runs from its output folder, so its appsettings.json (log levels) is the content root's.
api() { (cd "$API_BIN" && exec dotnet WeStudio.Api.dll "$@"); }

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "==> stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "$services_were_up" = 0 ]; then bash scripts/services.sh down; fi
}
trap cleanup INT TERM EXIT

wait_for() { # url, name, pid
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    kill -0 "$3" 2>/dev/null || { echo "run.sh: $2 exited; see its log above." >&2; exit 1; }
    sleep 0.2
  done
  echo "run.sh: $2 did not answer at $1" >&2; exit 1
}

echo "==> starting the WeChat sandbox on :$SANDBOX_PORT"
(cd "$SANDBOX_BIN" && exec dotnet WeStudio.WeChatSandbox.dll --urls "http://127.0.0.1:$SANDBOX_PORT") &
pids+=($!)
wait_for "http://127.0.0.1:$SANDBOX_PORT/sandbox/calls" "the WeChat sandbox" "${pids[-1]}"

echo "==> migrating and seeding demo data"
api seed

echo "==> starting the API on :$API_PORT"
# Started directly (not through api()), so that $! is the dotnet process itself and Ctrl-C stops it.
(cd "$API_BIN" && exec dotnet WeStudio.Api.dll --urls "http://127.0.0.1:$API_PORT") &
pids+=($!)
wait_for "http://127.0.0.1:$API_PORT/healthz/ready" "the API" "${pids[-1]}"

API="http://127.0.0.1:$API_PORT"
SANDBOX="http://127.0.0.1:$SANDBOX_PORT"

# Demo of reminders: three members accept the subscribe template of activity reminders (as wx.requestSubscribeMessage
# would report), the leader schedules an activity 50 minutes ahead, and the API's reminder loop sends its "1 h before"
# reminders through the sandbox within a few seconds. Members without a credit show up as NoConsent for the leader.
echo "==> demo: reminders"
json_field() { sed -nE "s/.*\"$1\":\"([^\"]+)\".*/\1/p"; }
login() { curl -fsS -X POST "$API/api/v1/auth/wechat-login" -H 'Content-Type: application/json' -d "{\"code\":\"sandbox:$1:demo-$RANDOM$RANDOM\"}" | json_field token; }
LEADER_TOKEN=$(login qin.meiling)
for name in wei.zhiqiang huang.xiaoyan mo.jianhua; do
  curl -fsS -o /dev/null -X POST "$API/api/v1/me/subscriptions" -H "Authorization: Bearer $(login "$name")" -H 'Content-Type: application/json' \
    -d '{"results":{"sandbox-sub-activity-upcoming":"accept","sandbox-sub-activity-changed":"accept","sandbox-sub-activity-cancelled":"accept"}}'
done
STUDIO_ID=$(curl -fsS "$API/api/v1/me" -H "Authorization: Bearer $LEADER_TOKEN" | sed -nE 's/.*"studioId":"([^"]+)".*/\1/p')
starts=$(date -u -d '+50 minutes' +%Y-%m-%dT%H:%M:00Z); ends=$(date -u -d '+170 minutes' +%Y-%m-%dT%H:%M:00Z)
curl -fsS -o /dev/null -X POST "$API/api/v1/studios/$STUDIO_ID/activities" -H "Authorization: Bearer $LEADER_TOKEN" -H 'Content-Type: application/json' \
  -d "{\"kind\":\"ThemedPartyDay\",\"title\":\"主题党日：学习新修订的《中国共产党纪律处分条例》并开展廉政教育\",\"startsAt\":\"$starts\",\"endsAt\":\"$ends\",\"venueName\":\"景行小学三楼党员活动室\"}"
delivered=0
for _ in $(seq 1 60); do
  delivered=$(curl -fsS "$SANDBOX/sandbox/messages" | { grep -o '"msgid"' || true; } | wc -l)
  [ "$delivered" -ge 3 ] && break
  sleep 0.5
done
echo "    the sandbox received $delivered reminder(s): $SANDBOX/sandbox/messages"
curl -fsS "$SANDBOX/sandbox/messages" | sed -E 's/\},\{"msgid"/},\n{"msgid"/g' | sed 's/^/    /'
echo
echo "    what the leader sees (GET /api/v1/studios/$STUDIO_ID/reminders): $(curl -fsS "$API/api/v1/studios/$STUDIO_ID/reminders" -H "Authorization: Bearer $LEADER_TOKEN" | sed -nE 's/.*"byStatus":(\{[^}]*\}).*/\1/p')"

cat <<TXT

WeStudio is running.
  Swagger UI      $API/swagger
  Health          $API/healthz/ready
  WeChat sandbox  $SANDBOX/sandbox/calls (what "WeChat" received), $SANDBOX/sandbox/messages (reminders delivered)

Demo accounts (柳州市教育系统党建名师工作室, studio 覃美玲党建名师工作室):
  leader  覃美玲  WeChat sandbox name qin.meiling   (log in with code "sandbox:qin.meiling:<any nonce>")
  member  韦志强  WeChat sandbox name wei.zhiqiang  (also huang.xiaoyan, mo.jianhua, lan.xiuying, pan.wenbin, liang.haitao)
  admin   liuzhou.admin / $DEMO_ADMIN_PASSWORD    (中共柳州市委教育工作委员会)

Walkthrough (copy and paste):
  LEADER=\$(curl -s -X POST $API/api/v1/auth/wechat-login -H 'Content-Type: application/json' -d "{\"code\":\"sandbox:qin.meiling:\$RANDOM\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  curl -s $API/api/v1/me -H "Authorization: Bearer \$LEADER"
  MEMBER=\$(curl -s -X POST $API/api/v1/auth/wechat-login -H 'Content-Type: application/json' -d "{\"code\":\"sandbox:wei.zhiqiang:\$RANDOM\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
  curl -s "$API/api/v1/me/activities?pageSize=5" -H "Authorization: Bearer \$MEMBER"
  curl -s $API/api/v1/me/volunteer-hours -H "Authorization: Bearer \$MEMBER"      (add ?year=YYYY early in January: the demo service was 5 days ago)
  ADMIN=\$(curl -s -X POST $API/api/v1/auth/admin-login -H 'Content-Type: application/json' -d '{"username":"liuzhou.admin","password":"$DEMO_ADMIN_PASSWORD"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
  curl -s $API/api/v1/studios -H "Authorization: Bearer \$ADMIN"
  STUDIO=\$(curl -s $API/api/v1/me -H "Authorization: Bearer \$MEMBER" | sed -E 's/.*"studioId":"([^"]+)".*/\1/')
  curl -s "$API/api/v1/studios/\$STUDIO/briefs?limit=2" -H "Authorization: Bearer \$MEMBER"     # published briefs with signed photo URLs
  curl -s "$API/api/v1/briefs" -H "Authorization: Bearer \$ADMIN"
  curl -s -X POST $API/api/v1/photos -H "Authorization: Bearer \$LEADER" -F "file=@tests/WeStudio.Api.Tests/Fixtures/Photos/ladybird-gps.jpg"
  curl -s $API/api/v1/me/subscriptions -H "Authorization: Bearer \$MEMBER"
  curl -s $API/api/v1/studios/$STUDIO_ID/reminders -H "Authorization: Bearer \$LEADER"
  curl -s $SANDBOX/sandbox/messages

Press Ctrl-C to stop.
TXT
wait -n "${pids[@]}"
