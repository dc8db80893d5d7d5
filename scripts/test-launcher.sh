#!/usr/bin/env bash
# Tests the public command lines through the launcher itself, as users and scripts run them:
# ./floe help, ./floe slice, ./floe demo-server (its single "ready <endpoint>" line and its stop on
# SIGTERM), ./floe demo-client, ./floe demo, ./floe bench-server (ready line, Ice greeting, SIGTERM)
# with ./floe bench-ami against it, ./floe interop-server with ./floe interop-client against it (every check passes, SIGTERM),
# and scripts/bench-table.py's unit tests (scripts/test_bench_table.py). Everything on 127.0.0.1; every wait is bounded.
# Ends with a line "N passed, M failed"; exits 0 only when nothing failed.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FLOE="$ROOT/floe"
WORK="$(mktemp -d)"
SERVER_PID=""
passed=0
failed=0

cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -KILL "$SERVER_PID" 2>/dev/null
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1: $2"; failed=$((failed + 1)); }

# start_server NAME ARGS...: runs `floe NAME ARGS...` in the background (SERVER_PID) and checks
# that it prints "ready <endpoint>" with the actual port; sets PORT ("" when it did not).
start_server() {
    local name="$1"
    shift
    "$FLOE" "$name" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
    SERVER_PID=$!
    PORT=""
    for _ in $(seq 1 600); do
        PORT="$(sed -n 's/^ready tcp -h 127\.0\.0\.1 -p \([0-9][0-9]*\) -t 60000$/\1/p' "$WORK/$name.out")"
        [[ -n "$PORT" ]] && break
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    if [[ -n "$PORT" && "$PORT" != 0 ]]; then
        ok "floe $name prints 'ready <endpoint>' with the actual port"
    else
        fail "floe $name prints 'ready <endpoint>' with the actual port" "stdout: $(cat "$WORK/$name.out"), stderr: $(tail -5 "$WORK/$name.err")"
    fi
}

# stop_server NAME: SIGTERM, then checks the exit (0 or 143 within 10 s) and that stdout held
# only the ready line.
stop_server() {
    local name="$1" status
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 100); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        fail "floe $name stops within 10 s of SIGTERM" "still running"
    else
        wait "$SERVER_PID"
        status=$?
        if [[ $status -eq 0 || $status -eq 143 ]]; then
            ok "floe $name stops within 10 s of SIGTERM with status 0 or 143"
        else
            fail "floe $name stops within 10 s of SIGTERM with status 0 or 143" "status $status"
        fi
    fi
    SERVER_PID=""
    if [[ "$(wc -l <"$WORK/$name.out")" -eq 1 ]]; then
        ok "floe $name's stdout is the single ready line"
    else
        fail "floe $name's stdout is the single ready line" "$(cat "$WORK/$name.out")"
    fi
}

# Builds once up front, so that the timed waits below measure the programs, not Maven.
"$FLOE" help >/dev/null 2>&1 && ok "floe help" || fail "floe help" "non-zero exit"
"$FLOE" slice --help >/dev/null 2>"$WORK/build.err" || true

# --- slice: a malformed file gets located errors, a non-zero exit and no output -------------
cat >"$WORK/bad.ice" <<'ICE'
module M
{
    struct S { int a; strin b; };
    interface I { void f(int x) throws S; };
};
ICE
"$FLOE" slice --output-dir "$WORK/bad-out" "$WORK/bad.ice" >"$WORK/slice.out" 2>"$WORK/slice.err"
status=$?
if [[ $status -ne 0 ]] && grep -q "bad.ice:3:23: 'strin' is not defined" "$WORK/slice.err" \
        && grep -q "bad.ice:4:40: 'S' is not an exception" "$WORK/slice.err" && [[ ! -e "$WORK/bad-out" ]]; then
    ok "floe slice reports every located error and writes nothing"
else
    fail "floe slice reports every located error and writes nothing" "exit $status, stderr: $(tail -3 "$WORK/slice.err")"
fi

if "$FLOE" slice --output-dir "$WORK/demo-out" "$ROOT/floe-demo/src/main/slice/Demo.ice" 2>"$WORK/slice.err" \
        && [[ -f "$WORK/demo-out/Demo/ModelPrx.java" && -f "$WORK/demo-out/Demo/AMD_Model_interpolate.java" ]]; then
    ok "floe slice generates Java for Demo.ice"
else
    fail "floe slice generates Java for Demo.ice" "$(tail -3 "$WORK/slice.err")"
fi

# --- demo-server: exactly one "ready <endpoint>" line, then a clean stop on SIGTERM ----------
start_server demo-server --Model.Endpoints="tcp -h 127.0.0.1 -p 0"
if [[ -n "$PORT" ]]; then
    if timeout 120 "$FLOE" demo-client --Model.Proxy="model:tcp -h 127.0.0.1 -p $PORT" --Demo.Requests=100 \
            >"$WORK/client.out" 2>"$WORK/client.err" \
            && grep -q "interpolate(\[\[1.0, 2.0\], \[3.0, 4.0\]\], 0.5) -> \[\[1.75, 2.25\], \[2.75, 3.25\]\]" "$WORK/client.out" \
            && grep -q "100 request(s): 100 answered correctly, 0 failed" "$WORK/client.out"; then
        ok "floe demo-client gets the right answers from floe demo-server"
    else
        fail "floe demo-client gets the right answers from floe demo-server" "$(tail -5 "$WORK/client.out") $(tail -5 "$WORK/client.err")"
    fi
    stop_server demo-server
fi

# --- bench-server: "ready <endpoint>" with the actual port, speaks Ice, stops on SIGTERM -------
start_server bench-server --Bench.Endpoints="tcp -h 127.0.0.1 -p 0" --Ice.ThreadPool.Server.Size=1
if [[ -n "$PORT" ]]; then
    # An Ice server speaks first: ValidateConnection starts with the magic "IceP" (ice-protocol.md §5.1).
    greeting="$(timeout 10 bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT && head -c 4 <&3" 2>/dev/null)"
    if [[ "$greeting" == "IceP" ]]; then
        ok "floe bench-server greets a new connection with ValidateConnection"
    else
        fail "floe bench-server greets a new connection with ValidateConnection" "read '$greeting'"
    fi
    # bench-ami: every call outstanding at once, all answered, one JSON line with the figures.
    timeout 120 "$FLOE" bench-ami --Bench.Proxy="bench:tcp -h 127.0.0.1 -p $PORT" --Bench.Calls=2000 \
        --Bench.Ms=3000 >"$WORK/bench-ami.out" 2>"$WORK/bench-ami.err"
    status=$?
    if [[ $status -eq 0 ]] && grep -q '^{"client":"floe","calls":2000,"ms":3000,.*"answered_early":0,"failed":0,.*"heap_per_call_bytes":[0-9-]' "$WORK/bench-ami.out"; then
        ok "floe bench-ami holds 2,000 calls outstanding against floe bench-server and reports their memory"
    else
        fail "floe bench-ami holds 2,000 calls outstanding against floe bench-server and reports their memory" "exit $status: $(cat "$WORK/bench-ami.out") $(tail -3 "$WORK/bench-ami.err")"
    fi
    stop_server bench-server
fi

# --- interop-server and interop-client: ready line, every check passes, SIGTERM stop -----------
start_server interop-server --Interop.Endpoints="tcp -h 127.0.0.1 -p 0"
if [[ -n "$PORT" ]]; then
    timeout 300 "$FLOE" interop-client --Interop.Endpoints="tcp -h 127.0.0.1 -p $PORT" \
        >"$WORK/interop-client.out" 2>"$WORK/interop-client.err"
    status=$?
    last="$(tail -1 "$WORK/interop-client.out")"
    if [[ $status -eq 0 && "$last" =~ ^[0-9]+\ passed,\ 0\ failed$ ]]; then
        ok "floe interop-client passes every check against floe interop-server ($last)"
    else
        fail "floe interop-client passes every check against floe interop-server" "exit $status, $(grep '^FAIL' "$WORK/interop-client.out" | head -5) last line: $last"
    fi
    stop_server interop-server
fi

# --- demo: server and client in one command -------------------------------------------------
if timeout 300 "$FLOE" demo >"$WORK/demo.out" 2>"$WORK/demo.err" && grep -q "^demo: ok$" "$WORK/demo.out" \
        && grep -q "interpolate was dispatched on \[floe-server-1\]" "$WORK/demo.out"; then
    ok "floe demo answers a burst of concurrent requests with one dispatch thread"
else
    fail "floe demo answers a burst of concurrent requests with one dispatch thread" "$(tail -5 "$WORK/demo.out") $(tail -5 "$WORK/demo.err")"
fi

# --- bench-table.py: medians, ratios, the BENCHMARKS.md section and the chart, on fixture lines ---
# Debian's python3 has python3-matplotlib (the chart); another python3 skips the chart test.
PYTHON="$(command -v /usr/bin/python3 || command -v python3)"
if [[ -z "$PYTHON" ]]; then
    fail "scripts/bench-table.py passes its unit tests" "no python3"
elif "$PYTHON" -m unittest discover -s "$ROOT/scripts" -p 'test_*.py' >"$WORK/bench-table.out" 2>&1; then
    ok "scripts/bench-table.py passes its unit tests ($(grep "^Ran" "$WORK/bench-table.out"), $PYTHON$(grep -o "skipped=[0-9]*" "$WORK/bench-table.out" | sed "s/^/, /"))"
else
    fail "scripts/bench-table.py passes its unit tests" "$(tail -20 "$WORK/bench-table.out")"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
