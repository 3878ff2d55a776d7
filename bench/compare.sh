#!/usr/bin/env bash
# Interleaved runs of several ways to start (BENCHMARKS.md, "Start and memory"): ROUNDS rounds, each variant once
# a round, one after the other on the same warm folder, so a busy machine weighs on all alike.
#
#   bench/compare.sh <folder> <variants file>
#
# The variants file has one line per variant: a label, a tab, and the command (run with bash from <folder>;
# it must exec the JVM and listen on $PORT, default 18580). Results go to stdout, one line per run.
set -euo pipefail
folder=$1; variants=$2
here=$(cd "$(dirname "$0")" && pwd)
export PORT=${PORT:-18580}
for round in $(seq "${ROUNDS:-3}"); do
  while IFS=$'\t' read -r label command; do
    [[ -z "$label" || "$label" == \#* ]] && continue
    "$here/start-and-memory.sh" "$label" "$folder" bash -c "exec $command" || true
  done < "$variants"
done
