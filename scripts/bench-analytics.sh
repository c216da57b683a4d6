#!/usr/bin/env bash
# Journey-analytics benchmark, with the stack up (./waymark up in another terminal), loopback only.
# Generates 1,000,000 customers with stage histories, 10,000,000 interactions and 200,000 survey answers
# (deterministic for a seed) THROUGH THE TOPICS (bench.customer.events, bench.journey.maps,
# bench.journey.interactions, bench.feedback.events: the events the services would publish) and, the same facts,
# as plain rows into raw tables (schema bench_raw of database analytics_bench). A second analytics-service (the
# jar ./waymark up runs, heap 256 MiB, its own topics, group and database, so the stack's data stays clean)
# applies the events: it prints events/s per topic next to the interaction ingest target. Then it times every
# endpoint (p50/p95 over repeated calls, the default 90 days) against the same answer computed by plain SQL
# over the raw rows on the same database, and prints the ratio.
#   scripts/bench-analytics.sh [--customers N] [--interactions N] [--responses N] [--seed S] [--calls N]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$here/scripts/common.sh"
cd "$here"
waymark_pick_jdk
gw=${WAYMARK_GATEWAY_URL:-http://127.0.0.1:8080}
curl -sf "$gw/q/health/ready" >/dev/null || { echo "no stack at $gw: start ./waymark up first" >&2; exit 1; }
[ -f simulator/target/simulator.classpath ] && [ -f analytics-service/target/quarkus-app/quarkus-run.jar ] \
  || { echo "build first: ./mvnw package -DskipTests" >&2; exit 1; }
cp="simulator/target/classes:$(cat simulator/target/simulator.classpath)"
exec java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" io.waymark.simulator.bench.AnalyticsBench "$@"
