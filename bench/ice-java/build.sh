#!/usr/bin/env bash
# Builds the ZeroC Ice for Java 3.7 reference server of Bench.ice (BenchServerIce.java, beside this
# script) and its AMI client (AmiClientIce.java) into $1 (default: target/ice-java under the
# repository) and prints the classpath to run them with, last: java -cp "$(bench/ice-java/build.sh)" BenchServerIce --Bench.Endpoints=...
# Needs slice2java (Debian zeroc-ice-compilers), the Ice jar (libzeroc-ice3.7-java) and a JDK 17+.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
OUT="$(mkdir -p "${1:-$ROOT/target/ice-java}" && cd "${1:-$ROOT/target/ice-java}" && pwd)"
ICE_JAR="${ICE_JAR:-/usr/share/java/ice-3.7.8.jar}"
SLICE="$ROOT/floe-bench/src/main/slice/Bench.ice"
if [[ -n "${JAVA_HOME:-}" ]]; then JAVAC="$JAVA_HOME/bin/javac"; else JAVAC=javac; fi

command -v slice2java >/dev/null || { echo "ice-java/build.sh: slice2java missing (apt-get install -y zeroc-ice-compilers)" >&2; exit 1; }
command -v "$JAVAC" >/dev/null || { echo "ice-java/build.sh: javac missing (a JDK 17+ is needed)" >&2; exit 1; }
[[ -f "$ICE_JAR" ]] || { echo "ice-java/build.sh: $ICE_JAR missing (apt-get install -y libzeroc-ice3.7-java)" >&2; exit 1; }

if [[ ! -f "$OUT/classes/AmiClientIce.class" || "$HERE/BenchServerIce.java" -nt "$OUT/classes/BenchServerIce.class" \
        || "$HERE/AmiClientIce.java" -nt "$OUT/classes/AmiClientIce.class" \
        || "$SLICE" -nt "$OUT/classes/BenchServerIce.class" ]]; then
    rm -rf "$OUT/generated" "$OUT/classes"
    mkdir -p "$OUT/generated" "$OUT/classes"
    slice2java --output-dir "$OUT/generated" "$SLICE"
    "$JAVAC" --release 17 -nowarn -cp "$ICE_JAR" -d "$OUT/classes" \
        $(find "$OUT/generated" -name '*.java') "$HERE/BenchServerIce.java" "$HERE/AmiClientIce.java" >&2
fi
echo "$OUT/classes:$ICE_JAR"
