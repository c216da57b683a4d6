#!/usr/bin/env bash
# Segment previews and customer search at scale, against a running stack (./waymark up in another terminal).
# Loads N customers with traits straight into customer-service's database (a read benchmark: no events are
# published for them; each carries the trait "bench": true and --clean deletes them), then times, through
# the gateway with an analyst's token and one request at a time:
#   - POST /api/segments/preview  'stage = "RETENTION" and traits.plan = "pro"'   (the indexed filter)
#   - GET  /api/customers?q=<text> with texts that match one customer, a few, and many
# and prints p50 / p95 / p99 / max of each.
#   scripts/bench-segments.sh [N] [requests]   (defaults 1000000 and 200; loads only what is missing)
#   scripts/bench-segments.sh --clean          (deletes the benchmark customers)
set -euo pipefail
pg_port=${WAYMARK_PG_PORT:-25432}
gateway=http://127.0.0.1:${WAYMARK_GATEWAY_PORT:-8080}
keycloak=http://127.0.0.1:${WAYMARK_KEYCLOAK_PORT:-28180}
psql_bin=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$psql_bin" ] || { echo "needs psql (apt-get install postgresql-client)" >&2; exit 1; }
sql() { PGPASSWORD=waymark "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U customer -d customer -qAtX -c "$1"; }

if [ "${1:-}" = "--clean" ]; then
  sql "delete from customer where traits @> '{\"bench\": true}'"; sql "vacuum analyze customer"; exit 0
fi
n=${1:-1000000}
requests=${2:-200}
curl -sf "$gateway/q/health/ready" >/dev/null || { echo "the gateway is not up: start ./waymark up first" >&2; exit 1; }

have=$(sql "select count(*) from customer where traits @> '{\"bench\": true}'")
if [ "$have" -lt "$n" ]; then
  echo "loading $((n - have)) customers (about a minute per 250k on 2 cores) ..."
  start=$(date +%s)
  # names and plans from small lists, so text and trait filters match realistic shares of customers
  sql "insert into customer (id, email, first_name, last_name, traits, stage, stage_since, created_at, updated_at)
       select gen_random_uuid(),
              'bench-' || i || '@' || (array['example.com','mail.test','corp.test'])[1 + i % 3],
              (array['Ada','Grace','Alan','Edsger','Barbara','Donald','Frances','Ken','Radia','Tim'])[1 + i % 10],
              (array['Lovelace','Hopper','Turing','Dijkstra','Liskov','Knuth','Allen','Thompson','Perlman','Lee',
                     'Hamilton','Ritchie','Kay','Wirth','Backus','Goldberg','Sammet','Cerf','Kahn','Torvalds'])[1 + (i / 10) % 20] || (i % 1000),
              jsonb_build_object('bench', true, 'plan', (array['free','starter','pro','business','enterprise'])[1 + (i / 7) % 5],
                                 'seats', 1 + i % 50, 'country', (array['DE','FR','US','GB','NL','SE','ES','IT'])[1 + (i / 11) % 8],
                                 'tags', jsonb_build_array('cohort-' || (i % 12), case when (i / 5) % 4 = 0 then 'beta' else 'ga' end)),
              (array['AWARENESS','CONSIDERATION','PURCHASE','ONBOARDING','RETENTION','ADVOCACY'])[1 + (i / 3) % 6],
              now() - (i % 400) * interval '1 day', now() - (i % 700) * interval '1 day', now()
       from generate_series($((have + 1)), $n) as i"
  sql "analyze customer"
  echo "loaded in $(( $(date +%s) - start )) s"
fi
echo "customers in the database: $(sql "select count(*) from customer where status = 'active'")"

# a fresh analyst token for each series (tokens live five minutes)
fetch_token() {
  token=$(curl -sf -d grant_type=password -d client_id=waymark-cli -d username=demo-analyst -d password=waymark \
    "$keycloak/realms/waymark/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
}

# times one request per line of stdin (method url [body]); prints the statistics
measure() {
  local label=$1 times=() t code started=$SECONDS
  fetch_token
  while IFS='|' read -r method url body; do
    if [ -n "$body" ]; then
      read -r code t < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -X "$method" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d "$body" "$gateway$url")
    else
      read -r code t < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" "$gateway$url")
    fi
    [ "$code" = 200 ] || { echo "$label: $method $url answered $code" >&2; exit 1; }
    times+=("$t")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" '{ v[NR] = $1 * 1000 } END {
    printf "%-46s n=%d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms\n", label, NR,
      v[int(NR * 0.50 + 0.5)], v[int(NR * 0.95 + 0.5)], v[int(NR * 0.99 + 0.5)], v[NR] }'
  [ "$((SECONDS - started))" -lt 240 ] || echo "  (this series took $((SECONDS - started)) s)" >&2
}

# warm-up (JIT, pools, caches), not counted
fetch_token
for _ in $(seq 1 20); do
  curl -s -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"filter":"stage = \"RETENTION\" and traits.plan = \"pro\""}' "$gateway/api/segments/preview"
  curl -s -o /dev/null -H "Authorization: Bearer $token" "$gateway/api/customers?q=hopper"
done

for _ in $(seq 1 "$requests"); do
  echo 'POST|/api/segments/preview|{"filter":"stage = \"RETENTION\" and traits.plan = \"pro\""}'
done | measure 'preview: stage + trait equality'
for _ in $(seq 1 "$requests"); do
  echo "POST|/api/segments/preview|{\"filter\":\"traits.country = \\\"$(shuf -n1 -e DE FR US GB NL SE ES IT)\\\" and stage in (\\\"PURCHASE\\\", \\\"ONBOARDING\\\") and traits.tags contains \\\"beta\\\"\"}"
done | measure 'preview: trait, stage list, array contains'
for _ in $(seq 1 "$requests"); do echo "GET|/api/customers?q=bench-$(shuf -i 1-"$n" -n 1)@|"; done \
  | measure 'q: one customer (bench-<n>@)'
for _ in $(seq 1 "$requests"); do echo "GET|/api/customers?q=$(shuf -n1 -e lovelace hopper turing liskov knuth)$(shuf -i 100-999 -n 1)|"; done \
  | measure 'q: a name and number (~1 in 20,000)'
for _ in $(seq 1 "$requests"); do echo "GET|/api/customers?q=$(shuf -n1 -e grace alan knuth corp.test)|"; done \
  | measure 'q: a common term (1 in 3 to 1 in 20)'
