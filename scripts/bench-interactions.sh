#!/usr/bin/env bash
# Interaction ingest benchmark against a running stack (./waymark up in another terminal), loopback only:
# a few concurrent clients send batches of 500 interactions through the gateway for a bounded time, then the
# script waits until journey-service has stored them all and customer-service and analytics-service have read
# them (Kafka consumer lag 0). It prints accepted/s, p50/p99 batch acknowledgement, the time from the last
# acknowledgement until everything is stored and read, journey-service's memory, and Kafka's own producer
# performance tool on the same broker with records of the same size (acks=all), and the ratio between the two.
#   scripts/bench-interactions.sh [seconds=60] [clients=4] [rate=0 (unpaced)]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/common.sh"
cd "$here"
waymark_pick_jdk
seconds=${1:-60}; clients=${2:-4}; rate=${3:-0}
gw=${WAYMARK_GATEWAY_URL:-http://127.0.0.1:8080}
curl -sf "$gw/q/health/ready" >/dev/null || { echo "no stack at $gw: start ./waymark up first" >&2; exit 1; }
[ -f simulator/target/simulator.classpath ] || { echo "build first: ./mvnw install -DskipTests" >&2; exit 1; }
cp="simulator/target/classes:$(cat simulator/target/simulator.classpath)"
sim() { java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" io.waymark.simulator.Main "$@"; }
rss() { local pid; pid=$(cat .waymark/run/journey.pid); grep -E "^$1" "/proc/$pid/status" | awk '{printf "%d MiB", $2/1024}'; }

echo "== Waymark: POST /api/interactions through the gateway, batches of 500, $clients clients, $seconds s"
sim load --rate "$rate" --duration "$seconds" --batch 500 --clients "$clients" \
  --traffic random --wait-for journey-service-store,customer-service,analytics-service | tee /tmp/waymark-bench-load.txt
ours=$(sed -n 's/^accepted per second: *\([0-9,]*\).*/\1/p' /tmp/waymark-bench-load.txt | tr -d ,)
echo "journey-service memory:    RSS now $(rss VmRSS), peak $(rss VmHWM) (heap limit 256 MiB)"

size=$(sim record-size)
records=$(( 25000 * seconds / 2 ))
echo
echo "== Kafka's own producer test on the same broker: $records records of $size bytes, acks=all, idempotent"
out=$(java -Xmx512m -cp "$cp" org.apache.kafka.tools.ProducerPerformance --topic bench.producer-perf \
  --num-records "$records" --record-size "$size" --throughput -1 \
  --producer-props bootstrap.servers=127.0.0.1:${WAYMARK_KAFKA_PORT:-29092} acks=all enable.idempotence=true \
  linger.ms=5 batch.size=262144 2>/dev/null | tail -n 1)
echo "$out"
sim delete-topic bench.producer-perf >/dev/null 2>&1 || true
raw=$(echo "$out" | sed -n 's/.* records sent, \([0-9.]*\) records\/sec.*/\1/p')
awk -v ours="$ours" -v raw="$raw" 'BEGIN { printf "\nWaymark accepted %.0f/s; Kafka alone %.0f/s; ratio %.2f\n", ours, raw, ours / raw }'
