#!/usr/bin/env bash
# Ingest benchmark against a running stack (./waymark up in another terminal):
# creates N customers through the gateway, one after another, then waits until analytics has counted
# them all. Prints create latency (p50/p95/max), throughput, and the lag between the last create and
# analytics having counted everything (outbox relay -> Kafka -> inbox + projection).
#   scripts/bench-ingest.sh [N]          (default 300; loopback only, bounded in count and time)
set -euo pipefail
n=${1:-300}
gw=${WAYMARK_GATEWAY_URL:-http://127.0.0.1:8080}
kc=${WAYMARK_KEYCLOAK_URL:-http://127.0.0.1:28180}
token() {
  curl -sf -d grant_type=password -d client_id=waymark-cli -d "username=$1" -d password=waymark \
    "$kc/realms/waymark/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
total() { curl -sf -H "Authorization: Bearer $analyst" "$gw/api/analytics/stages" | sed 's/.*"total":\([0-9]*\).*/\1/'; }
curl -sf "$gw/q/health/ready" >/dev/null || { echo "no stack at $gw: start ./waymark up first" >&2; exit 1; }
agent=$(token demo-agent); analyst=$(token demo-analyst)
before=$(total)
run=$(date +%s%N); times=$(mktemp); trap 'rm -f "$times"' EXIT
start=$(date +%s%N)
for i in $(seq 1 "$n"); do
  out=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -H "Authorization: Bearer $agent" \
    -H 'Content-Type: application/json' -d "{\"email\":\"bench-$run-$i@example.com\"}" "$gw/api/customers")
  [ "${out%% *}" = 201 ] || { echo "create $i answered ${out%% *}" >&2; exit 1; }
  echo "${out#* }" >> "$times"
done
last=$(date +%s%N)
deadline=$(( $(date +%s) + 120 ))
until [ "$(total)" -ge $(( before + n )) ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "analytics did not count all $n within 120 s" >&2; exit 1; }
  sleep 0.05
done
counted=$(date +%s%N)
sort -n "$times" | awk -v n="$n" -v ms=$(( (last - start) / 1000000 )) -v lag=$(( (counted - last) / 1000000 )) '
  { t[NR] = $1 * 1000 }
  END {
    printf "customers created:        %d (sequential, one client)\n", n
    printf "create latency ms:        p50 %.1f  p95 %.1f  max %.1f\n", t[int(NR*0.5)], t[int(NR*0.95)], t[NR]
    printf "throughput:               %.0f creates/s\n", n / (ms / 1000)
    printf "all counted by analytics: %d ms after the last create\n", lag
  }'
