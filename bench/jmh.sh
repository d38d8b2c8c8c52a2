#!/usr/bin/env bash
# Runs the JMH benchmarks: bench/jmh.sh [JMH options, e.g. a benchmark regex like Spf]
# Builds mailauth and bench, then runs JMH on the JDK ./hikyaku would choose.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
if [ -z "${JAVA_HOME:-}" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && "$candidate/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
      export JAVA_HOME="$candidate"; break
    fi
  done
fi
export PATH="$JAVA_HOME/bin:$PATH"
mvn -B -q -DskipTests -Dspotless.check.skip=true -pl bench -am install >&2
mvn -B -q -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >&2
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
