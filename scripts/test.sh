#!/usr/bin/env bash
# Runs the whole WeStudio test suite against real MariaDB and Redis, started by
# scripts/services.sh as a separate test instance (own data dir and ports) that can
# run beside the development one. Extra arguments go to `dotnet test`:
#
#   scripts/test.sh
#   scripts/test.sh --filter "FullyQualifiedName~CheckIns"
#
# Steps: services up → drop and recreate database westudio_test → FLUSHALL the
# test Redis → dotnet test WeStudio.sln with a trx logger → print the totals on
# one line, "N passed, N failed, N skipped" (CI reads that line) → stop the test
# services. Exits non-zero when a test failed, when no test ran, or when the build
# or the test run failed.
#
# Environment:
#   WESTUDIO_TEST_DATA_DIR     test data folder (default <repo>/.data/test)
#   WESTUDIO_TEST_DB_PORT      MariaDB port of the test instance (default 33307)
#   WESTUDIO_TEST_REDIS_PORT   Redis port of the test instance (default 63791)
#   WESTUDIO_TEST_RESULTS_DIR  where the .trx files go (default <repo>/TestResults)
#   WESTUDIO_KEEP_SERVICES=1   leave the test services running afterwards
#   WESTUDIO_CONTRACTS_API_PORT / WESTUDIO_CONTRACTS_SANDBOX_PORT  API and sandbox of the mini-program client tests
#                              (scripts/test-contracts.sh; defaults 5082/5083)
# They have names of their own, not WESTUDIO_DATA_DIR / WESTUDIO_DB_PORT /
# WESTUDIO_REDIS_PORT, so that settings exported for the development instance
# never point this script (which drops a database and flushes Redis) at it.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

export WESTUDIO_DATA_DIR="${WESTUDIO_TEST_DATA_DIR:-$WS_ROOT/.data/test}"
export WESTUDIO_DB_PORT="${WESTUDIO_TEST_DB_PORT:-33307}"
export WESTUDIO_REDIS_PORT="${WESTUDIO_TEST_REDIS_PORT:-63791}"
# Throwaway data: no flush at commit for the test instance.
export WESTUDIO_DB_FAST=1
RESULTS_DIR="${WESTUDIO_TEST_RESULTS_DIR:-$WS_ROOT/TestResults}"
[[ "$RESULTS_DIR" == /* ]] || RESULTS_DIR="$PWD/$RESULTS_DIR"
TEST_DB=westudio_test
SERVICES="$WS_ROOT/scripts/services.sh"

cd "$WS_ROOT"

if ! command -v dotnet >/dev/null 2>&1; then
  ws_die "dotnet is not on PATH: install the .NET 10 SDK to build and run the tests, then run this again"
fi
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

stop_services() {
  local rc=$?
  trap - EXIT
  if [[ "${WESTUDIO_KEEP_SERVICES:-0}" == 1 ]]; then
    ws_info "test services left running (WESTUDIO_KEEP_SERVICES=1); stop them with:"
    ws_info "  WESTUDIO_DATA_DIR=$WESTUDIO_DATA_DIR WESTUDIO_DB_PORT=$WESTUDIO_DB_PORT WESTUDIO_REDIS_PORT=$WESTUDIO_REDIS_PORT scripts/services.sh down"
  else
    bash "$SERVICES" down || rc=1
  fi
  exit "$rc"
}
trap stop_services EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Issue 5's tests run exiftool on the photos the API stores and openssl to cross-check the message-push AES layer:
# install them when missing (as root), else say how.
ensure_test_tools() {
  local missing=()
  command -v exiftool >/dev/null 2>&1 || missing+=(libimage-exiftool-perl)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  # Issue 17: the orientation test compares pixels with ImageMagick's compare/convert.
  command -v compare >/dev/null 2>&1 || missing+=(imagemagick)
  ((${#missing[@]} == 0)) && return 0
  if ws_is_root && command -v apt-get >/dev/null 2>&1; then
    ws_info "== installing ${missing[*]} for the tests"
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >&2 || ws_warn "apt-get install exited non-zero"
  fi
  command -v exiftool >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1 && command -v compare >/dev/null 2>&1 \
    || ws_die "missing ${missing[*]}: apt-get install -y ${missing[*]} (as root), then run this again"
}
ensure_test_tools
ws_ensure_turbojpeg # issue 17: the photo tests check the SIMD JPEG encoder is the one in use
# The ledger export test opens the workbook with a real office suite (LibreOffice, headless).
if ! command -v soffice >/dev/null 2>&1; then
  if ws_is_root; then
    ws_info "== installing LibreOffice Calc (headless) for the ledger export test"
    if ! { apt-get install -y --no-install-recommends libreoffice-calc-nogui >/dev/null 2>&1 \
           || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends libreoffice-calc-nogui >/dev/null 2>&1; }; }; then
      ws_warn "could not install libreoffice-calc-nogui; the LibreOffice export test will fail"
    fi
  else
    ws_warn "LibreOffice (soffice) is absent and this is not root: the LibreOffice export test will be skipped"
  fi
fi
# The print tests read LibreOffice's PDF with pdfinfo/pdftotext (poppler-utils); Chinese text needs a CJK font to render.
if command -v soffice >/dev/null 2>&1 && { ! command -v pdftotext >/dev/null 2>&1 || [[ -z "$(fc-list :lang=zh 2>/dev/null)" ]]; }; then
  if ws_is_root; then
    ws_info "== installing poppler-utils and a CJK font (fonts-wqy-microhei) for the ledger print tests"
    apt-get install -y --no-install-recommends poppler-utils fonts-wqy-microhei >/dev/null 2>&1 \
      || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends poppler-utils fonts-wqy-microhei >/dev/null 2>&1; } \
      || ws_warn "could not install poppler-utils fonts-wqy-microhei; the ledger print tests will fail"
  else
    ws_warn "pdftotext or a CJK font is missing and this is not root: apt-get install -y poppler-utils fonts-wqy-microhei"
  fi
fi

# The 成果汇编 test (issue 14) converts a DOCX with LibreOffice Writer (headless).
if command -v soffice >/dev/null 2>&1 && ! dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 && ! dpkg -s libreoffice-writer >/dev/null 2>&1 && ws_is_root; then
  ws_info "== installing LibreOffice Writer (headless) for the 成果汇编 test"
  apt-get install -y --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1 \
    || { apt-get update >/dev/null 2>&1 && apt-get install -y --no-install-recommends libreoffice-writer-nogui >/dev/null 2>&1; } \
    || ws_warn "could not install libreoffice-writer-nogui; the 成果汇编 conversion test will fail"
fi

ws_info "== test services (data in $WESTUDIO_DATA_DIR)"
bash "$SERVICES" up >/dev/null

ws_info "== fresh database $TEST_DB, empty Redis"
ws_sql -e "DROP DATABASE IF EXISTS \`$TEST_DB\`; CREATE DATABASE \`$TEST_DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci" \
  || ws_die "could not recreate database $TEST_DB on the test MariaDB (127.0.0.1:$WESTUDIO_DB_PORT)"
[[ "$(redis-cli -h 127.0.0.1 -p "$WESTUDIO_REDIS_PORT" FLUSHALL)" == OK ]] \
  || ws_die "FLUSHALL on the test Redis (127.0.0.1:$WESTUDIO_REDIS_PORT) failed"

export ConnectionStrings__MySql="Server=127.0.0.1;Port=$WESTUDIO_DB_PORT;User ID=westudio;Database=$TEST_DB;Maximum Pool Size=50"
export ConnectionStrings__Redis="127.0.0.1:$WESTUDIO_REDIS_PORT"
ws_info "ConnectionStrings__MySql=$ConnectionStrings__MySql"
ws_info "ConnectionStrings__Redis=$ConnectionStrings__Redis"

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
ws_info "== dotnet test ($(dotnet --version))"
dotnet_rc=0
dotnet test "$WS_ROOT/WeStudio.sln" --logger trx --results-directory "$RESULTS_DIR" "$@" || dotnet_rc=$?

mapfile -t trx_files < <(find "$RESULTS_DIR" -name '*.trx' -type f | sort)
if ((${#trx_files[@]} == 0)); then
  ws_die "dotnet test exited $dotnet_rc and wrote no .trx file: the build or the test run failed (see above)"
fi

# One <UnitTestResult … outcome="…"> per test case run (each theory row counts).
# Skipped tests are NotExecuted; Error, Timeout, Aborted and the like are failures.
read -r passed failed skipped < <(
  cat "${trx_files[@]}" | grep -o '<UnitTestResult [^>]*' | sed -n 's/.* outcome="\([A-Za-z]*\)".*/\1/p' \
    | awk '$1 == "Passed" { p++; next }
           $1 == "NotExecuted" { s++; next }
           { f++ }
           END { printf "%d %d %d\n", p, f, s }'
)

# The mini-program package (issue 16): after a full run (no arguments) or with WESTUDIO_CONTRACTS=1; with
# WESTUDIO_UPDATE_CONTRACTS=1 it regenerates schema.d.ts and the refusal codes from the openapi.json just written.
if [[ "${WESTUDIO_UPDATE_CONTRACTS:-0}" == 1 ]]; then
  bash "$WS_ROOT/scripts/test-contracts.sh" --generate || ws_die "npm run generate in miniprogram-contracts failed"
elif (($# == 0)) || [[ "${WESTUDIO_CONTRACTS:-0}" == 1 ]]; then
  contracts_out=$(bash "$WS_ROOT/scripts/test-contracts.sh" | tail -1) || true
  read -r c_passed c_failed < <(sed -n 's/^contracts: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' <<<"$contracts_out") || true
  [[ -n "${c_passed:-}" ]] || { c_passed=0; c_failed=1; }
  passed=$((passed + c_passed)); failed=$((failed + c_failed))
  ws_info "== mini-program package: $c_passed passed, $c_failed failed (scripts/test-contracts.sh)"
fi

ws_info "== results: ${trx_files[*]}"
printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"

if ((failed > 0)); then
  ws_die "$failed test(s) failed"
fi
if ((dotnet_rc != 0)); then
  ws_die "dotnet test exited $dotnet_rc although no test failed: a project did not build or a test host crashed (see above)"
fi
if ((passed + skipped == 0)); then
  ws_die "no tests ran: the solution has no tests, or the filter matched none"
fi
