#!/usr/bin/env python3
"""Members who behave like the mini-program, for scripts/faults.sh (standard library only).

Each member sends POST /api/v1/checkins {token, clientNonce} once, at a random moment within --spread seconds.
On a network error, a timeout or a 502/503/504 it sends the SAME request again (same clientNonce) after a backoff
(0.2 s doubling to 2 s, jittered) until --budget seconds have passed since its first attempt. On 401 it signs in
again through the WeChat sandbox (a new wx.login code) and retries with the same nonce. On 400 token_invalid,
409 not_open or 410 token_expired it "scans again": reads the code currently shown (--code-file) and retries with the
same nonce. Any other answer is final.

Writes one line per member to --out: member_id, result (ok | refused | gave_up), final status, final code, attempts,
re-logins, rescans, seconds from first attempt to the end. Writes a 5xx answer's traceId to --trace-file (the first one).
"""
import argparse, http.client, json, random, socket, sys, threading, time, uuid
from concurrent.futures import ThreadPoolExecutor

p = argparse.ArgumentParser()
p.add_argument("--host", default="127.0.0.1")
p.add_argument("--port", type=int, required=True)
p.add_argument("--members", required=True, help="file: token member_id sandbox_name per line")
p.add_argument("--code-file", required=True)
p.add_argument("--out", required=True)
p.add_argument("--trace-file", default="")
p.add_argument("--run", required=True, help="run tag, part of every clientNonce")
p.add_argument("--spread", type=float, default=15.0)
p.add_argument("--budget", type=float, default=30.0)
p.add_argument("--concurrency", type=int, default=48)
p.add_argument("--timeout", type=float, default=20.0)
a = p.parse_args()

RETRY_STATUS = {502, 503, 504}
RESCAN_CODES = {"token_invalid", "not_open", "token_expired"}
lock = threading.Lock()
trace_written = False


def request(method, path, body, token=None):
    conn = http.client.HTTPConnection(a.host, a.port, timeout=a.timeout)
    try:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        conn.request(method, path, body=json.dumps(body), headers=headers)
        r = conn.getresponse()
        data = r.read()
        try:
            parsed = json.loads(data) if data else {}
        except ValueError:
            parsed = {}
        return r.status, parsed
    finally:
        conn.close()


def current_code():
    with open(a.code_file) as f:
        return f.read().strip()


def note_trace(status, body):
    global trace_written
    if a.trace_file and status >= 500 and isinstance(body, dict) and body.get("traceId"):
        with lock:
            if not trace_written:
                trace_written = True
                with open(a.trace_file, "w") as f:
                    f.write(f"{body['traceId']} {status} {body.get('code', '')}\n")


def member(line, start_at):
    token, member_id, name = line.split()
    nonce = f"{a.run}-{member_id[-12:]}-{uuid.uuid4().hex[:8]}"
    delay = start_at - time.monotonic()
    if delay > 0:
        time.sleep(delay)
    first = time.monotonic()
    attempts = relogins = rescans = 0
    backoff = 0.2
    code = current_code()
    status, error = 0, "none"
    while True:
        attempts += 1
        retry = False
        try:
            status, body = request("POST", "/api/v1/checkins", {"token": code, "clientNonce": nonce}, token)
            error = body.get("code", "") if isinstance(body, dict) else ""
            note_trace(status, body)
        except (OSError, http.client.HTTPException) as e:  # refused, reset, timeout
            status, error, retry = 0, type(e).__name__, True
        if status in (200, 201):
            return (member_id, "ok", status, error or "-", attempts, relogins, rescans, time.monotonic() - first)
        if status == 401:
            try:
                s, b = request("POST", "/api/v1/auth/wechat-login", {"code": f"sandbox:{name}:{uuid.uuid4().hex}"})
                if s == 200:
                    token = b["token"]
                    relogins += 1
                    continue
            except (OSError, http.client.HTTPException):
                pass
            retry = True
        elif status in RETRY_STATUS:
            retry = True
        elif status in (400, 409, 410) and error in RESCAN_CODES:
            rescans += 1
            fresh = current_code()
            if fresh != code:
                code = fresh
                continue
            retry = True
        if not retry:
            return (member_id, "refused", status, error or "-", attempts, relogins, rescans, time.monotonic() - first)
        if time.monotonic() - first > a.budget:
            return (member_id, "gave_up", status, error or "-", attempts, relogins, rescans, time.monotonic() - first)
        time.sleep(backoff * (0.5 + random.random()))
        backoff = min(2.0, backoff * 2)


lines = [l for l in open(a.members).read().splitlines() if l.strip()]
t0 = time.monotonic() + 0.2
starts = sorted((t0 + random.random() * a.spread, l) for l in lines)
with ThreadPoolExecutor(max_workers=a.concurrency) as pool:
    results = list(pool.map(lambda s: member(s[1], s[0]), starts))
with open(a.out, "w") as f:
    for r in results:
        f.write("\t".join(str(x) if not isinstance(x, float) else f"{x:.2f}" for x in r) + "\n")
ok = sum(1 for r in results if r[1] == "ok")
print(f"drill: {len(results)} members, {ok} checked in, {sum(r[4] for r in results)} requests", file=sys.stderr)
