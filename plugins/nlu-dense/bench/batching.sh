#!/usr/bin/env bash
# Micro-batching benchmark of the sentence encoder: embeddings/s at 1 and 200 concurrent callers,
# batching on and off, with p50/p99 per call and the mean batch size. Prints a Markdown table.
# usage: plugins/nlu-dense/bench/batching.sh [-Dmodel=all-minilm-l6-v2-q] [-Dseconds=5]
#          [-Dcallers=1,200] [-Dbatch=32] [-Dparley.nlu.batch.wait.micros=2000]
# Builds the module and its upstream modules without tests (offline), then runs
# dev.parley.plugins.nlu.dense.BatchingBenchmark. About a minute with the defaults.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
mvn -B -o -q -pl plugins/nlu-dense -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
module=plugins/nlu-dense
cp="$module/target/test-classes:$module/target/classes:$(cat $module/target/bench-classpath.txt)"
exec java -Xmx1g "$@" -cp "$cp" dev.parley.plugins.nlu.dense.BatchingBenchmark
