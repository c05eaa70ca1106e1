#!/usr/bin/env bash
# The mini-program package's checks (miniprogram-contracts/, issue 16), run by scripts/test.sh after `dotnet test`
# (which built the API and the sandbox in Debug and checked openapi.json byte for byte):
#   1. npm ci (from the committed package-lock.json; Node and npm installed with apt-get when missing, as root)
#   2. schema.d.ts and src/problem-codes.ts are what openapi.json generates (npm run check-generated)
#   3. @redocly/cli lint, recommended rules: 0 errors
#   4. semver: optic diff against previous/openapi.json; a breaking change needs a higher major (npm run semver)
#   5. tsc --strict --noEmit over the package, its tests and test/mistakes.ts (every @ts-expect-error used, each
#      catching the mistake on the line below it: scripts/check-mistakes.mjs)
#   6. node --test: the client against a running API + WeChat sandbox (fresh database westudio_contracts on the test
#      MariaDB, demo seed), with `wx` over fetch
# Prints "contracts: N passed, N failed" and exits non-zero when anything failed.
#
#   scripts/test-contracts.sh [--generate]   --generate: only npm ci + npm run generate (after regenerating openapi.json)
#
# Environment (besides test.sh's WESTUDIO_DATA_DIR / WESTUDIO_DB_PORT / WESTUDIO_REDIS_PORT, already exported by it):
#   WESTUDIO_CONTRACTS_API_PORT       port of the API for the client tests (default 5082)
#   WESTUDIO_CONTRACTS_SANDBOX_PORT   port of the WeChat sandbox for the client tests (default 5083)
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

API_PORT="${WESTUDIO_CONTRACTS_API_PORT:-5082}"
SANDBOX_PORT="${WESTUDIO_CONTRACTS_SANDBOX_PORT:-5083}"
ws_check_port WESTUDIO_CONTRACTS_API_PORT "$API_PORT"
ws_check_port WESTUDIO_CONTRACTS_SANDBOX_PORT "$SANDBOX_PORT"
PKG="$WS_ROOT/miniprogram-contracts"
CONTRACTS_DB=westudio_contracts

ensure_node() {
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then return 0; fi
  if ws_is_root && command -v apt-get >/dev/null 2>&1; then
    ws_info "== installing nodejs and npm for the mini-program package's tests"
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm >&2 || ws_warn "apt-get install nodejs npm exited non-zero"
  fi
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
    || ws_die "node and npm are missing: apt-get install -y nodejs npm (as root), then run this again"
}

# npm ci only when the lock file changed since the last install into node_modules.
npm_ci() {
  local stamp="$PKG/node_modules/.westudio-lock.sha256" want
  want=$(sha256sum "$PKG/package-lock.json" | cut -d' ' -f1)
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then return 0; fi
  ws_info "== npm ci (miniprogram-contracts)"
  (cd "$PKG" && npm ci --no-audit --no-fund >&2)
  printf '%s\n' "$want" >"$stamp"
}

ensure_node
npm_ci
if [[ "${1:-}" == "--generate" ]]; then
  (cd "$PKG" && npm run --silent generate)
  exit 0
fi

passed=0
failed=0
step() { # name, command...
  local name="$1"; shift
  ws_info "== contracts: $name"
  if (cd "$PKG" && "$@" >&2); then passed=$((passed + 1)); else failed=$((failed + 1)); ws_warn "contracts: $name FAILED"; fi
}

step "generated TypeScript matches openapi.json" npm run --silent check-generated
step "redocly lint (recommended, 0 errors)" npm run --silent lint
step "semver against previous/openapi.json (optic diff)" npm run --silent semver
step "tsc --strict and the deliberate mistakes" npm run --silent typecheck

# The client tests: a fresh database, the demo seed, the sandbox and the API from dotnet test's Debug build.
pids=()
stop_servers() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  pids=()
}
trap stop_servers EXIT

wait_for() { # url, name, pid
  for _ in $(seq 1 150); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    kill -0 "$3" 2>/dev/null || { ws_warn "$2 exited; see $LOGS"; return 1; }
    sleep 0.2
  done
  ws_warn "$2 did not answer at $1"; return 1
}

run_client_tests() {
  local api_bin="$WS_ROOT/api/WeStudio.Api/bin/Debug/net10.0" sandbox_bin="$WS_ROOT/api/WeStudio.WeChatSandbox/bin/Debug/net10.0"
  [[ -f "$api_bin/WeStudio.Api.dll" && -f "$sandbox_bin/WeStudio.WeChatSandbox.dll" ]] \
    || { ws_warn "the Debug build of the API or the sandbox is missing (dotnet test builds it)"; return 1; }
  ws_port_open "$API_PORT" && { ws_warn "port $API_PORT is taken: set WESTUDIO_CONTRACTS_API_PORT"; return 1; }
  ws_port_open "$SANDBOX_PORT" && { ws_warn "port $SANDBOX_PORT is taken: set WESTUDIO_CONTRACTS_SANDBOX_PORT"; return 1; }
  ws_sql -e "DROP DATABASE IF EXISTS \`$CONTRACTS_DB\`; CREATE DATABASE \`$CONTRACTS_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci" || return 1

  local photos="$WESTUDIO_DATA_DIR/contracts-photos"
  rm -rf "$photos" && mkdir -p "$photos"
  (
    export ConnectionStrings__MySql="Server=127.0.0.1;Port=$WESTUDIO_DB_PORT;User ID=westudio;Database=$CONTRACTS_DB"
    export ConnectionStrings__Redis="127.0.0.1:$WESTUDIO_REDIS_PORT,defaultDatabase=1"
    export CheckIn__TokenSecret="contracts-test-check-in-secret-0123456789abcdef" Photos__UrlSecret="contracts-test-photo-secret-0123456789abcdef"
    export WeChat__BaseUrl="http://127.0.0.1:$SANDBOX_PORT" WeChat__AppId=wx_sandbox_appid WeChat__AppSecret=sandbox-secret
    export Sandbox__AppId=wx_sandbox_appid Sandbox__AppSecret=sandbox-secret
    export Photos__Folder="$photos" Photos__PublicBaseUrl="http://127.0.0.1:$API_PORT"
    export Sandbox__PushUrl="http://127.0.0.1:$API_PORT/api/v1/wechat/push"
    export WeChat__PushToken=sandbox-push-token WeChat__EncodingAesKey=abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG
    export Demo__AdminPassword=liuzhou-demo-2023 ASPNETCORE_ENVIRONMENT=Development Reminders__WorkerEnabled=false
    (cd "$sandbox_bin" && exec dotnet WeStudio.WeChatSandbox.dll --urls "http://127.0.0.1:$SANDBOX_PORT") >"$LOGS/sandbox.log" 2>&1 &
    echo $! >"$LOGS/sandbox.pid"
    (cd "$api_bin" && dotnet WeStudio.Api.dll seed) >"$LOGS/seed.log" 2>&1 || { ws_warn "demo seed failed: $LOGS/seed.log"; exit 1; }
    (cd "$api_bin" && exec dotnet WeStudio.Api.dll --urls "http://127.0.0.1:$API_PORT") >"$LOGS/api.log" 2>&1 &
    echo $! >"$LOGS/api.pid"
  ) || { [[ -f "$LOGS/sandbox.pid" ]] && pids+=("$(cat "$LOGS/sandbox.pid")"); return 1; }
  pids+=("$(cat "$LOGS/sandbox.pid")" "$(cat "$LOGS/api.pid")")
  wait_for "http://127.0.0.1:$SANDBOX_PORT/sandbox/calls" "the WeChat sandbox" "${pids[0]}" || return 1
  wait_for "http://127.0.0.1:$API_PORT/healthz/ready" "the API" "${pids[1]}" || return 1

  (cd "$PKG" && npm run --silent build >&2) || return 1
  local out="$LOGS/node-test.tap" rc=0
  (cd "$PKG" && WESTUDIO_API="http://127.0.0.1:$API_PORT" WESTUDIO_SANDBOX="http://127.0.0.1:$SANDBOX_PORT" \
     WESTUDIO_PHOTO="$WS_ROOT/tests/WeStudio.Api.Tests/Fixtures/Photos/ladybird-gps.jpg" \
     node --test --test-reporter=tap build/test/client.test.js) >"$out" 2>&1 || rc=$?
  cat "$out" >&2
  node_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$out" | tail -1)
  node_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$out" | tail -1)
  return "$rc"
}

LOGS="$WESTUDIO_DATA_DIR/contracts-logs"
mkdir -p "$LOGS"
rm -f "$LOGS"/*.pid
node_passed=0
node_failed=0
ws_info "== contracts: client tests against the API (:$API_PORT) and the sandbox (:$SANDBOX_PORT); logs in $LOGS"
if run_client_tests; then :; else
  ws_warn "contracts: client tests FAILED (logs in $LOGS)"
  ((node_failed > 0)) || node_failed=1
fi
stop_servers
passed=$((passed + ${node_passed:-0}))
failed=$((failed + ${node_failed:-0}))
printf 'contracts: %d passed, %d failed\n' "$passed" "$failed"
((failed == 0))
