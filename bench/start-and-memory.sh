#!/usr/bin/env bash
# Start to ready and resident memory of one start of the packaged service (BENCHMARKS.md, "Start and memory").
#
#   bench/start-and-memory.sh <label> <folder> <command...>
#
# <folder> holds config/, prompts/ and a warm data folder (data/pg, made by one earlier start); the command
# runs there and must end in a JVM (exec it from a script so its pid is the JVM's). Prints one line:
#   label, seconds from launch to the first 200 from /q/health/ready (polled every 50 ms), the JVM's CPU
#   seconds at that moment (utime+stime from /proc/<pid>/stat), VmRSS at ready and SETTLE seconds later (MB),
#   and the 1-minute load average at launch. The service is stopped with SIGTERM afterwards.
# PORT (default 18580) must be the port the command listens on; pass -Dquarkus.http.port=$PORT in the command.
# AFTER_READY, if set, is run (with bash) once ready, e.g. "bench/queue.sh 18580 10000"; the SETTLE seconds and
# the second reading follow it, and its output is printed before the line.
set -euo pipefail
label=$1; folder=$2; shift 2
PORT=${PORT:-18580}
SETTLE=${SETTLE:-20}
cd "$folder"
load=$(cut -d' ' -f1 /proc/loadavg)
t0=$(date +%s.%N)
"$@" >"start-$label.log" 2>&1 &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  if ! kill -0 "$pid" 2>/dev/null; then echo "$label: the process ended before ready, see $folder/start-$label.log" >&2; exit 1; fi
  sleep 0.05
done
t1=$(date +%s.%N)
tick=$(getconf CLK_TCK)
cpu() { awk -v t="$tick" '{ sub(/^.*\) /, ""); printf "%.1f", ($12 + $13) / t }' "/proc/$pid/stat"; }
rss() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$pid/status"; }
cpu_ready=$(cpu); rss_ready=$(rss)
if [ -n "${AFTER_READY:-}" ]; then bash -c "$AFTER_READY"; fi
sleep "$SETTLE"
rss_later=$(rss); cpu_later=$(cpu)
kill -TERM "$pid"; wait "$pid" || true
printf '%s\tready %.2f s\tcpu %s s\trss %s MB\t+%ss %s MB (cpu %s s)\tload %s\n' \
  "$label" "$(echo "$t1 - $t0" | bc)" "$cpu_ready" "$rss_ready" "$SETTLE" "$rss_later" "$cpu_later" "$load"
