#!/usr/bin/env bash
# Queues N drafts on a running service (BENCHMARKS.md, "Start and memory"): posts N complaints through the API,
# texts taken in turn from the evaluation posts (config/triage/examples.jsonl, the development parts, and the held-out
# parts in src/test/resources/eval/*.jsonl) with a number added, eight at a
# time, then waits until the approval queue holds N more complaints than before. Needs the demo source token and
# the demo agent (config/application.properties in the repository). Posts read as spam get no draft: the wait
# ends when the queue has not grown for 15 s.
#
#   bench/queue.sh <port> <n> [<run name, to keep external ids apart>]
set -euo pipefail
port=$1; n=$2; run=${3:-$(date +%s)}
here=$(cd "$(dirname "$0")" && pwd)
base="http://127.0.0.1:$port"
pending() { curl -fs -u demo:ydmyk-demo "$base/api/complaints?status=pending&limit=1" | sed -E 's/.*"total":([0-9]+).*/\1/'; }
before=$(pending)
texts=$(mktemp)
cat "$here"/../config/triage/examples.jsonl "$here"/../src/test/resources/eval/*.jsonl \
  | sed -nE 's/.*"text": ?"(([^"\\]|\\.)*)".*/\1/p' > "$texts"
count=$(wc -l < "$texts")
t0=$(date +%s)
seq 1 "$n" | while read -r i; do
  text=$(sed -n "$(( (i - 1) % count + 1 ))p" "$texts")
  printf '{"source":"web","externalId":"bench-%s-%d","author":{"name":"Kunde %d","handle":"kunde%d"},"text":"%s (%d)"}\n' \
    "$run" "$i" "$i" "$i" "$text" "$i"
done | xargs -d '\n' -P 8 -I{} curl -fs -o /dev/null -H 'Authorization: Bearer ydmyk-demo-token' \
  -H 'Content-Type: application/json' --data-binary '{}' "$base/api/complaints" || echo "some posts were refused" >&2
t1=$(date +%s)
last=-1; still=0
while [ "$still" -lt 15 ]; do
  now=$(pending)
  if [ "$now" -ge $((before + n)) ]; then break; fi
  if [ "$now" = "$last" ]; then still=$((still + 1)); else still=0; last=$now; fi
  sleep 1
done
echo "queued $n in $((t1 - t0)) s, all drafted after $(( $(date +%s) - t0 )) s; pending now $(pending)"
rm -f "$texts"
