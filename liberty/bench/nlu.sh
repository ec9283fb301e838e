#!/usr/bin/env bash
# NLU benchmark (prints two tables; not a timed test). For each shared data set: train on train.jsonl
# with the given pipeline (a config.yml), evaluate on test.jsonl with Parley's evaluation report
# classes — training time, intent accuracy, macro-F1, entity F1 (exact span) where labelled —
# then parse throughput and p50/p99 in-process and through a running server's /model/parse; in
# the same run the NLP.js peer on the same splits, side by side. The second table is about
# confidence: argmax accuracy, the threshold (auto unless the config sets one), accuracy at it and
# at 0.7, coverage, precision of the answers, ECE, out-of-scope recall (banking77_oos, whose test
# split labels 600 requests "oos"), accuracy on a seeded noisy copy of the test split (the test
# kit's NoiseGenerator), training time and parse latency.
#
# usage: liberty/bench/nlu.sh [--config FILE] [--sets "snips atis banking77 cais_zh banking77_oos"]
#                             [--plugins DIR] [--no-server] [--no-nlpjs] [--seconds S]
#   --config   the pipeline to train (default: liberty/bench/nlu-config.yml); language is set per set
#   --plugins  a folder of extra plugin jars (as the server's plugin folder)
# needs: mvn, java 17, node + npm (the peer installs node-nlp on first use); for the server
# column: liberty/target/parley.jar (mvn -B package -pl liberty -am -DskipTests).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared=${PARLEY_SHARED:-$(cd "$root/../shared" 2>/dev/null && pwd || echo /work/shared)}
config="$here/nlu-config.yml" sets="snips atis banking77 cais_zh banking77_oos" plugins="" server=1 nlpjs=1 seconds=3
while [ $# -gt 0 ]; do
  case "$1" in
    --config) config=$(cd "$(dirname "$2")" && pwd)/$(basename "$2"); shift 2;;
    --sets) sets=$2; shift 2;;
    --plugins) plugins=$(cd "$2" && pwd); shift 2;;
    --no-server) server=0; shift;;
    --no-nlpjs) nlpjs=0; shift;;
    --seconds) seconds=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
work=$(mktemp -d)
port=9382
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "building the command line (liberty/cli: the core, its plugins and ML libraries)..." >&2
(cd "$root" && mvn -B -q -pl liberty/cli -am package -DskipTests >&2)
cli="$root/liberty/cli/target/parley-cli.jar"

args=(--config "$config" --datasets "$shared/datasets" --sets "${sets// /,}" --seconds "$seconds"
      --out "$root/liberty/target/nlu-bench.json")
[ -n "$plugins" ] && args+=(--plugins "$plugins")

if [ "$nlpjs" = 1 ]; then
  # The peer writes beside its script; run a copy (the shared folder may be read-only), keeping
  # its node_modules between runs.
  peer="$root/liberty/target/bench-nlpjs"
  mkdir -p "$peer/peers" && cp -r "$shared/peers/nlpjs" "$peer/peers/" 2>/dev/null || true
  chmod -R u+w "$peer/peers"
  ln -sfn "$shared/datasets" "$peer/datasets"
  echo "running the NLP.js peer on: $sets" >&2
  plain=${sets//banking77_oos/}
  # shellcheck disable=SC2086
  [ -z "${plain// /}" ] || "$peer/peers/nlpjs/run.sh" $plain > "$work/nlpjs.log" 2>&1 \
    || { tail -20 "$work/nlpjs.log" >&2; exit 1; }
  if [[ " $sets " == *" banking77_oos "* ]]; then
    # the peer's out-of-scope mode: "oos" test lines count for recall (score below its threshold)
    (cd "$peer/peers/nlpjs" && node --max-old-space-size=8192 bench.js banking77_oos en \
      "$shared/datasets/banking77_oos/train.jsonl" "$shared/datasets/banking77_oos/test.jsonl" \
      --oos-label oos) >> "$work/nlpjs.log" 2>&1 || { tail -20 "$work/nlpjs.log" >&2; exit 1; }
  fi
  args+=(--nlpjs "$peer/peers/nlpjs/results")
fi

jar="$root/liberty/target/parley.jar"
source "$here/lib.sh"
if [ "$server" = 1 ] && [ -f "$jar" ]; then
  export PARLEY_ADMIN_PASSWORD=bench-$RANDOM$RANDOM
  server_java_opts="-Xms1g -Xmx2g"
  start_server nlu "$port" PARLEY_DEMO_BOT=false PARLEY_NLU_CACHE_TTL_SECONDS=0 \
    ${plugins:+PARLEY_PLUGIN_DIR="$plugins"}
  wait_ready nlu "$port"
  args+=(--server "http://127.0.0.1:$port")
elif [ "$server" = 1 ]; then
  echo "no $jar: server columns skipped (build it: mvn -B package -pl liberty -am -DskipTests)" >&2
fi

java -Xms1g -Xmx3g -jar "$cli" bench-nlu "${args[@]}" 2> "$work/bench.log" \
  || { tail -30 "$work/bench.log" >&2; exit 1; }
