#!/usr/bin/env bash
# Benchmark: N concurrent multi-turn conversations of the demo bot through the packaged server,
# with the NLP.js peer server measured in the same session (alternating), using ../shared/peers/load.
# Prints a table of turns/s (closed loop) and p50/p95/p99 latency (open loop at a fixed offered rate).
#
# usage: liberty/bench/run.sh [--connections 200] [--duration 20] [--rate 1000] [--rounds 2]
#          [--bot demo|coffee] [--unique 0] [--profile cpu|alloc]
#   --bot      demo: the demo bot with demo-conversations.json; coffee: the Rasa coffee bot of
#              liberty/bench/bots (the NLP.js peer's bot, written as a Rasa user would) with the
#              peer's own script, ../shared/peers/load/coffee.json
#   --unique   share of messages made unique (the load tool's --unique), for both servers; the
#              seed's production mix is 0.62 (38 % repeats), 1 defeats every parse cache
#   --profile  attaches async-profiler (Maven Central: tools.profiler:async-profiler) to Parley
#              after the warm-up of each round and profiles its closed-loop run: CPU (cpu) or
#              allocations (alloc). Writes liberty/target/profile-<event>-<round>.html (a flame
#              graph) and .collapsed, and prints where the CPU went by part of the turn
#              (liberty/bench/cpu-table.js)
# needs: liberty/target/parley.jar (mvn -B package -DskipTests), node, ../shared beside the checkout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${PARLEY_SHARED:-$(cd "$root/../shared" && pwd)}
connections=200 duration=20 rate=1000 rounds=2 warmup=10 bot=demo unique=0 profile=
while [ $# -gt 0 ]; do
  case "$1" in
    --bot) bot=$2; shift 2;;
    --unique) unique=$2; shift 2;;
    --profile) profile=$2; shift 2;;
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
case "$bot" in
  demo) bot_path=demo/bots/demo; parley_script="$here/demo-conversations.json"; server_env=();;
  coffee) bot_path=bench/bots/coffee; parley_script="$shared/peers/load/coffee.json"
          server_env=(PARLEY_BOTS_DIR="$here/bots");;
  *) echo "--bot demo|coffee" >&2; exit 2;;
esac
case "$profile" in
  '') ;;
  cpu|alloc) profiler=$("$here/profiler.sh");;
  *) echo "--profile cpu|alloc" >&2; exit 2;;
esac
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
      --warmup "$warmup" --script "$script" --unique "$unique" "${extra[@]}" \
    | sed "s/^{/{\"server\":\"$name\",\"mode\":\"$mode\",/" | tee -a "$results" >&2
}

for round in $(seq 1 "$rounds"); do
  echo "round $round: parley" >&2
  start_server parley "$parley_port" "${server_env[@]}"; wait_ready parley "$parley_port"
  parley_url="http://127.0.0.1:$parley_port/api/tenants/$bot_path"
  if [ -n "$profile" ]; then
    # warm up first, then profile only the measured closed-loop run
    "$shared/peers/load/run.sh" --url "$parley_url" --connections "$connections" \
        --duration "$warmup" --script "$parley_script" --unique "$unique" > /dev/null
    out="$root/liberty/target/profile-$profile-$round"
    jcmd "$server_pid_parley" JVMTI.agent_load "$profiler" "\"start,event=$profile\"" > /dev/null
    load parley closed "$parley_url" "$parley_script"
    jcmd "$server_pid_parley" JVMTI.agent_load "$profiler" "\"dump,file=$out.collapsed,collapsed\"" > /dev/null
    jcmd "$server_pid_parley" JVMTI.agent_load "$profiler" "\"stop,file=$out.html\"" > /dev/null
    [ "$profile" = cpu ] && node "$here/cpu-table.js" "$out.collapsed" >&2
  else
    load parley closed "$parley_url" "$parley_script"
  fi
  load parley open "$parley_url" "$parley_script" "$rate"
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
