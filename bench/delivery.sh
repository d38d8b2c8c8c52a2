#!/usr/bin/env bash
# Benchmarks P1 / P5 of issue 4: bench/delivery.sh RECIPIENTS [HEAP]
#   P1: bench/delivery.sh 100000 1g     P5: bench/delivery.sh 1000000 256m
# In one run: (a) Postfix smtp-source -> smtp-sink raw rate on loopback, (b) the JDK's dual DKIM
# signing limit on every core (JMH DualSignLimitBenchmark), (c) Hikyaku: a campaign of RECIPIENTS
# personalised, RSA-2048 + Ed25519 signed messages from one server process (PostgreSQL on this
# machine) relayed to smtp-sink. Needs postfix (smtp-sink, smtp-source) and PostgreSQL.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
n="${1:-100000}"; heap="${2:-1g}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u +%F)"

echo "== (a) smtp-source -> smtp-sink, 20000 messages of 3 KB, 8 sessions"
port=$((20000 + RANDOM % 20000))
smtp-sink -u nobody -c 127.0.0.1:$port 256 >/dev/null 2>&1 &
sink=$!; sleep 0.5
start=$(date +%s.%N)
smtp-source -c -s 8 -m 20000 -l 3000 -f a@example.org -t b@example.org 127.0.0.1:$port >/dev/null
end=$(date +%s.%N)
kill $sink
echo "smtp-source: $(echo "20000 / ($end - $start)" | bc -l | xargs printf '%.0f') msg/s"

echo "== (b) JDK dual-signing limit (JMH, all cores)"
bench/jmh.sh DualSignLimitBenchmark -f 1 -wi 2 -i 3 -w 2s -r 3s 2>/dev/null | grep -E "^DualSign|Benchmark"

echo "== (c) Hikyaku campaign: $n recipients, -Xmx$heap"
mvn -B -q -DskipTests -Dspotless.check.skip=true -Dhikyaku.skip.fuzz=true -pl server -am install >&2
mvn -B -q -Dspotless.check.skip=true -pl e2e test -Dtest=DeliveryBenchmarkTests \
  -Dhikyaku.bench.recipients="$n" -Dhikyaku.bench.heap="$heap" -Dsurefire.failIfNoSpecifiedTests=false >&2 || true
cat e2e/target/bench-result.txt
