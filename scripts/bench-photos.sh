#!/usr/bin/env bash
# Photo upload benchmark (issue 17). A benchmark, not a test: it never fails on a number and never runs in CI.
#
#   scripts/bench-photos.sh
#   BENCH_API_PORT=5272 BENCH_SANDBOX_PORT=5273 BENCH_DB_PORT=33617 BENCH_REDIS_PORT=63717 scripts/bench-photos.sh
#
# Starts its own MariaDB and Redis (scripts/services.sh, data in .data/bench-photos), the WeChat sandbox and the API in
# Release on loopback, signs one member in through the sandbox, and then, for each image set, POSTs
# BENCH_UPLOADS uploads to /api/v1/photos with BENCH_CONCURRENCY (default 8) in flight (curl under xargs -P):
#   fixtures  the four test fixture photos (JPEG, progressive JPEG, PNG, WebP; 300–480 px), in turn
#   12mp      a 4000 × 3000 JPEG (quality 92, grain added so it compresses like a photograph; EXIF orientation 6 and GPS)
#   40mp      an 8000 × 5000 JPEG (40,000,000 pixels = the default Photos:MaxPixels; quality 85, grain, orientation 6)
# The large images are made once with ImageMagick from a fixture (upscaled, grain added) and exiftool.
# For each set it prints photos/s (uploads ÷ wall time), p50/p99 of the whole request (curl's time_total) and of the
# codec's own work (the API's Server-Timing "codec", excluding the wait for a decode slot), the non-201 answers, and the
# API's CPU time per upload (user + system from /proc/<pid>/stat over the run ÷ uploads: what a photo costs, whatever
# else shares the machine), and its peak RSS growth over the run (VmHWM after − VmRSS before; VmHWM is reset through /proc/<pid>/clear_refs first).
# Photos:MaxConcurrentDecodes is the API's default (the machine's cores) unless BENCH_MAX_DECODES is set.
#
# Environment:
#   BENCH_UPLOADS        uploads per image set (default 64; the 40mp set does a quarter, at least 8)
#   BENCH_CONCURRENCY    uploads in flight (default 8)
#   BENCH_SETS           image sets, space-separated (default "fixtures 12mp 40mp")
#   BENCH_MAX_DECODES    Photos:MaxConcurrentDecodes for the API (default: unset, the API's default)
#   BENCH_API_PORT, BENCH_SANDBOX_PORT, BENCH_DB_PORT, BENCH_REDIS_PORT (defaults 5272, 5273, 33617, 63717)
#   BENCH_KEEP_SERVICES=1  leave MariaDB and Redis running afterwards
# The API inherits the environment, so runtime knobs can be compared. The API sets glibc's malloc itself at start-up
# (arena_max 2, mmap_threshold 1 MiB: Features/Photos/GlibcMalloc.cs); WESTUDIO_MALLOC_TUNING=0 leaves glibc at its
# defaults, to measure the difference; MALLOC_ARENA_MAX / MALLOC_MMAP_THRESHOLD_ set here win over the API's own.
# The first line printed says which JPEG encoder and malloc settings the API runs with (from its start-up log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=scripts/lib.sh
. "$ROOT/scripts/lib.sh"
UPLOADS=${BENCH_UPLOADS:-64}
CONCURRENCY=${BENCH_CONCURRENCY:-8}
SETS=${BENCH_SETS:-"fixtures 12mp 40mp"}
API_PORT=${BENCH_API_PORT:-5272}
SANDBOX_PORT=${BENCH_SANDBOX_PORT:-5273}
export WESTUDIO_DATA_DIR=$ROOT/.data/bench-photos
export WESTUDIO_DB_PORT=${BENCH_DB_PORT:-33617}
export WESTUDIO_REDIS_PORT=${BENCH_REDIS_PORT:-63717}
DB=westudio_bench_photos
API="http://127.0.0.1:$API_PORT"
WORK="$WESTUDIO_DATA_DIR/bench-run" # not run/: services.sh keeps its pid files there
IMAGES="$WESTUDIO_DATA_DIR/images"
FIXTURES="$ROOT/tests/WeStudio.Api.Tests/Fixtures/Photos"
RUN=$(date +%s)

[[ "$UPLOADS" =~ ^[0-9]+$ ]] && ((UPLOADS >= 1 && UPLOADS <= 10000)) || ws_die "BENCH_UPLOADS must be 1–10000"
[[ "$CONCURRENCY" =~ ^[0-9]+$ ]] && ((CONCURRENCY >= 1 && CONCURRENCY <= 256)) || ws_die "BENCH_CONCURRENCY must be 1–256"
command -v dotnet >/dev/null || ws_die "the .NET 10 SDK (dotnet) is not on PATH"
missing=()
command -v jq >/dev/null || missing+=(jq)
command -v curl >/dev/null || missing+=(curl)
command -v compare >/dev/null || missing+=(imagemagick)
command -v exiftool >/dev/null || missing+=(libimage-exiftool-perl)
if ((${#missing[@]})); then
  ws_is_root || ws_die "missing ${missing[*]}: apt-get install -y ${missing[*]}"
  echo "==> installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}" >/dev/null || ws_die "apt-get install -y ${missing[*]} failed"
fi

ws_ensure_turbojpeg # the API encodes JPEG through it when installed (Features/Photos/TurboJpeg.cs)

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

mkdir -p "$IMAGES"
# ImageMagick's own convert (/usr/bin), whatever else is first on PATH.
IM_CONVERT=/usr/bin/convert
[[ -x "$IM_CONVERT" ]] || IM_CONVERT=convert
make_image() { # name WxH quality
  local out="$IMAGES/$1.jpg"
  [[ -s "$out" ]] && return 0
  echo "==> making $1 ($2, quality $3)"
  "$IM_CONVERT" "$FIXTURES/garden-gps.png" -resize "$2!" -attenuate 0.4 +noise Gaussian -quality "$3" "$out.tmp.jpg"
  exiftool -q -overwrite_original -n -Orientation=6 -GPSLatitude=24.3264 -GPSLatitudeRef=N -GPSLongitude=109.4281 \
    -GPSLongitudeRef=E -Make=BenchPhone -Model=B1 "$out.tmp.jpg"
  mv "$out.tmp.jpg" "$out"
}
make_image 12mp 4000x3000 92
make_image 40mp 8000x5000 85
for f in "$IMAGES"/*.jpg; do
  ((($(stat -c %s "$f")) <= 10485760)) || ws_die "$f is over 10 MiB (Photos:MaxBytes); remove it and lower its quality"
done

echo "==> services (data in $WESTUDIO_DATA_DIR, MariaDB :$WESTUDIO_DB_PORT, Redis :$WESTUDIO_REDIS_PORT)"
bash scripts/services.sh up >/dev/null
ws_sql -e "DROP DATABASE IF EXISTS $DB; CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"
redis-cli -h 127.0.0.1 -p "$WESTUDIO_REDIS_PORT" FLUSHALL >/dev/null
rm -rf "$WORK" "$WESTUDIO_DATA_DIR/photos" && mkdir -p "$WORK"

export ConnectionStrings__MySql="Server=127.0.0.1;Port=$WESTUDIO_DB_PORT;User ID=westudio;Database=$DB"
export ConnectionStrings__Redis="127.0.0.1:$WESTUDIO_REDIS_PORT"
CheckIn__TokenSecret="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
Photos__UrlSecret="$(head -c 48 /dev/urandom | base64 | tr -d '\n')"
export CheckIn__TokenSecret Photos__UrlSecret Photos__Folder="$WESTUDIO_DATA_DIR/photos" Photos__JobIntervalSeconds=0
[[ -z "${BENCH_MAX_DECODES:-}" ]] || export Photos__MaxConcurrentDecodes="$BENCH_MAX_DECODES"
export WeChat__BaseUrl="http://127.0.0.1:$SANDBOX_PORT" WeChat__AppId=wx_sandbox_appid WeChat__AppSecret=sandbox-secret
export Sandbox__AppId=wx_sandbox_appid Sandbox__AppSecret=sandbox-secret
export Demo__AdminPassword="bench-$RUN" ASPNETCORE_ENVIRONMENT=Production DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
export Logging__LogLevel__Default=Warning

echo "==> building (Release)"
dotnet build WeStudio.sln -c Release -v quiet -nologo >/dev/null
API_BIN=$ROOT/api/WeStudio.Api/bin/Release/net10.0
SANDBOX_BIN=$ROOT/api/WeStudio.WeChatSandbox/bin/Release/net10.0

echo "==> WeChat sandbox :$SANDBOX_PORT, API :$API_PORT"
(cd "$SANDBOX_BIN" && exec dotnet WeStudio.WeChatSandbox.dll --urls "http://127.0.0.1:$SANDBOX_PORT") >"$WORK/sandbox.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$SANDBOX_PORT/sandbox/calls" "the WeChat sandbox" "${pids[-1]}"
(cd "$API_BIN" && exec env Logging__LogLevel__WeStudio.Api.Features.Photos=Information dotnet WeStudio.Api.dll --urls "$API") >"$WORK/api.log" 2>&1 &
API_PID=$!
pids+=("$API_PID")
wait_for "$API/healthz/ready" "the API" "$API_PID"
TOKEN=$(curl -fsS -X POST -H 'Content-Type: application/json' -d "{\"code\":\"sandbox:bench.photos:$RUN\"}" "$API/api/v1/auth/wechat-login" | jq -r .token)
[[ -n "$TOKEN" && "$TOKEN" != null ]] || ws_die "the sandbox login failed"
export TOKEN API

# One upload: prints "status seconds codec-ms" (codec-ms from Server-Timing; - when absent).
upload_one() {
  local file=$1 type
  case "$file" in *.png) type=image/png ;; *.webp) type=image/webp ;; *) type=image/jpeg ;; esac
  curl -sS -o /dev/null -H "Authorization: Bearer $TOKEN" -F "file=@$file;type=$type" \
    -w '%{http_code} %{time_total} %header{server-timing}\n' "$API/api/v1/photos" \
    | sed -E 's/^([0-9]+) ([0-9.]+) .*codec;dur=([0-9.]+).*$/\1 \2 \3/; s/^([0-9]+) ([0-9.]+) *$/\1 \2 -/'
}
export -f upload_one

# CPU seconds (user + system) the API has used so far: /proc/<pid>/stat fields 14 and 15, in clock ticks.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$API_PID/stat"; }
rss_kb() { awk -v k="$1:" '$1 == k { print $2 }' "/proc/$API_PID/status"; }
pct() { # percentile (0–100) of the numbers on stdin
  sort -n | awk -v p="$1" '{ v[NR] = $1 } END { if (NR == 0) { print "-"; exit } i = int((p / 100) * NR + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; print v[i] }'
}

run_set() { # name files…
  local name=$1; shift
  local n=$UPLOADS
  [[ "$name" == 40mp ]] && n=$(( UPLOADS / 4 < 8 ? 8 : UPLOADS / 4 ))
  local list="$WORK/$name.list" out="$WORK/$name.txt"
  : >"$list"
  for ((i = 0; i < n; i++)); do printf '%s\n' "${@:$((i % $# + 1)):1}" >>"$list"; done
  # Warm-up (JIT, native codecs, pools): one upload per file, not measured.
  for f in "$@"; do upload_one "$f" >/dev/null; done
  sync
  echo 5 >"/proc/$API_PID/clear_refs" 2>/dev/null || ws_warn "cannot reset VmHWM (clear_refs): the peak covers the warm-up"
  local before_kb; before_kb=$(rss_kb VmRSS)
  local cpu0; cpu0=$(cpu_s)
  local t0 t1; t0=$(date +%s.%N)
  xargs -P "$CONCURRENCY" -I{} bash -c 'upload_one "$1"' _ {} <"$list" >"$out"
  t1=$(date +%s.%N)
  local peak_kb; peak_kb=$(rss_kb VmHWM)
  local cpu1; cpu1=$(cpu_s)
  local ok; ok=$(awk '$1 == 201' "$out" | wc -l)
  local statuses; statuses=$(awk '{ print $1 }' "$out" | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')
  local wall; wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
  printf '%-9s %4d uploads, %2d in flight: %6.2f photos/s | request p50 %6.0f ms p99 %6.0f ms | codec p50 %5s ms p99 %5s ms | API CPU %5.0f ms/photo | RSS %4d MB before, peak %4d MB (+%d MB) | %s\n' \
    "$name" "$n" "$CONCURRENCY" "$(awk -v n="$ok" -v w="$wall" 'BEGIN { print n / w }')" \
    "$(awk '$1 == 201 { print $2 * 1000 }' "$out" | pct 50)" "$(awk '$1 == 201 { print $2 * 1000 }' "$out" | pct 99)" \
    "$(awk '$1 == 201 && $3 != "-" { print $3 }' "$out" | pct 50)" "$(awk '$1 == 201 && $3 != "-" { print $3 }' "$out" | pct 99)" \
    "$(awk -v a="$cpu0" -v b="$cpu1" -v n="$n" 'BEGIN { print (b - a) * 1000 / n }')" \
    $((before_kb / 1024)) $((peak_kb / 1024)) $(((peak_kb - before_kb) / 1024)) "status: $statuses"
}

echo "==> $(nproc) cores; Photos:MaxConcurrentDecodes ${BENCH_MAX_DECODES:-default ($(nproc))}; load average $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: others' load counts)"
for set in $SETS; do
  case "$set" in
    fixtures) run_set fixtures "$FIXTURES/ladybird-gps.jpg" "$FIXTURES/freshflower-progressive-gps.jpg" "$FIXTURES/garden-gps.png" "$FIXTURES/flower-gps.webp" ;;
    12mp) run_set 12mp "$IMAGES/12mp.jpg" ;;
    40mp) run_set 40mp "$IMAGES/40mp.jpg" ;;
    *) ws_die "unknown image set $set (fixtures, 12mp, 40mp)" ;;
  esac
done
echo "==> load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "==> API: $(grep -o 'Photos: [0-9]* decode slots[^"]*' "$WORK/api.log" | head -1 || true)"
