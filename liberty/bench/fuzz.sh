#!/usr/bin/env bash
# Robustness harness (issue 22): starts one packaged server (embedded H2, the demo bot) on loopback
# and sends it generated requests (liberty/bench/fuzz.js: malformed and deeply nested JSON, wrong
# types, huge and empty fields, invalid UTF-8, NUL and control characters, encoded path tricks,
# wrong methods and media types, header abuse, malformed HTTP, random bytes; with and without
# credentials) against every public and admin route. Prints the fuzzer's table, then the server's
# heap after a full GC at three points: when ready, after a warm-up of 2,000 requests (caches and
# pools filled), and at the end. Exit status 1 when a target is missed: a 5xx other than 503, a
# non-JSON error body, a stack trace or Java class name in a body, or the heap at the end more than
# 10 % above the heap after the warm-up.
#
# usage: liberty/bench/fuzz.sh [--requests 100000] [--duration 600] [--seed 1] [--concurrency 8]
#        liberty/bench/fuzz.sh --soak MINUTES [--connections 50]
#   --duration  upper bound of the fuzzing in seconds (it stops at --requests or then)
#   --soak      instead of fuzzing: finds the closed-loop maximum of the demo bot (20 s), then runs
#               MINUTES at 50 % of it (open loop), printing heap (after a full GC) and RSS every
#               minute; needs ../shared/peers/load (as run.sh)
# needs: liberty/target/parley.jar (mvn -B package -DskipTests), node, jcmd (the JDK).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
requests=100000 duration=600 seed=1 concurrency=8 soak='' connections=50
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift 2;;
    --duration) duration=$2; shift 2;;
    --seed) seed=$2; shift 2;;
    --concurrency) concurrency=$2; shift 2;;
    --soak) soak=$2; shift 2;;
    --connections) connections=$2; shift 2;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
jar="$root/liberty/target/parley.jar"
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
command -v jcmd >/dev/null || { echo "needs jcmd (a JDK)" >&2; exit 2; }
work=$(mktemp -d)
source "$here/lib.sh"
trap 'stop_all_servers; rm -rf "$work"' EXIT
port=$(free_port)
password="fuzz-$(head -c 12 /dev/urandom | base64 | tr -d '/+=')"
url="http://127.0.0.1:$port"

start_server fuzz "$port" PARLEY_ADMIN_PASSWORD="$password" PARLEY_HTTP_HOST=127.0.0.1
wait_ready fuzz "$port"
pid=$server_pid_fuzz

heap_after_gc() { # prints the used heap in MB after a full GC
  jcmd "$pid" GC.run >/dev/null
  jcmd "$pid" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/K,?$/, "", v); print int(v / 1024); exit } }'
}
rss_mb() { echo $(( $(ps -o rss= -p "$pid") / 1024 )); }

if [ -n "$soak" ]; then
  shared=${PARLEY_SHARED:-$(cd "$root/../shared" 2>/dev/null && pwd || true)}
  [ -x "$shared/peers/load/run.sh" ] || { echo "--soak needs ../shared/peers/load" >&2; exit 2; }
  bot_url="$url/api/tenants/demo/bots/demo"
  echo "finding the closed-loop maximum ($connections connections, 20 s)" >&2
  max=$("$shared/peers/load/run.sh" --url "$bot_url" --connections "$connections" --duration 20 --warmup 5 \
          --script "$here/demo-conversations.json" | tail -1 | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(Math.floor(JSON.parse(s).turns_per_s)))')
  rate=$(( max / 2 ))
  echo "closed-loop maximum $max turns/s; soak at $rate turns/s for $soak minutes" >&2
  echo "| minute | heap after GC MB | RSS MB |"; echo "|---|---|---|"
  echo "| 0 | $(heap_after_gc) | $(rss_mb) |"
  "$shared/peers/load/run.sh" --url "$bot_url" --connections "$connections" --duration $(( soak * 60 )) \
      --rate "$rate" --script "$here/demo-conversations.json" > "$work/soak.json" &
  load_pid=$!
  for minute in $(seq 1 "$soak"); do
    sleep 60
    echo "| $minute | $(heap_after_gc) | $(rss_mb) |"
  done
  wait "$load_pid" || true
  tail -1 "$work/soak.json"
  node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8").trim().split("\n").pop()); process.exit(r.errors+r.non_2xx+r.bad_replies ? 1 : 0)' "$work/soak.json" \
    && echo "soak: no error" || { echo "soak: errors (see the line above)"; exit 1; }
  exit 0
fi

heap_ready=$(heap_after_gc)
node "$here/fuzz.js" --url "$url" --requests 2000 --duration 120 --seed "$((seed + 1000000))" \
  --concurrency "$concurrency" --admin-password "$password" --auth-file "$work/auth.json" > "$work/warmup.txt" || true
heap_warm=$(heap_after_gc)
status=0
node "$here/fuzz.js" --url "$url" --requests "$requests" --duration "$duration" --seed "$seed" \
  --concurrency "$concurrency" --admin-password "$password" --auth-file "$work/auth.json" || status=$?
[ "$status" -le 1 ] || exit "$status"
heap_end=$(heap_after_gc)
kill -0 "$pid" 2>/dev/null || { echo "the server died" >&2; exit 1; }
change=$(node -e "console.log((100 * ($heap_end - $heap_warm) / $heap_warm).toFixed(1))")
echo
echo "| heap after a full GC | MB |"
echo "|---|---|"
echo "| when ready | $heap_ready |"
echo "| after the warm-up (2,000 requests) | $heap_warm |"
echo "| at the end | $heap_end ($change % against the warm-up; target within 10 %) |"
echo "| RSS at the end | $(rss_mb) |"
errors=$(grep -c -E 'SEVERE|internal error' "$work/fuzz/log" || true)
echo "server log: $errors SEVERE lines / internal errors"
if node -e "process.exit($change > 10 ? 0 : 1)"; then
  echo "heap target missed" >&2; status=1
fi
exit "$status"
