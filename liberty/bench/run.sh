#!/usr/bin/env bash
# Benchmark: N concurrent multi-turn conversations of the demo bot through the packaged server,
# with the NLP.js peer server measured in the same session (alternating), using ../shared/peers/load.
# Prints a table of turns/s (closed loop) and p50/p95/p99 latency (open loop at a fixed offered rate).
#
# usage: liberty/bench/run.sh [--connections 200] [--duration 20] [--rate 1000] [--rounds 2]
# needs: liberty/target/parley.jar (mvn -B package -DskipTests), node, ../shared beside the checkout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${PARLEY_SHARED:-$(cd "$root/../shared" && pwd)}
connections=200 duration=20 rate=1000 rounds=2 warmup=10
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections=$2; shift 2;;
    --duration) duration=$2; shift 2;;
    --rate) rate=$2; shift 2;;
    --rounds) rounds=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
jar="$root/liberty/target/parley.jar"
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
results="$work/results.jsonl"
parley_port=9380 peer_port=5105
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

source "$here/lib.sh"
wait_for() { # url
  for _ in $(seq 1 240); do curl -sf "$1" >/dev/null 2>&1 && return 0; sleep 0.5; done
  echo "not ready: $1" >&2; return 1
}
start_peer() {
  (PORT=$peer_port exec "$shared/peers/nlpjs-server/run.sh" > "$work/peer.log" 2>&1) &
  peer_pid=$!
  wait_for "http://127.0.0.1:$peer_port/health"
}
stop_peer() { kill "$peer_pid" 2>/dev/null; wait "$peer_pid" 2>/dev/null || true; }
load() { # name mode url script [rate]
  local name=$1 mode=$2 url=$3 script=$4 extra=()
  [ "$mode" = open ] && extra=(--rate "$5")
  "$shared/peers/load/run.sh" --url "$url" --connections "$connections" --duration "$duration" \
      --warmup "$warmup" --script "$script" "${extra[@]}" \
    | sed "s/^{/{\"server\":\"$name\",\"mode\":\"$mode\",/" | tee -a "$results" >&2
}

for round in $(seq 1 "$rounds"); do
  echo "round $round: parley" >&2
  start_server parley "$parley_port"; wait_ready parley "$parley_port"
  load parley closed "http://127.0.0.1:$parley_port/api/tenants/demo/bots/demo" "$here/demo-conversations.json"
  load parley open "http://127.0.0.1:$parley_port/api/tenants/demo/bots/demo" "$here/demo-conversations.json" "$rate"
  stop_server parley
  echo "round $round: nlpjs peer" >&2
  start_peer
  load nlpjs closed "http://127.0.0.1:$peer_port" "$shared/peers/load/coffee.json"
  stop_peer; start_peer
  load nlpjs open "http://127.0.0.1:$peer_port" "$shared/peers/load/coffee.json" "$rate"
  stop_peer
done

node - "$results" "$connections" "$rate" <<'JS'
const fs = require('fs');
const [file, connections, rate] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map(l => JSON.parse(l));
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log(`\n${connections} connections; closed loop for turns/s, open loop at ${rate} turns/s for latency; medians of the rounds`);
console.log('| server | closed turns/s | closed errors | open turns/s | open p50 ms | open p95 ms | open p99 ms | open errors |');
console.log('|---|---|---|---|---|---|---|---|');
for (const server of ['parley', 'nlpjs']) {
  const closed = rows.filter(r => r.server === server && r.mode === 'closed');
  const open = rows.filter(r => r.server === server && r.mode === 'open');
  const errs = rs => rs.reduce((n, r) => n + r.errors + r.non_2xx + r.bad_replies, 0);
  const f = x => x.toFixed(1);
  console.log(`| ${server} | ${f(median(closed.map(r => r.turns_per_s)))} | ${errs(closed)} | ${f(median(open.map(r => r.turns_per_s)))} | ${f(median(open.map(r => r.p50_ms)))} | ${f(median(open.map(r => r.p95_ms)))} | ${f(median(open.map(r => r.p99_ms)))} | ${errs(open)} |`);
}
JS
