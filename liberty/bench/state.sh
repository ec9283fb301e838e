#!/usr/bin/env bash
# Benchmark of conversation state at scale (issue 5), through the packaged server:
#  1. turn throughput (closed loop, 200 connections) and latency (open loop at --rate) of the demo
#     bot: embedded H2 vs PostgreSQL, one server vs two servers in a cluster sharing PostgreSQL
#     (two load processes of half the connections each, one per server);
#  2. tracker load time for a conversation of about 1,000 events: from the cache (a hit) and from
#     the store after a restart (a miss), with snapshots (the default) and without.
#
# usage: liberty/bench/state.sh [--connections 200] [--duration 20] [--rate 600] [--rounds 1]
#                               [--events 1000] [--setups h2,pg,cluster,loads]
# needs: liberty/target/parley.jar (mvn -B package -DskipTests), node, PostgreSQL binaries
#        (.ci/postgres installs them), ../shared beside the checkout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${PARLEY_SHARED:-$(cd "$root/../shared" && pwd)}
connections=200 duration=20 rate=600 rounds=1 warmup=10 events=1000 setups="h2,pg,cluster,loads"
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections=$2; shift 2;;
    --duration) duration=$2; shift 2;;
    --rate) rate=$2; shift 2;;
    --rounds) rounds=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    --events) events=$2; shift 2;;
    --setups) setups=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
jar="$root/liberty/target/parley.jar"
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
results="$work/results.jsonl"
source "$here/lib.sh"
pg_port=$(free_port) port_a=$(free_port) port_b=$(free_port) cluster_a=$(free_port) cluster_b=$(free_port)
pg=$(mktemp -u /tmp/parley-bench-pg.XXXXXX)
cleanup() {
  stop_all_servers
  "$root/.ci/postgres" stop "$pg" "$pg_port" 2>/dev/null || true
  rm -rf "$work" "$pg"
}
trap cleanup EXIT
"$root/.ci/postgres" start "$pg" "$pg_port" >&2
export PARLEY_ENCRYPTION_KEYS="bench:$(head -c 32 /dev/urandom | base64)"
# Servers on PostgreSQL or in a cluster are given their secrets; they never generate them.
export PARLEY_ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -d "/+=")"

has() { [[ ",$setups," == *",$1,"* ]]; }
pg_env=(PARLEY_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/parley" PARLEY_DB_USER=parley PARLEY_DB_PASSWORD=parley)
reset_pg() {
  "$root/.ci/postgres" stop "$pg" "$pg_port" >/dev/null
  rm -rf "$pg"
  "$root/.ci/postgres" start "$pg" "$pg_port" >/dev/null
}
bot() { echo "http://127.0.0.1:$1/api/tenants/demo/bots/demo"; }
load() { # setup mode connections url [rate]
  local setup=$1 mode=$2 conns=$3 url=$4 extra=()
  [ "$mode" = open ] && extra=(--rate "$5")
  "$shared/peers/load/run.sh" --url "$url" --connections "$conns" --duration "$duration" \
      --warmup "$warmup" --script "$here/demo-conversations.json" "${extra[@]}" \
    | sed "s/^{/{\"setup\":\"$setup\",\"mode\":\"$mode\",/" || true
}
one_server() { # setup [VAR=value...]
  local setup=$1; shift
  start_server one "$port_a" "$@"; wait_ready one "$port_a"
  load "$setup" closed "$connections" "$(bot $port_a)" | tee -a "$results" >&2
  load "$setup" open "$connections" "$(bot $port_a)" "$rate" | tee -a "$results" >&2
  stop_server one
}
two_servers() { # setup
  local setup=$1 half=$((connections / 2)) members="127.0.0.1:$cluster_a,127.0.0.1:$cluster_b"
  start_server a "$port_a" "${pg_env[@]}" PARLEY_CLUSTER_BIND="127.0.0.1:$cluster_a" PARLEY_CLUSTER_MEMBERS="$members"
  wait_ready a "$port_a"
  start_server b "$port_b" "${pg_env[@]}" PARLEY_CLUSTER_BIND="127.0.0.1:$cluster_b" PARLEY_CLUSTER_MEMBERS="$members"
  wait_ready b "$port_b"
  for mode in closed open; do
    load "$setup" "$mode" "$half" "$(bot $port_a)" $((rate / 2)) > "$work/a.json" &
    local la=$!
    load "$setup" "$mode" "$half" "$(bot $port_b)" $((rate / 2)) > "$work/b.json"
    wait "$la"
    node -e '
      const [a, b] = [process.argv[1], process.argv[2]].map(f => JSON.parse(require("fs").readFileSync(f, "utf8")));
      const sum = k => a[k] + b[k];
      console.log(JSON.stringify({setup: a.setup, mode: a.mode, turns_per_s: sum("turns_per_s"),
        p50_ms: Math.max(a.p50_ms, b.p50_ms), p95_ms: Math.max(a.p95_ms, b.p95_ms),
        p99_ms: Math.max(a.p99_ms, b.p99_ms), non_2xx: sum("non_2xx"), errors: sum("errors")}));
    ' "$work/a.json" "$work/b.json" | tee -a "$results" >&2
  done
  stop_server b; stop_server a
}

for round in $(seq 1 "$rounds"); do
  if has h2; then
    echo "round $round: one server, embedded H2" >&2
    one_server "one server, H2"
  fi
  if has pg; then
    echo "round $round: one server, PostgreSQL" >&2
    reset_pg; one_server "one server, PostgreSQL" "${pg_env[@]}"
  fi
  if has cluster; then
    echo "round $round: two servers (cluster), PostgreSQL" >&2
    reset_pg; two_servers "two servers, PostgreSQL"
  fi
done
touch "$results" "$work/loads.jsonl"

# Tracker load time: build a conversation of about $events events (plus one to warm up), restart,
# then time one load from the store (a miss) and 50 from the cache (hits), from the server's own
# parley_tracker_load_duration summary (sum and count before and after).
metric() { # port source field(sum|count)
  curl -s "http://127.0.0.1:$1/metrics?scope=application" \
    | awk -v s="source=\"$2\"" -v f="parley_tracker_load_duration_seconds_$3" \
        'index($0, f"{") == 1 && index($0, s) { v = $NF } END { print (v == "" ? 0 : v) }'
}
say() { # port sender text
  curl -s -o /dev/null "$(bot "$1")/webhooks/rest/webhook" -H 'Content-Type: application/json' \
    -d "{\"sender\":\"$2\",\"message\":\"$3\"}"
}
event_count() { # port sender
  curl -s "$(bot "$1")/conversations/$2/tracker?include_events=ALL" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).events.length))'
}
timed() { # port sender source count -> mean ms of the loads of this source during count turns
  local s0 c0 s1 c1
  s0=$(metric "$1" "$3" sum); c0=$(metric "$1" "$3" count)
  for _ in $(seq 1 "$4"); do say "$1" "$2" hello; done
  s1=$(metric "$1" "$3" sum); c1=$(metric "$1" "$3" count)
  node -e "const n=$c1-$c0; console.log(n>0 ? (1000*($s1-$s0)/n).toFixed(3) : 'n/a')"
}
for snapshots in 400 0; do
  has loads || break
  name=load-$snapshots
  start_server "$name" "$port_a" PARLEY_TRACKER_SNAPSHOT_EVENTS="$snapshots"; wait_ready "$name" "$port_a"
  for sender in warm long; do
    say "$port_a" "$sender" "I'd like to order a chicken set meal"
    while [ "$(event_count "$port_a" "$sender")" -lt "$events" ]; do
      for _ in $(seq 1 25); do say "$port_a" "$sender" hello; done
    done
  done
  total=$(event_count "$port_a" long)
  stop_server "$name"
  restart_server "$name" "$port_a" PARLEY_TRACKER_SNAPSHOT_EVENTS="$snapshots"; wait_ready "$name" "$port_a"
  say "$port_a" warm hello; timed "$port_a" warm cache 20 >/dev/null
  miss=$(timed "$port_a" long store 1)
  hit=$(timed "$port_a" long cache 50)
  echo "{\"snapshots\":$snapshots,\"events\":$total,\"miss_ms\":\"$miss\",\"hit_ms\":\"$hit\"}" \
    | tee -a "$work/loads.jsonl" >&2
  stop_server "$name"
done

node - "$results" "$work/loads.jsonl" "$connections" "$rate" <<'JS'
const fs = require('fs');
const [file, loads, connections, rate] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(l => JSON.parse(l));
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log(`\n${connections} connections; closed loop for turns/s, open loop at ${rate} turns/s for latency; medians of the rounds`);
console.log('| setup | closed turns/s | open p50 ms | open p95 ms | open p99 ms | errors (closed/open) |');
console.log('|---|---|---|---|---|---|');
for (const setup of [...new Set(rows.map(r => r.setup))]) {
  const closed = rows.filter(r => r.setup === setup && r.mode === 'closed');
  const open = rows.filter(r => r.setup === setup && r.mode === 'open');
  const m = (rs, k) => median(rs.map(r => r[k]));
  const errs = rs => rs.reduce((a, r) => a + r.errors + r.non_2xx, 0);
  console.log(`| ${setup} | ${m(closed, 'turns_per_s').toFixed(0)} | ${m(open, 'p50_ms').toFixed(1)} | ${m(open, 'p95_ms').toFixed(1)} | ${m(open, 'p99_ms').toFixed(1)} | ${errs(closed)}/${errs(open)} |`);
}
console.log('\nTracker load time, conversation of about 1,000 events (mean of the loads, from parley_tracker_load_duration)');
console.log('| snapshots | events | miss (store) ms | hit (cache) ms |');
console.log('|---|---|---|---|');
for (const l of fs.readFileSync(loads, 'utf8').trim().split('\n').filter(Boolean).map(x => JSON.parse(x))) {
  console.log(`| ${l.snapshots ? 'on (every ' + l.snapshots + ' events)' : 'off'} | ${l.events} | ${l.miss_ms} | ${l.hit_ms} |`);
}
JS
