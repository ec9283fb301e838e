#!/usr/bin/env bash
# Benchmark: N concurrent multi-turn conversations through the packaged server, with the NLP.js
# peer server measured in the same session, using ../shared/peers/load. Parley starts once and runs
# to the end, as a deployed server does: a warm-up of load, then measured rounds that alternate with
# the peer's (closed loop for turns/s, then open loop at a fixed offered rate for latency; the peer
# gets a new process for each round, warmed up as long). Prints each round and the medians, so the
# first round after the warm-up can be set against the later ones.
#
# usage: liberty/bench/run.sh [--connections 200] [--duration 20] [--rate 1000] [--rounds 3]
#          [--warmup 30] [--round-warmup 5] [--bot demo|coffee] [--unique 0] [--profile cpu|alloc]
#   --warmup   seconds of unmeasured load on Parley after it is ready and on each new peer
#              process (Parley's own start-up warm-up, PARLEY_WARMUP_SECONDS, runs before ready)
#   --round-warmup  seconds of load before each measured round (the load tool's --warmup), so
#              each round starts with conversations in flight
#   --bot      demo: the demo bot with demo-conversations.json; coffee: the Rasa coffee bot of
#              liberty/bench/bots (the NLP.js peer's bot, written as a Rasa user would) with the
#              peer's own script, ../shared/peers/load/coffee.json
#   --unique   share of messages made unique (the load tool's --unique), for both servers; the
#              seed's production mix is 0.62 (38 % repeats), 1 defeats every parse cache
#   --profile  attaches async-profiler (Maven Central: tools.profiler:async-profiler) to Parley for
#              each closed-loop round: CPU (cpu) or allocations (alloc). Writes
#              liberty/target/profile-<event>-<round>.html (a flame graph) and .collapsed, and
#              prints where the CPU went by part of the turn (liberty/bench/cpu-table.js)
# needs: liberty/target/parley.jar (mvn -B package -DskipTests), node, ../shared beside the checkout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${PARLEY_SHARED:-$(cd "$root/../shared" && pwd)}
connections=200 duration=20 rate=1000 rounds=3 warmup=30 round_warmup=5 bot=demo unique=0 profile=
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
    --round-warmup) round_warmup=$2; shift 2;;
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
parley_port=9380 peer_port=5105 peer_pid=
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
stop_peer() { [ -z "$peer_pid" ] || { kill "$peer_pid" 2>/dev/null || true; wait "$peer_pid" 2>/dev/null || true; }; }
# The peer keeps every conversation in memory and slows down as they pile up (1,232, 972 and 777
# turns/s in three rounds of one process), so each of its rounds gets a new process, warmed up with
# as much load as Parley got after its start (--warmup).
fresh_peer() {
  stop_peer; start_peer
  warm "$peer_url" "$peer_script" "$warmup"
}
load() { # name mode url script round [rate]: one measured run, recorded in $results
  local name=$1 mode=$2 url=$3 script=$4 round=$5 extra=()
  [ "$mode" = open ] && extra=(--rate "$6")
  "$shared/peers/load/run.sh" --url "$url" --connections "$connections" --duration "$duration" \
      --warmup "$round_warmup" --script "$script" --unique "$unique" "${extra[@]}" \
    | sed "s/^{/{\"server\":\"$name\",\"mode\":\"$mode\",\"round\":$round,/" | tee -a "$results" >&2
}
warm() { # url script seconds: load that is not measured
  "$shared/peers/load/run.sh" --url "$1" --connections "$connections" --duration "$3" \
      --script "$2" --unique "$unique" > /dev/null
}

# Parley runs for the whole benchmark, as a deployed server does: one warm-up, then measured rounds
# that alternate with the peer's, so they show how Parley's speed develops as the JIT compiles, and
# the machine's noise affects both servers alike.
echo "starting parley" >&2
start_server parley "$parley_port" "${server_env[@]}"; wait_ready parley "$parley_port"
parley_url="http://127.0.0.1:$parley_port/api/tenants/$bot_path"
peer_url="http://127.0.0.1:$peer_port"
peer_script="$shared/peers/load/coffee.json"
echo "warm-up: ${warmup} s of load on parley" >&2
warm "$parley_url" "$parley_script" "$warmup"
for round in $(seq 1 "$rounds"); do
  echo "round $round, closed loop: parley" >&2
  if [ -n "$profile" ]; then
    out="$root/liberty/target/profile-$profile-$round"
    jcmd "$server_pid_parley" JVMTI.agent_load "$profiler" "\"start,event=$profile\"" > /dev/null
    load parley closed "$parley_url" "$parley_script" "$round"
    jcmd "$server_pid_parley" JVMTI.agent_load "$profiler" "\"dump,file=$out.collapsed,collapsed\"" > /dev/null
    jcmd "$server_pid_parley" JVMTI.agent_load "$profiler" "\"stop,file=$out.html\"" > /dev/null
    [ "$profile" = cpu ] && node "$here/cpu-table.js" "$out.collapsed" >&2
  else
    load parley closed "$parley_url" "$parley_script" "$round"
  fi
  echo "round $round, closed loop: nlpjs peer" >&2
  fresh_peer
  load nlpjs closed "$peer_url" "$peer_script" "$round"
done
for round in $(seq 1 "$rounds"); do
  echo "round $round, open loop at $rate turns/s: parley, nlpjs peer" >&2
  load parley open "$parley_url" "$parley_script" "$round" "$rate"
  fresh_peer
  load nlpjs open "$peer_url" "$peer_script" "$round" "$rate"
done
stop_server parley
stop_peer

node - "$results" "$connections" "$rate" <<'JS'
const fs = require('fs');
const [file, connections, rate] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map(l => JSON.parse(l));
const median = xs => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
console.log(`\n${connections} connections; closed loop for turns/s, open loop at ${rate} turns/s for latency`);
console.log('| server | closed turns/s: median (rounds) | closed errors | open turns/s | open p50 ms | open p95 ms | open p99 ms: median (rounds) | open errors |');
console.log('|---|---|---|---|---|---|---|---|');
const byRound = rs => [...rs].sort((a, b) => a.round - b.round);
let firstRound = '';
for (const server of ['parley', 'nlpjs']) {
  const closed = byRound(rows.filter(r => r.server === server && r.mode === 'closed'));
  const open = byRound(rows.filter(r => r.server === server && r.mode === 'open'));
  const errs = rs => rs.reduce((n, r) => n + r.errors + r.non_2xx + r.bad_replies, 0);
  const f = x => x.toFixed(1);
  const each = xs => xs.map(x => x.toFixed(0)).join(', ');
  const rate = closed.map(r => r.turns_per_s), p99 = open.map(r => r.p99_ms);
  console.log(`| ${server} | ${f(median(rate))} (${each(rate)}) | ${errs(closed)} | ${f(median(open.map(r => r.turns_per_s)))} | ${f(median(open.map(r => r.p50_ms)))} | ${f(median(open.map(r => r.p95_ms)))} | ${f(median(p99))} (${each(p99)}) | ${errs(open)} |`);
  if (server === 'parley' && rate.length > 1) {
    firstRound = `\nparley's first round: ${(100 * rate[0] / median(rate.slice(1))).toFixed(0)} % of the later rounds' median`;
  }
}
if (firstRound) console.log(firstRound);
JS
