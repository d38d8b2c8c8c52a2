#!/usr/bin/env bash
# P4: Hikyaku's Postfix log analysis against Debian's pflogsumm on the same file.
#   bench/logs.sh [SIZE_MB]      (default 1024: about 1 GB; the log is generated, never committed)
# Prints wall time, throughput and peak memory (RSS) of each, and the ratio.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size="${1:-1024}"
log="${TMPDIR:-/tmp}/hikyaku-bench-postfix-${size}m.log"
command -v pflogsumm >/dev/null || { echo "needs Debian's pflogsumm: apt-get install pflogsumm" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
if [ ! -s "$log" ]; then
  echo "generating $log ($size MB) ..." >&2
  python3 "$here/bench/postfix-log.py" "$size" > "$log"
fi
bytes=$(stat -c %s "$log")
"$here/hikyaku" logs --help >/dev/null   # builds if needed, outside the measurement
cat "$log" > /dev/null                     # same page cache for both

measure() {  # name, command...
  local name="$1"; shift
  local out; out=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$out" "$@" > /dev/null
  read -r secs kb < "$out"; rm -f "$out"
  printf '%-10s %8.2f s  %8.1f MB/s  peak RSS %7.1f MB\n' "$name" "$secs" \
    "$(echo "$bytes / 1048576 / $secs" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
  echo "$secs" > "${TMPDIR:-/tmp}/hikyaku-bench-$name.secs"
}

echo "# $(date -u +%F) $(nproc) cores, $("$here/hikyaku" jdk 2>&1 | sed -n 2p), $(dpkg-query -W -f='pflogsumm ${Version}' pflogsumm), log $((bytes / 1048576)) MB"
measure pflogsumm pflogsumm --smtpd-stats --verbose-msg-detail "$log"
measure hikyaku "$here/hikyaku" logs "$log"
p=$(cat "${TMPDIR:-/tmp}/hikyaku-bench-pflogsumm.secs"); h=$(cat "${TMPDIR:-/tmp}/hikyaku-bench-hikyaku.secs")
printf 'ratio (pflogsumm time / hikyaku time): %.1f\n' "$(echo "$p / $h" | bc -l)"
