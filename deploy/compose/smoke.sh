#!/usr/bin/env bash
# Smoke test of the compose deployment on the local Docker engine: brings the suite up with the local stand-ins
# (docker-compose.local.yml; every image built by deploy/images/build-images.sh), waits until every container is
# healthy, then goes through the gateway like a user: creates an account, stores a key of the simulated exchange as
# its `sim` credential, reads candles, places two orders on `sim` (one resting, one filled), then asks Prometheus for
# the order and fill counters under the venue label and for every metric the Grafana dashboard queries (Grafana
# itself has no local stand-in). Tears everything down (volumes included) at the end, pass or fail. Exit status 0 =
# all passed.
#   deploy/compose/smoke.sh            KEEP=1 leaves the suite running (docker-compose -p aviary-smoke ... down -v)
# Secrets are generated for this run only (a throw-away env file); ports are free ones on 127.0.0.1, so a running
# ./run.sh or another compose project is not disturbed. SMOKE_TIMEOUT (600 s): how long the suite may take to start;
# METRICS_TIMEOUT (120 s): how long Prometheus may take to show the orders (it scrapes every 15 s). SMOKE_PROJECT names
# the compose project; AVIARY_IMAGE_TAG (local) the images' tag (build-images.sh's IMAGE_TAG).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

PROJECT=${SMOKE_PROJECT:-aviary-smoke}
TIMEOUT=${SMOKE_TIMEOUT:-600}
# everything but Grafana, which has no local stand-in (see docker-compose.local.yml)
SERVICES=(postgres kafka topics mqtt sim-exchange gateway accounts-service trading-service market-data-service
          orchestration-service backtesting-service archive-service prometheus)
say() { printf '%s smoke: %s\n' "$(date +%T)" "$*"; }
fail() { say "FAILED: $*"; exit 1; }

work=$(mktemp -d /tmp/aviary-smoke.XXXXXX)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
secret() { head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
gateway_port=$(free_port); sim_port=$(free_port); prometheus_port=$(free_port)
{
  echo "AVIARY_API_USERNAME=smoke"
  for name in AVIARY_API_PASSWORD CONFIG_PASSWORD AVIARY_INTERNAL_TOKEN AVIARY_CREDENTIALS_TOKEN POSTGRES_PASSWORD \
      ACCOUNTS_DB_PASSWORD TRADING_DB_PASSWORD MARKET_DATA_DB_PASSWORD ORCHESTRATION_DB_PASSWORD \
      BACKTESTING_DB_PASSWORD ARCHIVE_DB_PASSWORD GRAFANA_ADMIN_PASSWORD; do
    echo "$name=$(secret)"
  done
  echo "AVIARY_GATEWAY_PORT=$gateway_port"
  echo "AVIARY_SIM_EXCHANGE_PORT=$sim_port"
  echo "AVIARY_PROMETHEUS_PORT=$prometheus_port"
  echo "AVIARY_GRAFANA_PORT=$(free_port)"
} > "$work/env"
compose() { docker-compose -p "$PROJECT" --env-file "$work/env" -f docker-compose.yml -f docker-compose.local.yml "$@"; }

finish() {
  status=$?
  if [ "$status" -ne 0 ]; then
    say "last log lines of every container:"
    compose logs --no-color --tail 20 2>&1 | tail -n 300 || true
  fi
  if [ -z "${KEEP:-}" ]; then
    say "tearing down"
    compose down -v --remove-orphans >/dev/null 2>&1 || true
  else
    say "KEEP=1: left running; stop with: docker-compose -p $PROJECT -f docker-compose.yml -f docker-compose.local.yml down -v"
  fi
  rm -rf "$work"
  exit "$status"
}
trap finish EXIT

t0=$(date +%s)
say "starting ${#SERVICES[@]} containers (project $PROJECT, gateway on 127.0.0.1:$gateway_port)"
compose up -d --no-build "${SERVICES[@]}" > "$work/up.log" 2>&1 || { cat "$work/up.log"; fail "docker-compose up"; }

# every long-running container healthy (those without a health check: running), the topic step exited 0
deadline=$((t0 + TIMEOUT))
while :; do
  states=$(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT" | xargs -r docker inspect --format \
    '{{index .Config.Labels "com.docker.compose.service"}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.State.ExitCode}} {{.RestartCount}}')
  waiting=()
  for service in "${SERVICES[@]}"; do
    state=$(echo "$states" | awk -v s="$service" '$1 == s { $1 = ""; print substr($0, 2) }')
    # status, health, exit code, restarts: a container that keeps failing (e.g. a configuration it refuses) fails now
    [ -n "$state" ] && [ "${state##* }" -ge 5 ] && fail "$service keeps restarting ($state)"
    case "$service $state" in
      "$service ") waiting+=("$service(absent)") ;;
      "topics exited none 0 "*) ;;
      "topics exited "*) fail "topic provisioning failed ($state)" ;;
      *" running healthy "*|*" running none "*) ;;
      *" exited "*|*" dead "*) fail "$service stopped ($state)" ;;
      *) waiting+=("$service") ;;
    esac
  done
  [ ${#waiting[@]} -eq 0 ] && break
  [ "$(date +%s)" -lt "$deadline" ] || fail "not healthy after ${TIMEOUT} s: ${waiting[*]}"
  sleep 2
done
say "all healthy in $(( $(date +%s) - t0 )) s"

user=smoke
password=$(sed -n 's/^AVIARY_API_PASSWORD=//p' "$work/env")
gateway=http://127.0.0.1:$gateway_port
# call <method> <url> [json body]: sets $code and $body (never in a subshell: $code must reach the caller);
# through the gateway with Basic auth
call() {
  local auth=() data=()
  [[ "$2" == "$gateway"* ]] && auth=(-u "$user:$password")
  [ $# -ge 3 ] && data=(-H 'Content-Type: application/json' --data "$3")
  code=$(curl -sS -o "$work/body" -w '%{http_code}' -X "$1" "${auth[@]}" "${data[@]}" "$2") || code=000
  body=$(cat "$work/body")
}
expect() { # expect <status> <what>
  [ "$code" = "$1" ] || fail "$2: HTTP $code, expected $1: $(head -c 300 "$work/body")"
  say "ok: $2"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

call POST "$gateway/accounts/add-account?account_name=smoke"
expect 201 "account created"

call POST "http://127.0.0.1:$sim_port/api/v1/api-keys" '{"label":"compose-smoke"}'
key=$body
expect 201 "API key made on the simulated exchange"
credential=$(echo "$key" | json 'json.dumps({"sim_api_key": d["api_key"], "sim_api_secret": d["api_secret"]})')
call POST "$gateway/accounts/add-credential/smoke/sim" "$credential"
expect 201 "sim credential stored"

call POST "$gateway/market-data/candles" '{"connector_name":"sim","trading_pair":"BTC-USDT","interval":"1m","max_records":5}'
expect 200 "candles read"
candles=$body
[ "$(echo "$candles" | json 'len(d)')" = 5 ] || fail "expected 5 candles: $(echo "$candles" | head -c 300)"

order() { # order <pair> <price>
  call POST "$gateway/trading/orders" "{\"account_name\":\"smoke\",\"connector_name\":\"sim\",\"trading_pair\":\"$1\",\
\"trade_type\":\"BUY\",\"order_type\":\"LIMIT\",\"amount\":0.001,\"price\":$2}"
}
# the session is live once an order for a pair the venue does not list is refused as such (400), not "no session"
for _ in $(seq 1 60); do
  order NOPE-USDT 1
  [ "$code" = 400 ] && break
  sleep 1
done
expect 400 "trading session on sim is live"
# a bid 5 % under the last close: rests on the book, well above the venue's minimum notional
price=$(echo "$candles" | json 'int(float(d[-1]["close"]) * 0.95)')
order BTC-USDT "$price"
expect 201 "limit order placed on sim (BUY 0.001 BTC-USDT at $price)"
[ "$(echo "$body" | json 'd["order_status"]')" = OPEN ] || fail "the order is not open on the venue: $body"
# a bid 5 % over the last close crosses the book: a fill, so the dashboard's fill panel has data too
price=$(echo "$candles" | json 'int(float(d[-1]["close"]) * 1.05)')
order BTC-USDT "$price"
expect 201 "marketable limit order placed on sim (BUY 0.001 BTC-USDT at $price)"

# The dashboard's data (deploy/grafana/aviary-overview.json, Grafana itself has no local stand-in): Prometheus, scraping
# with deploy/prometheus/prometheus.yml, must show the orders under the venue's label within METRICS_TIMEOUT, and know
# every metric the dashboard's queries name, so a renamed metric fails here.
metrics_timeout=${METRICS_TIMEOUT:-120}
prometheus=http://127.0.0.1:$prometheus_port
promql() { # promql <expression>: the scalar value of a one-series result, or "none"
  curl -sS -G "$prometheus/api/v1/query" --data-urlencode "query=$1" 2>/dev/null \
    | json '(d["data"]["result"][0]["value"][1] if d.get("status") == "success" and d["data"]["result"] else "none")' \
    2>/dev/null || echo none
}
t_metrics=$(date +%s)
wanted=('sum(aviary_orders_total{venue="sim",outcome="placed"})' 'sum(aviary_fills_total{venue="sim"})')
for expression in "${wanted[@]}"; do
  while :; do
    value=$(promql "$expression")
    [ "$value" != none ] && python3 -c "import sys; sys.exit(0 if float('$value') >= 1 else 1)" && break
    [ $(( $(date +%s) - t_metrics )) -lt "$metrics_timeout" ] || fail "Prometheus: $expression is $value after ${metrics_timeout} s"
    sleep 2
  done
  say "ok: Prometheus shows $expression = $value ($(( $(date +%s) - t_metrics )) s after the orders)"
done
curl -sS "$prometheus/api/v1/label/__name__/values" > "$work/names" || fail "Prometheus: metric names not readable"
python3 - ../grafana/aviary-overview.json "$work/names" "$prometheus" > "$work/dashboard-check" 2>&1 <<'PY' \
  || { cat "$work/dashboard-check"; fail "the dashboard names metrics Prometheus does not have, or a query Prometheus refuses"; }
import json, re, sys, urllib.parse, urllib.request
dashboard, names, prometheus = json.load(open(sys.argv[1])), set(json.load(open(sys.argv[2]))["data"]), sys.argv[3]
# counters Micrometer registers on their first event (tags only known then): none in a fresh suite, so they are checked
# by their Micrometer name in the services' sources instead (deploy/compose/smoke.sh, below)
EVENT_ONLY = {"aviary_reconciliation_corrections_total"}
def panels(node):
    for panel in node.get("panels", []):
        yield panel
        yield from panels(panel)
expressions = [t["expr"] for p in panels(dashboard) for t in p.get("targets", []) if t.get("expr")]
assert expressions, "no queries in the dashboard"
missing, refused, used = set(), [], set()
for expr in expressions:
    for name in re.findall(r"\b((?:aviary|http_server|jvm)_[a-z0-9_]+)\b", expr):
        used.add(name)
        if name not in names and name not in EVENT_ONLY:
            missing.add(name)
    query = expr.replace("$__rate_interval", "1m").replace("$__interval", "1m")
    answer = json.load(urllib.request.urlopen(prometheus + "/api/v1/query?" + urllib.parse.urlencode({"query": query})))
    if answer.get("status") != "success":
        refused.append(expr)
print("dashboard: %d queries, %d metrics; missing in Prometheus: %s; refused queries: %s"
      % (len(expressions), len(used), sorted(missing) or "none", refused or "none"))
for name in sorted(EVENT_ONLY):
    print("event-only:", name)
sys.exit(1 if missing or refused else 0)
PY
say "ok: $(head -n 1 "$work/dashboard-check")"
# the event-only metrics exist in the code under their Micrometer names (aviary_x_y_total <- "aviary.x.y")
for name in $(sed -n 's/^event-only: //p' "$work/dashboard-check"); do
  meter=$(echo "${name%_total}" | tr _ .)
  grep -rqF "\"$meter\"" ../../*/src/main/java || fail "the dashboard's $name: no meter \"$meter\" in the services' code"
  say "ok: $name is registered on its first event (meter \"$meter\" in the code)"
done

say "PASSED in $(( $(date +%s) - t0 )) s"
