#!/usr/bin/env bash
# Measures Floe's bench-server against the ZeroC Ice for Java 3.7 reference server
# (bench/ice-java/BenchServerIce.java) and the floor for Netty-based servers
# (../shared/bench/floor-netty) under the same client, ../shared/bench/loadgen (ZeroC Ice for C++),
# in one run on this machine. Every run of a server is a fresh JVM (so its peak RSS is that run's
# alone), one server at a time, on the same port with the same JVM flags. Rounds repeat every
# measurement in an order that alternates between rounds; bench-table.py reports the medians and
# the Floe/Ice Java, Floe/floor and floor/Ice Java ratios. Raw JSON lines go to target/bench/.
# Usage: scripts/bench.sh [--help] [--port N] [--only NAME[,NAME...]] [--rounds N]
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="$(cd "$ROOT/.." && pwd)/shared"
OUT="$ROOT/target/bench"
PORT=12000
ONLY=""
ROUNDS=2
JVM_FLAGS=(-Xms64m -Xmx1g)                 # as ../shared/bench/loadgen/README.md runs Ice Java
JDK17="${JDK17:-${JAVA_HOME:-}}"           # every server's and client's JVM; empty: java on the PATH
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"  # Floe's virtual-thread run
PYTHON=/usr/bin/python3                    # Debian's, for python3-matplotlib (not a PATH python3)
DELAY_CALLS_DEFAULT=1000,10000
DELAY_CALLS="${BENCH_DELAY_CALLS:-$DELAY_CALLS_DEFAULT}"
NOFILE=65536                               # 10,000 connections on each side, plus the JVM's own files
SERVERS=(floe ice-java floor-netty)        # round 1's order

usage() {
    cat <<'USAGE'
usage: scripts/bench.sh [--port N] [--only NAME[,NAME...]] [--rounds N]      (also: ./floe bench ...)

Measures three servers of ../shared/bench/Bench.ice under ../shared/bench/loadgen: Floe
(./floe bench-server), ZeroC Ice for Java 3.7 (bench/ice-java) and floor-netty
(../shared/bench/floor-netty: a bare Netty server with one event-loop thread, the floor for
Netty-based servers). Every run is a fresh JVM (-Xms64m -Xmx1g, the same JDK), one server at a
time, on 127.0.0.1:PORT (default 12000); the loadgen gets --server-pid for the server's CPU time
and RSS. Each of --rounds N rounds (default 2, at least 2) runs every scenario and thread
configuration on each server once, in an order that alternates between rounds (round 1 Floe,
Ice Java, floor; round 2 floor, Ice Java, Floe; then the same rotated by one every two rounds).
The table gives the medians over the rounds (with 2, the mean of the two) and the ratios
Floe/Ice Java, Floe/floor and floor/Ice Java.

Scenarios (NAME for --only), each with Floe and Ice Java on Ice.ThreadPool.Server.Size=1 and =2
(Ice.MessageSizeMax=65536) and floor-netty once (its one thread: the floor of both rows):
  latency   wait,latency: sequential pings on one connection (median, p99)
  ping      ping1 and ping8: ping:connections=1 resp. ping:connections=8 --window 64
  echo      echo:window=1 --size 1048576 --Ice.MessageSizeMax=65536: 1 MiB echo throughput
  upload    upload:window=1 --size 1048576 --Ice.MessageSizeMax=65536: 1 MiB upload throughput
One server thread, all three servers:
  delay     delay --calls N --connections N --ms 1000 --rounds 3 for N = 1,000 and 10,000 (AMD
            fan-out): wall (median of the loadgen's 3 rounds), idle RSS (after wait), peak RSS,
            (peak - idle) per connection
Others:
  block     Floe only, JDK 25, Ice.ThreadPool.Server.Virtual=1: block --calls N --connections N
            --ms 1000 --rounds 3 for the largest delay N (skipped when virtual dispatch is not there)
  ami       client side: 100,000 delayAsync(20000) calls outstanding on one connection to the Ice
            Java server, from an Ice Java client and from a Floe client (./floe bench-ami);
            client heap (after a full GC) and RSS per outstanding call; clients alternate too
Every figure comes with the server CPU per call where the loadgen reports it.

Output: target/bench/table.md (the Markdown section) and target/bench/BENCHMARKS.png (the ratio
chart), target/bench/results.jsonl (every loadgen JSON line with "server", "bench_scenario",
"threads" and "round" added), target/bench/<scenario>-<server>-t<threads>-r<round>.{jsonl,log}
(one run's lines and server stderr), target/bench/machine.txt. A complete run (no --only, no
BENCH_DELAY_CALLS) also replaces the section of BENCHMARKS.md between <!-- bench:begin --> and
<!-- bench:end --> and writes BENCHMARKS.png beside it.

Environment: JDK17 (JDK home for every server and client; default JAVA_HOME or the PATH's java),
JDK25 (default /usr/lib/jvm/temurin-25-jdk-amd64), BENCH_JAVA_OPTS (extra JVM options for every
server, e.g. GC logging), BENCH_DELAY_CALLS (comma-separated call counts of the delay runs, one
connection per call, default 1000,10000; smaller for a smoke run, e.g. BENCH_DELAY_CALLS=100,500;
block uses the largest).
Needs: apt-get install -y zeroc-ice-compilers libzeroc-ice-dev libzeroc-ice3.7-java g++ python3-matplotlib
(and Maven, which builds Floe and floor-netty).
USAGE
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --help|-h) usage; exit 0 ;;
        --port) PORT="$2"; shift 2 ;;
        --port=*) PORT="${1#--port=}"; shift ;;
        --only) ONLY="$2"; shift 2 ;;
        --only=*) ONLY="${1#--only=}"; shift ;;
        --rounds) ROUNDS="$2"; shift 2 ;;
        --rounds=*) ROUNDS="${1#--rounds=}"; shift ;;
        *) echo "bench: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

say() { echo "bench: $*" >&2; }
die() { say "$*"; exit 1; }

[[ "$ROUNDS" =~ ^[0-9]+$ && "$ROUNDS" -ge 2 ]] || die "--rounds: '$ROUNDS' (expected: a whole number >= 2; the table gives medians over rounds)"
[[ "$PORT" =~ ^[0-9]+$ && "$PORT" -ge 1 && "$PORT" -le 65535 ]] || die "--port: '$PORT' (expected: 1 to 65535)"
[[ "$DELAY_CALLS" =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || die "BENCH_DELAY_CALLS: '$DELAY_CALLS' (expected: call counts separated by commas, e.g. 1000,10000)"
IFS=, read -ra DELAYS <<<"$DELAY_CALLS"
MAX_CALLS="$(printf '%s\n' "${DELAYS[@]}" | sort -n | tail -1)"
NAMES=(latency ping ping1 ping8 echo upload delay block ami)
for name in ${ONLY//,/ }; do
    [[ " ${NAMES[*]} " == *" $name "* ]] || die "--only: unknown scenario '$name' (expected: ${NAMES[*]})"
done
# wanted NAME: selected by --only (ping1 and ping8 also by "ping").
wanted() { [[ -z "$ONLY" || ",$ONLY," == *",$1,"* || ( "$1" == ping? && ",$ONLY," == *",ping,"* ) ]]; }
COMPLETE=0
[[ -z "$ONLY" && "$DELAY_CALLS" == "$DELAY_CALLS_DEFAULT" ]] && COMPLETE=1

# --- prerequisites ----------------------------------------------------------------------------
missing=()
command -v slice2cpp >/dev/null || missing+=(zeroc-ice-compilers)
command -v slice2java >/dev/null || missing+=(zeroc-ice-compilers)
[[ -f /usr/include/Ice/Ice.h ]] || missing+=(libzeroc-ice-dev)
[[ -f /usr/share/java/ice-3.7.8.jar ]] || missing+=(libzeroc-ice3.7-java)
command -v g++ >/dev/null || missing+=(g++)
"$PYTHON" -c 'import matplotlib' 2>/dev/null || missing+=(python3-matplotlib)
if [[ ${#missing[@]} -gt 0 ]]; then
    die "missing Debian packages: $(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
       install them with: sudo apt-get install -y zeroc-ice-compilers libzeroc-ice-dev libzeroc-ice3.7-java g++ python3-matplotlib
       (the chart needs Debian's python3-matplotlib under $PYTHON, not a python3 from elsewhere on the PATH)"
fi
command -v mvn >/dev/null || die "Maven (mvn) is needed to build Floe and floor-netty"
[[ -f "$SHARED/bench/loadgen/build.sh" ]] || die "missing $SHARED/bench/loadgen (the shared folder cloned beside this repository)"
[[ -f "$SHARED/bench/floor-netty/build.sh" ]] || die "missing $SHARED/bench/floor-netty (the shared folder cloned beside this repository)"
if [[ -n "$JDK17" ]]; then JAVA="$JDK17/bin/java"; else JAVA="$(command -v java)"; fi
[[ -x "$JAVA" ]] || die "no java ($JAVA)"

# N connections: the loadgen and the server each hold one descriptor per connection.
need_files=$((MAX_CALLS + 100))
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt $NOFILE ]]; then
    ulimit -Hn $NOFILE 2>/dev/null || true  # root may raise the hard limit; others keep theirs
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
    [[ "$(ulimit -Hn)" == unlimited || "$(ulimit -Hn)" -ge $NOFILE ]] || ulimit -n $NOFILE 2>/dev/null || true
fi
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt $need_files ]]; then
    die "open-file limit $(ulimit -n) is too low for $MAX_CALLS connections (needs > $need_files; raise the hard limit, e.g. in /etc/security/limits.conf)"
fi
read -r port_low port_high </proc/sys/net/ipv4/ip_local_port_range
if (( port_high - port_low + 1 < MAX_CALLS )); then
    die "only $((port_high - port_low + 1)) local ports (net.ipv4.ip_local_port_range $port_low $port_high); $MAX_CALLS connections need more: sysctl -w net.ipv4.ip_local_port_range='1024 65000'"
fi
tw_reuse="$(cat /proc/sys/net/ipv4/tcp_tw_reuse 2>/dev/null || echo '?')"
if [[ "$tw_reuse" == 0 ]] && (( port_high - port_low + 1 < 4 * MAX_CALLS )); then
    say "warning: net.ipv4.tcp_tw_reuse=0 and $((port_high - port_low + 1)) local ports: the ports of one $MAX_CALLS-connection run stay in TIME_WAIT for 60 s and the next runs may not find free ones (sysctl -w net.ipv4.tcp_tw_reuse=2)"
fi

# --- build ------------------------------------------------------------------------------------
START=$SECONDS
rm -rf "$OUT"
mkdir -p "$OUT"
say "building the load generator..."
LOADGEN="$("$SHARED/bench/loadgen/build.sh" "$ROOT/target/loadgen" | tail -1)" || die "loadgen build failed"
say "building the Ice Java server..."
ICE_CP="$(JAVA_HOME="${JDK17:-}" "$ROOT/bench/ice-java/build.sh" "$ROOT/target/ice-java" | tail -1)" || die "Ice Java server build failed"
say "building floor-netty..."
FLOOR_ARGS="$(JAVA_HOME="${JDK17:-}" "$SHARED/bench/floor-netty/build.sh" "$ROOT/target/floor-netty" | tail -1)" || die "floor-netty build failed"
say "building the Floe server..."
JAVA_HOME="${JDK17:-}" "$ROOT/floe" bench-server --help >/dev/null || die "Floe server build failed"

java_version() { "$1" -version 2>&1 | sed -n '1,2p' | paste -sd ';' | sed 's/;/; /'; }
{
    echo "date: $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
    echo "git: $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . 2>/dev/null || echo ' (with uncommitted changes)')"
    echo "rounds: $ROUNDS; delay calls: $DELAY_CALLS${ONLY:+; only: $ONLY}"
    echo "nproc: $(nproc)"
    echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "memory: $(free -m | awk '/^Mem:/ {print $2 " MiB"}')"
    echo "kernel: $(uname -r)"
    echo "jdk (every server and client): $(java_version "$JAVA")"
    [[ -x "$JDK25/bin/java" ]] && echo "jdk (Floe virtual, block): $(java_version "$JDK25/bin/java")"
    echo "loadgen: ZeroC Ice for C++ $(dpkg-query -W -f='${Version}' libzeroc-ice-dev 2>/dev/null); Ice Java: $(basename /usr/share/java/ice-3.7.8.jar); floor-netty: Netty $(sed -n 's/.*netty-transport-\([0-9][^:]*\)\.jar.*/\1/p' <<<"$FLOOR_ARGS" | head -1)"
    echo "ulimit -n: $(ulimit -n); ip_local_port_range: $port_low $port_high; tcp_tw_reuse: $tw_reuse; somaxconn: $(cat /proc/sys/net/core/somaxconn)"
    echo "jvm flags: ${JVM_FLAGS[*]}${BENCH_JAVA_OPTS:+ $BENCH_JAVA_OPTS}; Floe and Ice Java: --Ice.ThreadPool.Server.Size=1 or 2 --Ice.MessageSizeMax=65536"
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

# start_server NAME LOG THREADS [EXTRA-PROPERTIES...]: NAME is floe, ice-java, floor-netty or
# floe-virtual; floor-netty has one thread and takes no properties.
start_server() {
    local name="$1" log="$2" threads="$3"
    shift 3
    local endpoint="tcp -h 127.0.0.1 -p $PORT"
    local props=(--Ice.ThreadPool.Server.Size="$threads" --Ice.MessageSizeMax=65536 "$@")
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS and FLOOR_ARGS are lists of arguments
    case "$name" in
        ice-java)
            "$JAVA" "${JVM_FLAGS[@]}" ${BENCH_JAVA_OPTS:-} -cp "$ICE_CP" BenchServerIce \
                --Bench.Endpoints="$endpoint" "${props[@]}" >"$log.out" 2>"$log" &
            ;;
        floe)
            JAVA_HOME="${JDK17:-}" FLOE_JAVA_OPTS="${JVM_FLAGS[*]} ${BENCH_JAVA_OPTS:-}" "$ROOT/floe" bench-server \
                --Bench.Endpoints="$endpoint" "${props[@]}" >"$log.out" 2>"$log" &
            ;;
        floe-virtual)
            JAVA_HOME="$JDK25" FLOE_JAVA_OPTS="${JVM_FLAGS[*]} ${BENCH_JAVA_OPTS:-}" "$ROOT/floe" bench-server \
                --Bench.Endpoints="$endpoint" "${props[@]}" >"$log.out" 2>"$log" &
            ;;
        floor-netty)
            "$JAVA" "${JVM_FLAGS[@]}" ${BENCH_JAVA_OPTS:-} $FLOOR_ARGS "$PORT" 127.0.0.1 >"$log.out" 2>"$log" &
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

# tag SERVER SCENARIO THREADS ROUND: prefixes each JSON line with bench.sh's fields.
tag() {
    sed "s/^{/{\"server\":\"$1\",\"bench_scenario\":\"$2\",\"threads\":$3,\"round\":$4,/"
}

# measure SCENARIO SERVER THREADS ROUND LOADGEN-ARGS... [-- SERVER-PROPERTIES...]: one fresh
# server, one loadgen run; its JSON lines (or an "error" line) go to results.jsonl.
measure() {
    local scenario="$1" server="$2" threads="$3" round="$4"
    shift 4
    local args=() props=()
    while [[ $# -gt 0 && "$1" != -- ]]; do args+=("$1"); shift; done
    [[ $# -gt 0 ]] && shift
    props=("$@")
    local base="$OUT/$scenario-$server-t$threads-r$round"
    say "round $round/$ROUNDS: $scenario on $server ($threads thread(s)): loadgen ${args[*]}"
    if ! start_server "$server" "$base.log" "$threads" "${props[@]}"; then
        stop_server
        echo "{\"error\":\"the server did not start (see $base.log)\"}" | tag "$server" "$scenario" "$threads" "$round" \
            | tee "$base.jsonl" >>"$OUT/results.jsonl"
        return 0
    fi
    "$LOADGEN" --proxy "bench:tcp -h 127.0.0.1 -p $PORT" --server-pid "$SERVER_PID" "${args[@]}" \
        2> >(sed "s/^/bench:   /" >&2) \
        | tag "$server" "$scenario" "$threads" "$round" >"$base.jsonl"
    local status=${PIPESTATUS[0]}
    stop_server
    cat "$base.jsonl" >>"$OUT/results.jsonl"
    [[ $status -eq 0 ]] || say "$scenario on $server: loadgen exit status $status (see $base.jsonl)"
    return 0
}

# round_order ROUND: the servers in ROUND's order. Every other round reverses the order, and every
# two rounds it rotates by one: over 2 rounds each server's mean position is the same, over 6
# each server runs twice in each position.
round_order() {
    local r=$(($1 - 1)) n=${#SERVERS[@]} order=() i
    for ((i = 0; i < n; i++)); do order+=("${SERVERS[(i + r / 2) % n]}"); done
    if ((r % 2 == 1)); then
        for ((i = n - 1; i >= 0; i--)); do echo -n "${order[i]} "; done
    else
        echo -n "${order[*]}"
    fi
}

loadgen_args() {
    case "$1" in
        latency) echo "--scenario wait,latency" ;;
        ping1) echo "--scenario wait,ping:connections=1 --window 64" ;;
        ping8) echo "--scenario wait,ping:connections=8 --window 64" ;;
        echo) echo "--scenario wait,echo:window=1 --size 1048576 --Ice.MessageSizeMax=65536" ;;
        upload) echo "--scenario wait,upload:window=1 --size 1048576 --Ice.MessageSizeMax=65536" ;;
        delay-*) echo "--scenario wait,delay --calls ${1#delay-} --connections ${1#delay-} --ms 1000 --rounds 3 --timeout 300" ;;
        block-*) echo "--scenario wait,block --calls ${1#block-} --connections ${1#block-} --ms 1000 --rounds 3 --timeout 300" ;;
    esac
}

# Probe: 20 block(500) on 20 connections need ~0.5 s with virtual dispatch threads and ~10 s on
# one platform thread; only the former is worth the block runs.
VIRTUAL=0
if wanted block; then
    if [[ ! -x "$JDK25/bin/java" ]]; then
        say "block: skipped, no JDK 21+ at $JDK25 (set JDK25)"
        echo "{\"server\":\"floe-virtual\",\"bench_scenario\":\"block-$MAX_CALLS\",\"skipped\":\"no JDK 21+ at $JDK25\"}" >>"$OUT/results.jsonl"
    else
        say "block: probing Ice.ThreadPool.Server.Virtual=1 on $JDK25..."
        probe="$OUT/block-probe.jsonl"
        if start_server floe-virtual "$OUT/block-probe.log" 1 --Ice.ThreadPool.Server.Virtual=1; then
            "$LOADGEN" --proxy "bench:tcp -h 127.0.0.1 -p $PORT" --scenario wait,block --calls 20 \
                --connections 20 --ms 500 --timeout 60 >"$probe" 2>/dev/null
            stop_server
            wall="$("$PYTHON" -c 'import json,sys; print([json.loads(l) for l in open(sys.argv[1])][-1].get("wall_s", 99))' "$probe" 2>/dev/null || echo 99)"
            if "$PYTHON" -c "import sys; sys.exit(0 if float(sys.argv[1]) < 2.5 else 1)" "$wall"; then
                say "block: virtual dispatch is there (20 x block(500) in $wall s)"
                VIRTUAL=1
            else
                say "block: skipped: Ice.ThreadPool.Server.Virtual=1 is not supported by this floe-runtime yet (20 x block(500) took $wall s, i.e. one platform dispatch thread)"
                echo "{\"server\":\"floe-virtual\",\"bench_scenario\":\"block-$MAX_CALLS\",\"skipped\":\"Ice.ThreadPool.Server.Virtual not supported: 20 x block(500) took $wall s\"}" >>"$OUT/results.jsonl"
            fi
        else
            stop_server
        fi
    fi
fi

# The client side: the same server (Ice Java's) for both clients, each client in a fresh JVM.
AMI_PROPS=(--Bench.Proxy="bench:tcp -h 127.0.0.1 -p $PORT" --Bench.Calls=100000 --Bench.Ms=20000)
ami_round() {
    local round="$1" clients=(ice-java floe) client status
    ((round % 2 == 0)) && clients=(floe ice-java)
    start_server ice-java "$OUT/ami-server-r$round.log" 1 || { stop_server; return 0; }
    for client in "${clients[@]}"; do
        say "round $round/$ROUNDS: ami, $client client, ${AMI_PROPS[*]}"
        local base="$OUT/ami-$client-r$round"
        if [[ "$client" == ice-java ]]; then
            "$JAVA" "${JVM_FLAGS[@]}" -cp "$ICE_CP" AmiClientIce "${AMI_PROPS[@]}" >"$base.out" 2>"$base.log"
        else
            JAVA_HOME="${JDK17:-}" FLOE_JAVA_OPTS="${JVM_FLAGS[*]}" "$ROOT/floe" bench-ami "${AMI_PROPS[@]}" \
                >"$base.out" 2>"$base.log"
        fi
        status=$?
        [[ $status -eq 0 ]] || say "ami: $client client exit status $status (see $base.log)"
        sed 's/^{/{"scenario":"ami",/' "$base.out" | tag "$client" ami 1 "$round" | tee "$base.jsonl" >>"$OUT/results.jsonl"
    done
    stop_server
}

# --- rounds -----------------------------------------------------------------------------------
for round in $(seq 1 "$ROUNDS"); do
    read -ra order <<<"$(round_order "$round")"
    say "round $round/$ROUNDS: servers in the order ${order[*]} ($(((SECONDS - START) / 60)) min so far)"
    for scenario in latency ping1 ping8 echo upload; do
        wanted "$scenario" || continue
        read -ra args <<<"$(loadgen_args "$scenario")"
        for threads in 1 2; do
            for server in "${order[@]}"; do
                # floor-netty has one thread: its run with the 1-thread configuration is the floor of both.
                [[ "$server" == floor-netty && $threads -ne 1 ]] && continue
                measure "$scenario" "$server" "$threads" "$round" "${args[@]}"
            done
        done
    done
    if wanted delay; then
        for calls in "${DELAYS[@]}"; do
            read -ra args <<<"$(loadgen_args "delay-$calls")"
            for server in "${order[@]}"; do
                measure "delay-$calls" "$server" 1 "$round" "${args[@]}"
            done
        done
    fi
    if ((VIRTUAL)); then
        read -ra args <<<"$(loadgen_args "block-$MAX_CALLS")"
        measure "block-$MAX_CALLS" floe-virtual 1 "$round" "${args[@]}" -- --Ice.ThreadPool.Server.Virtual=1
    fi
    wanted ami && ami_round "$round"
done

# --- table, chart, BENCHMARKS.md --------------------------------------------------------------
say "measured in $(((SECONDS - START) / 60)) min $(((SECONDS - START) % 60)) s"
"$PYTHON" "$ROOT/scripts/bench-table.py" "$OUT/results.jsonl" --machine "$OUT/machine.txt" \
    --chart "$OUT/BENCHMARKS.png" >"$OUT/table.md" || die "bench-table.py failed on $OUT/results.jsonl"
cat "$OUT/table.md"
if ((COMPLETE)); then
    "$PYTHON" "$ROOT/scripts/bench-table.py" "$OUT/results.jsonl" --machine "$OUT/machine.txt" \
        --chart "$ROOT/BENCHMARKS.png" --doc "$ROOT/BENCHMARKS.md" >/dev/null || die "could not update BENCHMARKS.md"
    say "updated BENCHMARKS.md (between <!-- bench:begin --> and <!-- bench:end -->) and BENCHMARKS.png"
else
    say "BENCHMARKS.md and BENCHMARKS.png left as they were (not a complete run: --only or BENCH_DELAY_CALLS); see $OUT/table.md and $OUT/BENCHMARKS.png"
fi
