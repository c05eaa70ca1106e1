-- wrk script for POST /api/v1/checkins: every request is another member (own bearer token, own clientNonce),
-- each member once. Arguments (after `--`): code, file of session tokens (one per line), run tag, thread count.
-- Thread t takes members t+1, t+1+threads, …; when its share is answered it stops. A connection that asks for
-- a request after its thread's share is used up resends the thread's last one (same member, same nonce: an
-- idempotent retry that writes no row), so the row count stays exactly one per member. wrk keeps running until -d
-- even after every thread stopped, so its Requests/sec is meaningless here: bench-checkin.sh takes the throughput
-- from the rows' checked_in_at instead.
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

local tokens, code, run, nthreads
local nextIndex, sent, answered, share = 0, 0, 0, 0
local last
local verified = false

function init(args)
  code, run, nthreads = args[1], args[3], tonumber(args[4])
  tokens = {}
  for line in io.lines(args[2]) do tokens[#tokens + 1] = line end
  nextIndex = tid + 1
  for i = nextIndex, #tokens, nthreads do share = share + 1 end
end

local function checkin(i)
  local body = string.format('{"token":"%s","clientNonce":"bench-%s-%d"}', code, run, i)
  return wrk.format("POST", "/api/v1/checkins",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. tokens[i] }, body)
end

function request()
  -- wrk 4.1 calls request() once in thread 0's state right after init, to count pipelined requests, and never
  -- sends that one: answer it without using up a member.
  if tid == 0 and not verified then
    verified = true
    return wrk.format("POST", "/api/v1/checkins")
  end
  if nextIndex <= #tokens then
    last = checkin(nextIndex)
    nextIndex = nextIndex + nthreads
  end
  return last
end

function response(status, headers, body)
  answered = answered + 1
  if answered >= share then wrk.thread:stop() end
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), non2xx, errors))
end
