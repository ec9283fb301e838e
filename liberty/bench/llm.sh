#!/usr/bin/env bash
# Benchmark: turn latency with an LLM generator on. The demo bot rephrases every response through
# the stub LLM (a real HTTP server from the test kit) answering in 200 ms, then in 3 s (beyond the
# 1.5 s timeout): once with the circuit breaker as configured by default, once with it kept closed
# so every turn waits for the timeout. Closed loop at N concurrent conversations; prints a table.
#
# usage: liberty/bench/llm.sh [--connections 50] [--duration 20] [--warmup 10]
# needs: liberty/target/parley.jar (mvn -B package -pl liberty -am -DskipTests), node, ../shared beside the checkout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${PARLEY_SHARED:-$(cd "$root/../shared" && pwd)}
connections=50 duration=20 warmup=10
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections=$2; shift 2;;
    --duration) duration=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
jar="$root/liberty/target/parley.jar"
[ -f "$jar" ] || { echo "build first: mvn -B package -pl liberty -am -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
results="$work/results.jsonl"
parley_port=9381 stub_port=9301
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "building the stub LLM (test kit) and its classpath..." >&2
(cd "$root" && mvn -B -q -pl plugins/testkit -am package dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/stub-cp.txt" >&2)
stub_cp=$(cat "$work/stub-cp.txt")
stub_cp="$root/plugins/testkit/target/classes:$stub_cp"

# The demo bot, rephrased by an LLM behind the connection "bench".
mkdir -p "$work/bots/bench"
cp -r "$root/platform-core/src/main/resources/demo-bot" "$work/bots/bench/demo"
printf '  generator:\n    name: OpenAiChatGenerator\n    connection: bench\n' \
  >> "$work/bots/bench/demo/config.yml"

start_stub() { # delay_ms
  java -cp "$stub_cp" dev.parley.plugins.testkit.StubLlmServer --port "$stub_port" --delay-ms "$1" \
    > "$work/stub.log" 2>&1 &
  stub_pid=$!
  for _ in $(seq 1 40); do grep -q "stub LLM on port" "$work/stub.log" 2>/dev/null && return 0; sleep 0.25; done
  echo "the stub LLM did not start:" >&2; cat "$work/stub.log" >&2; exit 1
}
stop_stub() { kill "$stub_pid" 2>/dev/null || true; wait "$stub_pid" 2>/dev/null || true; }
source "$here/lib.sh"
outcomes() { # how the replies were made, from the server's metrics
  curl -s "http://127.0.0.1:$parley_port/metrics?scope=application" | node -e '
    const lines = require("fs").readFileSync(0, "utf8").split("\n");
    const sum = re => lines.filter(l => re.test(l)).reduce((n, l) => n + Number(l.split(" ").pop()), 0);
    const out = { generated: sum(/^parley_llm_generated_total\{/) };
    for (const l of lines.filter(l => l.startsWith("parley_llm_fallbacks_total{"))) {
      const reason = /reason="([^"]+)"/.exec(l)[1];
      out[reason] = (out[reason] || 0) + Number(l.split(" ").pop());
    }
    console.log(JSON.stringify(out));'
}
run() { # name delay_ms [env...]
  local name=$1 delay=$2; shift 2
  echo "scenario $name" >&2
  start_stub "$delay"
  start_server parley "$parley_port" PARLEY_DEMO_BOT=false PARLEY_BOTS_DIR="$work/bots" \
    PARLEY_LLM_BENCH_BASE_URL="http://127.0.0.1:$stub_port/bench/v1" PARLEY_LLM_BENCH_MODEL=stub \
    PARLEY_LLM_TENANT_MAX_CONCURRENT=64 "$@"
  wait_ready parley "$parley_port"
  local line
  line=$("$shared/peers/load/run.sh" --url "http://127.0.0.1:$parley_port/api/tenants/bench/bots/demo" \
      --connections "$connections" --duration "$duration" --warmup "$warmup" \
      --script "$here/demo-conversations.json")
  echo "{\"scenario\":\"$name\",\"outcomes\":$(outcomes),${line#\{}" | tee -a "$results" >&2
  stop_server parley
  stop_stub
}

run "LLM 200 ms" 200
run "LLM 3 s, circuit breaker on" 3000
run "LLM 3 s, circuit kept closed" 3000 PARLEY_LLM_CIRCUIT_MINIMUM_CALLS=100000 PARLEY_LLM_CIRCUIT_WINDOW=100000

node - "$results" "$connections" <<'JS'
const fs = require('fs');
const [file, connections] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').map(l => JSON.parse(l));
console.log(`\n${connections} concurrent conversations (closed loop), demo bot, every response through the LLM; timeout 1.5 s`);
console.log('| scenario | turns/s | p50 ms | p95 ms | p99 ms | max ms | errors | replies generated / template (reasons) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const { generated, ...fallbacks } = r.outcomes;
  const reasons = Object.entries(fallbacks).map(([k, v]) => `${k} ${v}`).join(', ') || '-';
  console.log(`| ${r.scenario} | ${r.turns_per_s.toFixed(1)} | ${r.p50_ms.toFixed(1)} | ${r.p95_ms.toFixed(1)} | ${r.p99_ms.toFixed(1)} | ${r.max_ms.toFixed(1)} | ${r.errors + r.non_2xx + r.bad_replies} | ${generated} / ${reasons} |`);
}
JS
