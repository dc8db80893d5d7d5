#!/usr/bin/env bash
# Measures Floe's bench-server against the ZeroC Ice for Java 3.7 reference server
# (bench/ice-java/BenchServerIce.java) under the same client, ../shared/bench/loadgen (ZeroC Ice
# for C++), in one run on this machine, and prints Floe/Ice ratios. For each scenario each server
# runs in a fresh JVM (so its peak RSS belongs to that scenario alone), one at a time, on the same
# port, with the same JVM flags and one dispatch thread. Raw JSON lines go to target/bench/.
# Usage: scripts/bench.sh [--help] [--port N] [--only NAME[,NAME...]]
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "$ROOT/.." && pwd)/shared"
OUT="$ROOT/target/bench"
PORT=12000
ONLY=""
JVM_FLAGS=(-Xms64m -Xmx1g)                 # as ../shared/bench/loadgen/README.md runs Ice Java
SERVER_PROPS=(--Ice.ThreadPool.Server.Size=1 --Ice.MessageSizeMax=65536)
JDK17="${JDK17:-${JAVA_HOME:-}}"           # both servers' JVM; empty: java on the PATH
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"  # Floe's virtual-thread run
NOFILE=65536                               # 10,000 connections on each side, plus the JVM's own files

usage() {
    cat <<'USAGE'
usage: scripts/bench.sh [--port N] [--only NAME[,NAME...]]      (also: ./floe bench ...)

Runs each scenario against the Ice Java server, then against the Floe server (fresh JVMs,
-Xms64m -Xmx1g, Ice.ThreadPool.Server.Size=1, Ice.MessageSizeMax=65536, 127.0.0.1:PORT),
under ../shared/bench/loadgen, and prints a table of Floe/Ice ratios. Scenarios (NAME):
  latency   wait,latency: sequential pings on one connection (median, p99)
  ping      ping:connections=8 --window 64: small-call throughput
  echo      echo:window=1 --size 1048576: 1 MiB echo throughput
  delay     delay --calls 10000 --connections 10000 --ms 1000 --rounds 3 (AMD fan-out; the headline)
  ami       client side: 100,000 delayAsync(20000) calls outstanding on one connection to the Ice
            Java server, from an Ice Java client and from a Floe client (./floe bench-ami);
            client heap (after a full GC) and RSS per outstanding call
  block     Floe only, JDK 25, Ice.ThreadPool.Server.Virtual=1: block --calls 10000
            --connections 10000 --ms 1000 --rounds 3 (skipped when virtual dispatch is not there)
Output: target/bench/<scenario>-<server>.jsonl (the loadgen's JSON lines, with "server" added),
target/bench/results.jsonl (all of them), target/bench/<scenario>-<server>.log (server stderr),
target/bench/machine.txt. Environment: JDK17 (JDK home for both servers; default JAVA_HOME or
the PATH's java), JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64), BENCH_JAVA_OPTS (extra JVM
options for both servers, e.g. GC logging).
Needs: apt-get install -y zeroc-ice-compilers libzeroc-ice-dev libzeroc-ice3.7-java g++ python3
USAGE
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --help|-h) usage; exit 0 ;;
        --port) PORT="$2"; shift 2 ;;
        --port=*) PORT="${1#--port=}"; shift ;;
        --only) ONLY="$2"; shift 2 ;;
        --only=*) ONLY="${1#--only=}"; shift ;;
        *) echo "bench: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }
wanted() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* ]]; }

# --- prerequisites ----------------------------------------------------------------------------
missing=()
command -v slice2cpp >/dev/null || missing+=(zeroc-ice-compilers)
command -v slice2java >/dev/null || missing+=(zeroc-ice-compilers)
[[ -f /usr/include/Ice/Ice.h ]] || missing+=(libzeroc-ice-dev)
[[ -f /usr/share/java/ice-3.7.8.jar ]] || missing+=(libzeroc-ice3.7-java)
command -v g++ >/dev/null || missing+=(g++)
command -v python3 >/dev/null || missing+=(python3)
if [[ ${#missing[@]} -gt 0 ]]; then
    die "missing Debian packages: $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
       install them with: sudo apt-get install -y zeroc-ice-compilers libzeroc-ice-dev libzeroc-ice3.7-java g++ python3"
fi
[[ -f "$SHARED/bench/loadgen/build.sh" ]] || die "missing $SHARED/bench/loadgen (the shared folder cloned beside this repository)"
if [[ -n "$JDK17" ]]; then JAVA="$JDK17/bin/java"; else JAVA="$(command -v java)"; fi
[[ -x "$JAVA" ]] || die "no java ($JAVA)"

# 10,000 connections: the loadgen and the server each hold one descriptor per connection.
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt $NOFILE ]]; then
    ulimit -Hn $NOFILE 2>/dev/null || true  # root may raise the hard limit; others keep theirs
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    [[ "$(ulimit -Hn)" == unlimited || "$(ulimit -Hn)" -ge $NOFILE ]] || ulimit -n $NOFILE 2>/dev/null || true
fi
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 10100 ]]; then
    die "open-file limit $(ulimit -n) is too low for 10,000 connections (needs > 10,100; raise the hard limit, e.g. in /etc/security/limits.conf)"
fi
read -r port_low port_high </proc/sys/net/ipv4/ip_local_port_range
if (( port_high - port_low + 1 < 10000 )); then
    die "only $((port_high - port_low + 1)) local ports (net.ipv4.ip_local_port_range $port_low $port_high); 10,000 connections need more: sysctl -w net.ipv4.ip_local_port_range='1024 65000'"
fi
tw_reuse="$(cat /proc/sys/net/ipv4/tcp_tw_reuse 2>/dev/null || echo '?')"
if [[ "$tw_reuse" == 0 ]] && (( port_high - port_low + 1 < 40000 )); then
    say "warning: net.ipv4.tcp_tw_reuse=0 and $((port_high - port_low + 1)) local ports: the ports of one 10,000-connection run stay in TIME_WAIT for 60 s and the next runs may not find free ones (sysctl -w net.ipv4.tcp_tw_reuse=2)"
fi

# --- build ------------------------------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT"
say "building the load generator..."
LOADGEN="$("$SHARED/bench/loadgen/build.sh" "$ROOT/target/loadgen" | tail -1)" || die "loadgen build failed"
say "building the Ice Java server..."
ICE_CP="$(JAVA_HOME="${JDK17:-}" "$ROOT/bench/ice-java/build.sh" "$ROOT/target/ice-java" | tail -1)" || die "Ice Java server build failed"
say "building the Floe server..."
JAVA_HOME="${JDK17:-}" "$ROOT/floe" bench-server --help >/dev/null || die "Floe server build failed"

{
    echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "git: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "nproc: $(nproc)"
    echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
    echo "kernel: $(uname -r)"
    echo "jdk (both servers): $("$JAVA" -version 2>&1 | sed -n 2p)"
    [[ -x "$JDK25/bin/java" ]] && echo "jdk (Floe virtual): $("$JDK25/bin/java" -version 2>&1 | sed -n 2p)"
    echo "loadgen: $LOADGEN ($(dpkg-query -W -f='${Version}' libzeroc-ice-dev 2>/dev/null))"
    echo "ulimit -n: $(ulimit -n); ip_local_port_range: $port_low $port_high; tcp_tw_reuse: $tw_reuse; somaxconn: $(cat /proc/sys/net/core/somaxconn)"
    echo "jvm flags: ${JVM_FLAGS[*]} ${BENCH_JAVA_OPTS:-}; server properties: ${SERVER_PROPS[*]}"
} >"$OUT/machine.txt"
sed 's/^/bench: /' "$OUT/machine.txt" >&2

# --- servers ----------------------------------------------------------------------------------
SERVER_PID=""
cleanup() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -KILL "$SERVER_PID" 2>/dev/null
    fi
}
trap cleanup EXIT

# start_server NAME LOG [EXTRA-PROPERTIES...]: NAME is ice-java, floe or floe-virtual.
start_server() {
    local name="$1" log="$2"
    shift 2
    local endpoint="tcp -h 127.0.0.1 -p $PORT"
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
    case "$name" in
        ice-java)
            "$JAVA" "${JVM_FLAGS[@]}" ${BENCH_JAVA_OPTS:-} -cp "$ICE_CP" BenchServerIce \
                --Bench.Endpoints="$endpoint" "${SERVER_PROPS[@]}" "$@" >"$log.out" 2>"$log" &
            ;;
        floe)
            JAVA_HOME="${JDK17:-}" FLOE_JAVA_OPTS="${JVM_FLAGS[*]} ${BENCH_JAVA_OPTS:-}" "$ROOT/floe" bench-server \
                --Bench.Endpoints="$endpoint" "${SERVER_PROPS[@]}" "$@" >"$log.out" 2>"$log" &
            ;;
        floe-virtual)
            JAVA_HOME="$JDK25" FLOE_JAVA_OPTS="${JVM_FLAGS[*]} ${BENCH_JAVA_OPTS:-}" "$ROOT/floe" bench-server \
                --Bench.Endpoints="$endpoint" "${SERVER_PROPS[@]}" "$@" >"$log.out" 2>"$log" &
            ;;
    esac
    SERVER_PID=$!  # the launcher execs java: this is the JVM's pid
    for _ in $(seq 1 300); do
        grep -q '^ready ' "$log.out" 2>/dev/null && return 0
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    say "$name did not print its ready line; stderr: $(tail -5 "$log")"
    return 1
}

stop_server() {
    [[ -n "$SERVER_PID" ]] || return 0
    kill -TERM "$SERVER_PID" 2>/dev/null
    for _ in $(seq 1 150); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        say "server $SERVER_PID still running 15 s after SIGTERM; killing it"
        kill -KILL "$SERVER_PID" 2>/dev/null
    fi
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=""
    sleep 2 # let the closed connections and the CPU settle before the next server
}

# measure SCENARIO SERVER LOADGEN-ARGS... -- [SERVER-PROPERTIES...]: one fresh server, one loadgen run.
measure() {
    local scenario="$1" server="$2"
    shift 2
    local args=() props=()
    while [[ $# -gt 0 && "$1" != -- ]]; do args+=("$1"); shift; done
    [[ $# -gt 0 ]] && shift
    props=("$@")
    local base="$OUT/$scenario-$server"
    say "$scenario on $server: loadgen ${args[*]}"
    start_server "$server" "$base.log" "${props[@]}" || return 1
    "$LOADGEN" --proxy "bench:tcp -h 127.0.0.1 -p $PORT" --server-pid "$SERVER_PID" "${args[@]}" \
        2> >(sed "s/^/bench:   /" >&2) \
        | sed "s/^{/{\"server\":\"$server\",\"bench_scenario\":\"$scenario\",/" >"$base.jsonl"
    local status=${PIPESTATUS[0]}
    stop_server
    cat "$base.jsonl" >>"$OUT/results.jsonl"
    [[ $status -eq 0 ]] || say "$scenario on $server: loadgen exit status $status (see $base.jsonl)"
    return 0
}

LATENCY=(--scenario wait,latency)
PING=(--scenario wait,ping:connections=8 --window 64)
ECHO=(--scenario wait,echo:window=1 --size 1048576 --Ice.MessageSizeMax=65536)
DELAY=(--scenario wait,delay --calls 10000 --connections 10000 --ms 1000 --rounds 3 --timeout 300)
BLOCK=(--scenario wait,block --calls 10000 --connections 10000 --ms 1000 --rounds 3 --timeout 300)

for scenario in latency ping echo delay; do
    wanted "$scenario" || continue
    case "$scenario" in
        latency) args=("${LATENCY[@]}") ;;
        ping) args=("${PING[@]}") ;;
        echo) args=("${ECHO[@]}") ;;
        delay) args=("${DELAY[@]}") ;;
    esac
    measure "$scenario" ice-java "${args[@]}"
    measure "$scenario" floe "${args[@]}"
done

# The client side: the same server (Ice Java's) for both clients, each client in a fresh JVM.
AMI_PROPS=(--Bench.Proxy="bench:tcp -h 127.0.0.1 -p $PORT" --Bench.Calls=100000 --Bench.Ms=20000)
if wanted ami; then
    if start_server ice-java "$OUT/ami-server.log"; then
        for client in ice-java floe; do
            say "ami: $client client, ${AMI_PROPS[*]}"
            if [[ "$client" == ice-java ]]; then
                "$JAVA" "${JVM_FLAGS[@]}" -cp "$ICE_CP" AmiClientIce "${AMI_PROPS[@]}" >"$OUT/ami-$client.out" 2>"$OUT/ami-$client.log"
            else
                JAVA_HOME="${JDK17:-}" FLOE_JAVA_OPTS="${JVM_FLAGS[*]}" "$ROOT/floe" bench-ami "${AMI_PROPS[@]}" \
                    >"$OUT/ami-$client.out" 2>"$OUT/ami-$client.log"
            fi
            status=$?
            [[ $status -eq 0 ]] || say "ami: $client client exit status $status (see $OUT/ami-$client.log)"
            sed "s/^{/{\"server\":\"$client\",\"bench_scenario\":\"ami\",\"scenario\":\"ami\",/" \
                "$OUT/ami-$client.out" | tee "$OUT/ami-$client.jsonl" >>"$OUT/results.jsonl"
        done
        stop_server
    fi
fi

if wanted block; then
    if [[ ! -x "$JDK25/bin/java" ]]; then
        say "block: skipped, no JDK 21+ at $JDK25 (set JDK25)"
    else
        # Probe: 20 block(500) on 20 connections need ~0.5 s with virtual dispatch threads and
        # ~10 s on one platform thread; only the former is worth 10,000 calls.
        say "block: probing Ice.ThreadPool.Server.Virtual=1 on $JDK25..."
        probe="$OUT/block-probe.jsonl"
        if start_server floe-virtual "$OUT/block-probe.log" --Ice.ThreadPool.Server.Virtual=1; then
            "$LOADGEN" --proxy "bench:tcp -h 127.0.0.1 -p $PORT" --scenario wait,block --calls 20 \
                --connections 20 --ms 500 --timeout 60 >"$probe" 2>/dev/null
            stop_server
            wall="$(python3 -c 'import json,sys; print([json.loads(l) for l in open(sys.argv[1])][-1].get("wall_s", 99))' "$probe" 2>/dev/null || echo 99)"
            if python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 2.5 else 1)" "$wall"; then
                say "block: virtual dispatch is there (20 x block(500) in $wall s)"
                measure block floe-virtual "${BLOCK[@]}" -- --Ice.ThreadPool.Server.Virtual=1
            else
                say "block: skipped: Ice.ThreadPool.Server.Virtual=1 is not supported by this floe-runtime yet (20 x block(500) took $wall s, i.e. one platform dispatch thread)"
                echo "{\"server\":\"floe-virtual\",\"bench_scenario\":\"block\",\"skipped\":\"Ice.ThreadPool.Server.Virtual not supported: 20 x block(500) took $wall s\"}" >>"$OUT/results.jsonl"
            fi
        fi
    fi
fi

python3 "$ROOT/scripts/bench-table.py" "$OUT/results.jsonl" | tee "$OUT/table.md"
