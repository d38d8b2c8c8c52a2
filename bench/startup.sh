#!/usr/bin/env bash
# Start-up to ready: milliseconds from starting the JVM until GET /actuator/health answers UP,
# on an existing (already migrated) H2 database. Three ways of starting the same build:
#   jar        java -jar hikyaku-server-*-exec.jar            (what a plain install does)
#   extracted  the jar unpacked by Spring Boot's jarmode tools
#   aot        extracted + a JDK 25 AOT cache (JEP 483/514/515) recorded by one training run
#              (what `./hikyaku run` does on a JDK 25 or newer)
#   aot-c1     aot with the C1 compiler only (-XX:TieredStopAtLevel=1): faster start on 2 cores,
#              slower peak; for information, not used by the launcher
# Usage: bench/startup.sh [runs]   (needs a built server jar: ./hikyaku run builds it)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-7}"
java_home="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$java_home/bin/java"
jar=$(ls "$here"/server/target/hikyaku-server-*-exec.jar | head -1)
work=$(mktemp -d /tmp/hikyaku-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT
port=18181
props=(-Dhikyaku.platform.data-dir="$work/data" -Dserver.port=$port -Dlogging.level.root=WARN)

# Milliseconds from start to healthy for one start of "$@".
once() {
  local start end pid
  start=$(date +%s%N)
  "$@" >"$work/out.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q UP; do
    kill -0 $pid 2>/dev/null || { cat "$work/out.log" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

# Median and minimum over $runs starts, after one start that is not counted.
series() {
  local label="$1"; shift
  once "$@" >/dev/null
  local all=() i
  for i in $(seq 1 "$runs"); do all+=("$(once "$@")"); done
  local sorted; sorted=$(printf '%s\n' "${all[@]}" | sort -n)
  printf '%-10s median %5d ms   min %5d ms   runs: %s\n' "$label" \
    "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$(echo "$sorted" | head -1)" "${all[*]}"
}

"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/x" >/dev/null
app="$work/x/$(basename "$jar")"
# Training run: start, refresh the context, exit; the JVM writes what it loaded and linked.
"$java" -XX:AOTCacheOutput="$work/app.aot" -Dspring.context.exit=onRefresh "${props[@]}" -jar "$app" run >/dev/null 2>&1

echo "# $(date -u +%F) $(nproc) cores, $("$java" -version 2>&1 | head -1)"
series jar "$java" "${props[@]}" -jar "$jar" run
series extracted "$java" "${props[@]}" -jar "$app" run
series aot "$java" -XX:AOTCache="$work/app.aot" "${props[@]}" -jar "$app" run
"$java" -XX:TieredStopAtLevel=1 -XX:AOTCacheOutput="$work/c1.aot" -Dspring.context.exit=onRefresh "${props[@]}" -jar "$app" run >/dev/null 2>&1
series aot-c1 "$java" -XX:TieredStopAtLevel=1 -XX:AOTCache="$work/c1.aot" "${props[@]}" -jar "$app" run
