#!/usr/bin/env bash
# Prints the path of async-profiler's native agent (libasyncProfiler.so), fetching the
# tools.profiler:async-profiler jar for linux-x64 from Maven Central into liberty/target on first use.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
version=4.2
dir="$root/liberty/target/async-profiler-$version"
lib="$dir/linux-x64/libasyncProfiler.so"
if [ ! -f "$lib" ]; then
  mkdir -p "$dir"
  mvn -B -q dependency:copy -Dartifact="tools.profiler:async-profiler:$version:jar:linux-x64" \
    -DoutputDirectory="$dir" >&2
  (cd "$dir" && unzip -o -q "async-profiler-$version-linux-x64.jar" 'linux-x64/*')
fi
echo "$lib"
