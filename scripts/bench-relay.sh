#!/usr/bin/env bash
# Outbox relay throughput against a running stack (./waymark up in another terminal): writes a backlog of N
# outbox rows into customer-service's database in one transaction (as if N creates had committed while
# Kafka was away), then times how long customer-service's relay takes to publish them all to Kafka.
# Prints rows/s. The rows go to topic bench.relay (no consumer reads it) and are deleted afterwards.
#   scripts/bench-relay.sh [N]          (default 100000; loopback only, bounded in count and time)
set -euo pipefail
n=${1:-100000}
pg_port=${WAYMARK_PG_PORT:-25432}
psql_bin=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$psql_bin" ] || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 1; }
sql() { PGPASSWORD=waymark "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U customer -d customer -qAtX -c "$1"; }
curl -sf http://127.0.0.1:${WAYMARK_CUSTOMER_PORT:-8181}/q/health/ready >/dev/null \
  || { echo "customer-service is not up: start ./waymark up first" >&2; exit 1; }
sql "delete from outbox_event where topic = 'bench.relay'"
payload=$(printf '{"specversion":"1.0","id":"%s","source":"/waymark/bench","type":"io.waymark.bench.v1","data":{"pad":"%0300d"}}' x 0)
start=$(date +%s%N)
sql "insert into outbox_event (event_id, topic, message_key, type, payload, created_at)
     select gen_random_uuid(), 'bench.relay', gen_random_uuid()::text, 'io.waymark.bench.v1', '$payload', now()
     from generate_series(1, $n)"
written=$(date +%s%N)
deadline=$(( $(date +%s) + 600 ))
while [ "$(sql "select count(*) from outbox_event where topic = 'bench.relay' and published_at is null")" != 0 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "not all published within 600 s" >&2; exit 1; }
  sleep 0.2
done
done_at=$(date +%s%N)
sql "delete from outbox_event where topic = 'bench.relay'"
awk -v n="$n" -v w=$(( (written - start) / 1000000 )) -v p=$(( (done_at - written) / 1000000 )) 'BEGIN {
  printf "backlog written:          %d rows in %d ms (one transaction)\n", n, w
  printf "published by the relay:   %d ms after the commit\n", p
  printf "relay throughput:         %.0f rows/s (one relay, acks=all)\n", n / (p / 1000)
}'
