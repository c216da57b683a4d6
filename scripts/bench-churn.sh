#!/usr/bin/env bash
# Churn risk at scale, against a running stack (./waymark up in another terminal), loopback only. Loads the
# history of N customers straight into analytics-service's database (a benchmark of training and scoring: no
# events are published for them; their ids begin with bbbbbbbb- and --clean deletes them): each became a customer
# 60-460 days ago and was active on up to 15 days since, three in ten stopping halfway, a third with an NPS
# answer. Then, through the gateway with an admin's and an analyst's token:
#   - POST /api/analytics/churn-model/train   (reads every customer's history, trains, scores everyone)
#   - POST /api/analytics/churn-risk/score    (ranks everyone again with the serving model: the "rank N" figure)
#   - GET  /api/analytics/customers/{id}/churn-risk, one request at a time, random loaded customers: p50 / p95
#   - GET  /api/analytics/churn-risk?band=high&limit=50, first page and one page further
#   scripts/bench-churn.sh [N] [requests]   (defaults 1000000 and 300; loads only what is missing)
#   scripts/bench-churn.sh --clean          (deletes the benchmark customers' history, scores and models)
set -euo pipefail
pg_port=${WAYMARK_PG_PORT:-25432}
gateway=${WAYMARK_GATEWAY_URL:-http://127.0.0.1:${WAYMARK_GATEWAY_PORT:-8080}}
keycloak=http://127.0.0.1:${WAYMARK_KEYCLOAK_PORT:-28180}
psql_bin=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$psql_bin" ] || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 1; }
sql() { PGPASSWORD=waymark "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U analytics -d analytics -qAtX -c "$1"; }
bench="customer_id between 'bbbbbbbb-0000-0000-0000-000000000000' and 'bbbbbbbb-ffff-ffff-ffff-ffffffffffff'"
subjects="subject between 'bbbbbbbb-0000-0000-0000-000000000000' and 'bbbbbbbb-ffff-ffff-ffff-ffffffffffff'"

if [ "${1:-}" = "--clean" ]; then
  for t in customer_stage churn_stage_move churn_answer churn_score; do sql "delete from $t where $bench"; done
  sql "delete from churn_activity_day where $subjects"
  sql "delete from churn_model"
  exit 0
fi
n=${1:-1000000}
requests=${2:-300}
curl -sf "$gateway/q/health/ready" >/dev/null || { echo "the gateway is not up at $gateway: start ./waymark up first" >&2; exit 1; }

have=$(sql "select count(*) from customer_stage where $bench")
if [ "$have" -lt "$n" ]; then
  echo "loading the history of $((n - have)) customers (a few minutes per million on 2 cores) ..."
  start=$(date +%s)
  ids="select i, ('bbbbbbbb' || substr(md5(i::text), 1, 24))::uuid as id,
              current_date - (60 + i % 400) as since, 1 + i % 23 as gap, i % 10 < 3 as stops
       from generate_series($((have + 1)), $n) as i"
  sql "insert into customer_stage (customer_id, stage, since, aggregate_version, reached)
       select id, 'PURCHASE', since, 1, jsonb_build_object('PURCHASE', extract(epoch from since)::bigint) from ($ids) c"
  sql "insert into churn_stage_move (customer_id, version, at, stage, backward)
       select id, 1, since, 'PURCHASE', false from ($ids) c"
  sql "insert into churn_activity_day (subject, day, channel)
       select id::text, since + g * gap, (array['web','app','email'])[1 + (i + g) % 3]
       from ($ids) c, generate_series(0, 14) as g
       where since + g * gap < current_date and not (stops and g > 7)
       on conflict do nothing"
  sql "insert into churn_answer (response_id, customer_id, kind, score, normalized, negative_comment, recorded_at)
       select gen_random_uuid(), id, 'NPS', i % 11, (i % 11) / 10.0, i % 11 < 4, since + 3 * gap
       from ($ids) c where i % 3 = 0"
  sql "analyze customer_stage"; sql "analyze churn_stage_move"; sql "analyze churn_activity_day"; sql "analyze churn_answer"
  echo "loaded in $(( $(date +%s) - start )) s"
fi
echo "customers: $(sql "select count(*) from customer_stage"), activity days: $(sql "select count(*) from churn_activity_day")"

token() {
  curl -sf -d grant_type=password -d client_id=waymark-cli -d username="$1" -d password=waymark \
    "$keycloak/realms/waymark/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/'
}
admin() { curl -sf -X POST --max-time 1800 -H "Authorization: Bearer $(token demo-admin)" "$gateway$1"; }

echo "== POST /api/analytics/churn-model/train (reads every history, trains, scores everyone)"
started=$(date +%s.%N)
admin /api/analytics/churn-model/train | sed -E 's/.*"version":([0-9]+).*"trainingExamples":([0-9]+).*"reason":"([^"]*)".*"rocAuc":([0-9.]+).*/model \1: \2 training snapshots, held-out AUC \4 (\3)/'
echo "train + score everyone: $(echo "$(date +%s.%N) - $started" | bc) s"
echo "== POST /api/analytics/churn-risk/score (ranking everyone again)"
admin /api/analytics/churn-risk/score; echo

# one request at a time, random benchmark customers; curl's own time (no process start)
analyst=$(token demo-analyst)
for _ in $(seq 1 30); do   # warm-up (JIT, pools), not counted
  curl -s -o /dev/null -H "Authorization: Bearer $analyst" "$gateway/api/analytics/customers/$(sql "select ('bbbbbbbb' || substr(md5('$RANDOM'), 1, 24))::uuid")/churn-risk"
done
ids=$(sql "select ('bbbbbbbb' || substr(md5((1 + floor(random() * $n))::int::text), 1, 24))::uuid from generate_series(1, $requests)")
for id in $ids; do
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $analyst" \
    "$gateway/api/analytics/customers/$id/churn-risk"
done | sort -k2 -n | awk '$1 != 200 { bad++ } { v[NR] = $2 * 1000 } END {
  n = NR; printf "one customer'"'"'s risk: n=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%s\n", n,
  v[int(n * 0.50 + 0.5)], v[int(n * 0.95 + 0.5)], v[int(n * 0.99 + 0.5)], v[n], bad ? "  (" bad " not 200)" : "" }'
next=$(curl -s -H "Authorization: Bearer $analyst" "$gateway/api/analytics/churn-risk?band=high&limit=50" \
  -w '\n%{time_total}' | tee /tmp/waymark-churn-page.txt | head -n 1 | sed -nE 's/.*"next":"([^"]+)".*/\1/p')
echo "ranked list, band high, first page: $(tail -n 1 /tmp/waymark-churn-page.txt | awk '{ printf "%.1f ms", $1 * 1000 }')"
[ -z "$next" ] || curl -s -o /dev/null -w 'ranked list, next page: %{time_total} s\n' -H "Authorization: Bearer $analyst" \
  "$gateway/api/analytics/churn-risk?band=high&limit=50&cursor=$next"
echo "bands: $(sql "select string_agg(band || ' ' || n, ', ') from (select band, count(*) n from churn_score group by band order by band) b")"
