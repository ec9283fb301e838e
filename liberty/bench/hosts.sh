#!/usr/bin/env bash
# Multi-host benchmark of a Parley cluster on one machine (issue 18): every host is a Linux network
# namespace with its own address on a private subnet, joined by a bridge in a namespace of its own;
# the root namespace gets no device, route or address, and no namespace has a default route, so
# traffic goes only between the namespaces created here (or to their loopback).
#   - one database host: Debian's PostgreSQL (.ci/postgres installs it and creates the database);
#   - N Parley hosts (java -jar liberty/target/parley.jar), each in its own cgroup with a CPU quota
#     of --cpu CPUs (cgroup v2 cpu.max where mounted, else v1 cpu.cfs_quota_us; set once the hosts
#     are ready, so that they start faster), all with the same
#     encryption key file and admin password (generated per run into the temp folder), the same
#     database and the static member list PARLEY_CLUSTER_MEMBERS of all N hosts;
#   - one client host running ../shared/peers/load/run.sh through a TCP round-robin balancer
#     (hosts-balancer.js, in the client's namespace): each connection goes to the next host and the
#     load tool gives each turn to a random idle conversation on a random connection, so any
#     message of any conversation may reach any host.
# For each N it measures closed-loop turns/s and open-loop latency at --rate turns/s, then prints
# one table: one line per N, with the scaling efficiency rate(N) / (N x rate(1)).
#
# usage: liberty/bench/hosts.sh [--hosts "1 2 3"] [--cpu 0.5] [--duration 20] [--warmup 10]
#          [--connections 100] [--rate 60] [--unique 0] [--bot demo|coffee|TENANT/BOT]
#          [--bots-dir DIR] [--script FILE.json] [--one standalone|cluster] [--heap 1g]
#          [--subnet 10.231.0] [--keep DIR] [--routing owner|lease] [--jit-warmup 30]
#          [--server-warmup 30] [--settle 0] [--profile] [--java-opts "..."] [--neighbours]
#          [--fault kill|partition|db-restart] [--cut 20] [--db-down 3] [--db-params P]
#        liberty/bench/hosts.sh --clean      (removes what an interrupted run left: namespaces,
#                                             cgroups and temp folders of runs no longer alive)
#   --hosts       the values of N, one run each (N = 1 is the baseline of the efficiency)
#   --cpu         CPU quota of each Parley host (the database and the client are not limited)
#   --one         N = 1 as a server without PARLEY_CLUSTER_* (standalone, the default) or as a
#                 cluster of one
#   --bot         demo (the demo bot, demo-conversations.json), coffee (the Rasa coffee bot of
#                 liberty/bench/bots, ../shared/peers/load/coffee.json), or TENANT/BOT with
#                 --bots-dir and --script
#   --keep DIR    copy the servers' logs, the raw results (JSON lines) and any profiles to DIR
#   --jit-warmup  seconds of load before the quota applies (not measured), so that the JIT is done
#   --server-warmup  PARLEY_WARMUP_SECONDS of the hosts: each warms its JIT up before it is ready
#                 (before the quota applies); 0 turns it off
#   --settle S    after the quota applies, more load (not measured) in 10 s rounds until no host's
#                 JIT compiler threads used more than 5 % of its quota in a round, for at most S s:
#                 the steady state a long-running server reaches (each round's JIT CPU seconds per
#                 host go to stderr; the table shows them for the measured closed loop either way)
#   --profile     CPU profile (async-profiler, liberty/bench/profiler.sh) of host 1 during each
#                 closed-loop run, printed as a table of where the CPU went (cpu-table.js)
#   --java-opts   more JVM options for every Parley host (e.g. -XX:+PrintCompilation; a host's
#                 output is in its log, copied by --keep)
#   --neighbours  for each N > 1, one more N = 1 run with N - 1 busy loops beside the host, each in
#                 a cgroup with the hosts' quota: the one host then shares the machine with as much
#                 CPU demand as each of N hosts does (on a small machine the hosts slow each other
#                 down: caches, memory bandwidth, the scheduler), and the table adds the efficiency
#                 against that baseline, rate(N) / (N x rate(1 with N - 1 busy neighbours))
#   --routing     PARLEY_CLUSTER_ROUTING of the hosts: owner (the default: each turn goes to its
#                 conversation's owner) or lease (any host runs it under a cluster-wide lease)
#   --fault F     instead of the scaling runs: N = the largest of --hosts (3 by default), and
#                 hosts-fault.js as the client (--connections conversations at once, each message
#                 with a message_id to a random host, resent to the next host until answered);
#                 after a third of --duration (plus --warmup) the fault F strikes the last host:
#                   kill        kill -9 of its server;
#                   partition   its bridge port stops forwarding for --cut s (default 20): every
#                               frame to and from it is dropped, then it is connected again;
#                   db-restart  the database stops (fast shutdown) for --db-down s (default 3)
#                               and starts again;
#                 then the trackers are compared with what was sent: lost, duplicated, out-of-order
#                 messages, half-done turns, failed calls, p99 before and after the fault, and for
#                 partition and db-restart the time to the first answer after the fault ended.
#   --db-params   the query string of the hosts' PARLEY_DB_URL (default
#                 "socketTimeout=10&connectTimeout=3", as docs/configuration.md#databases advises;
#                 "" for the driver's defaults)
# needs: root (ip netns, cgroups), liberty/target/parley.jar (mvn -B package -DskipTests), node,
#        curl, PostgreSQL binaries (.ci/postgres installs them), ../shared beside the checkout.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
prefix=parley-hosts

hosts_list="1 2 3" cpu=0.5 duration=20 warmup=10 connections=100 rate=60 unique=0 bot=demo
bots_dir="" script="" one=standalone heap=1g subnet=10.231.0 keep="" fault="" routing=owner db_params="socketTimeout=10&connectTimeout=3"
jit_warmup=30 server_warmup=30 cut=20 db_down=3 settle=0 profile="" java_opts="" neighbours=""
usage() { sed -n '/^# usage:/,/^# needs:/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

clean_stale() { # removes namespaces, cgroups and temp folders of hosts.sh runs that have ended
  local ns run dir
  for ns in $(ip netns list | awk '{print $1}' | grep "^$prefix-[0-9]*-" || true); do
    run=$(echo "$ns" | cut -d- -f3)
    kill -0 "$run" 2>/dev/null && continue
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done
    ip netns del "$ns" && echo "removed namespace $ns"
  done
  for dir in /sys/fs/cgroup/$prefix-* /sys/fs/cgroup/cpu/$prefix-* /tmp/$prefix-*; do
    [ -e "$dir" ] || continue
    run=$(basename "$dir" | cut -d- -f3)
    kill -0 "$run" 2>/dev/null && continue
    if [[ $dir == /sys/* ]]; then
      rmdir "$dir"/*/ "$dir" 2>/dev/null && echo "removed cgroup $dir"
    else
      rm -rf "$dir" && echo "removed $dir"
    fi
  done
  return 0
}

while [ $# -gt 0 ]; do
  case "$1" in
    --hosts) hosts_list=$2; shift 2;;
    --cpu) cpu=$2; shift 2;;
    --duration) duration=$2; shift 2;;
    --warmup) warmup=$2; shift 2;;
    --connections) connections=$2; shift 2;;
    --rate) rate=$2; shift 2;;
    --unique) unique=$2; shift 2;;
    --bot) bot=$2; shift 2;;
    --bots-dir) bots_dir=$2; shift 2;;
    --script) script=$2; shift 2;;
    --one) one=$2; shift 2;;
    --heap) heap=$2; shift 2;;
    --subnet) subnet=$2; shift 2;;
    --keep) keep=$2; shift 2;;
    --fault) fault=$2; shift 2;;
    --db-params) db_params=$2; shift 2;;
    --routing) routing=$2; shift 2;;
    --jit-warmup) jit_warmup=$2; shift 2;;
    --server-warmup) server_warmup=$2; shift 2;;
    --settle) settle=$2; shift 2;;
    --profile) profile=cpu; shift;;
    --java-opts) java_opts=$2; shift 2;;
    --neighbours) neighbours=yes; shift;;
    --cut) cut=$2; shift 2;;
    --db-down) db_down=$2; shift 2;;
    --clean) clean_stale; exit 0;;
    -h|--help) usage;;
    *) echo "unknown option $1" >&2; usage;;
  esac
done

[ "$(id -u)" = 0 ] || { echo "hosts.sh needs root (network namespaces and cgroups)" >&2; exit 2; }
[[ -z $fault || $fault == kill || $fault == partition || $fault == db-restart ]] \
  || { echo "--fault kill|partition|db-restart" >&2; exit 2; }
[[ $subnet =~ ^10\.[0-9]+\.[0-9]+$ ]] || { echo "--subnet must be a private 10.x.y prefix" >&2; exit 2; }
[[ $one == standalone || $one == cluster ]] || { echo "--one standalone|cluster" >&2; exit 2; }
[[ $routing == owner || $routing == lease ]] || { echo "--routing owner|lease" >&2; exit 2; }
[[ $settle =~ ^[0-9]+$ ]] || { echo "--settle S: whole seconds" >&2; exit 2; }
[ -z "$profile" ] || profiler=$("$here/profiler.sh")
for n in $hosts_list; do
  [[ $n =~ ^[1-9]$ ]] || { echo "--hosts: each N from 1 to 9" >&2; exit 2; }
done
# the shared load tool (../shared/peers/load) drives the scaling runs; the fault runs need only node
shared=${PARLEY_SHARED:-$root/../shared}
load_tool="$shared/peers/load/run.sh"
[ -n "$fault" ] || [ -x "$load_tool" ] || { echo "no load tool at $load_tool (../shared beside the checkout)" >&2; exit 2; }
case "$bot" in
  demo) path=demo/demo; script=${script:-$here/demo-conversations.json};;
  coffee) path=bench/coffee; bots_dir=${bots_dir:-$here/bots}; script=${script:-$shared/peers/load/coffee.json};;
  */*) path=$bot;;
  *) echo "--bot demo|coffee|TENANT/BOT" >&2; exit 2;;
esac
[ -n "$script" ] && [ -f "$script" ] || { echo "--script FILE.json is needed for --bot $bot" >&2; exit 2; }
[ -z "$bots_dir" ] || [ -d "$bots_dir/$path" ] || { echo "no bot project $bots_dir/$path" >&2; exit 2; }
jar="$root/liberty/target/parley.jar"
[ -f "$jar" ] || { echo "build first: mvn -B package -DskipTests" >&2; exit 2; }
# The load tool installs its one dependency on first use; do that here, the namespaces are offline.
[ -n "$fault" ] || [ -d "$shared/peers/load/node_modules/undici" ] || "$load_tool" --help >/dev/null

run=$$
# CPU quota: cgroup v2 (cpu.max) where it is mounted at /sys/fs/cgroup and hands the cpu controller
# to its children, else v1 (cpu.cfs_quota_us).
quota_us=$(awk -v c="$cpu" 'BEGIN { printf "%d", c * 100000 }')
[ "$quota_us" -ge 1000 ] || { echo "--cpu too small" >&2; exit 2; }
if grep -qw cpu /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null; then
  cgroup_root=/sys/fs/cgroup/$prefix-$run cgroup_version=2
elif [ -f /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]; then
  cgroup_root=/sys/fs/cgroup/cpu/$prefix-$run cgroup_version=1
elif [ -f /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us ]; then
  cgroup_root=/sys/fs/cgroup/cpu,cpuacct/$prefix-$run cgroup_version=1
else
  echo "no cgroup cpu controller found" >&2; exit 2
fi

work=$(mktemp -d "/tmp/$prefix-$run-XXXX")
chmod 711 "$work" # the database runs as the postgres user, in $work/pg
results="$work/results.jsonl"
source "$here/lib.sh"
ns() { echo "$prefix-$run-$1"; } # the namespace of host $1 (sw: the switch, db, client, h1...)
ip_of() { # host name -> its address
  case "$1" in db) echo "$subnet.2";; client) echo "$subnet.3";; h*) echo "$subnet.$((10 + ${1#h}))";; esac
}
pg_dir="$work/pg"
pg_port=5432 http_port=9080 cluster_port=7800 balancer_port=8000
namespaces=() balancer_pid="" neighbour_pids=()

cleanup() {
  trap - EXIT INT TERM
  set +e
  [ -n "$balancer_pid" ] && kill "$balancer_pid" 2>/dev/null
  stop_neighbours
  stop_all_servers
  for pid in "${server_pids[@]}"; do # bounded: 20 s, then kill -9
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
  done
  [ -f "$pg_dir/postmaster.pid" ] && "$root/.ci/postgres" stop "$pg_dir" "$pg_port" >/dev/null 2>&1
  for name in "${namespaces[@]}"; do # anything else started in our namespaces
    for pid in $(ip netns pids "$(ns "$name")" 2>/dev/null); do kill -9 "$pid" 2>/dev/null; done
  done
  sleep 0.5
  for name in "${namespaces[@]}"; do ip netns del "$(ns "$name")" 2>/dev/null; done
  if [ -d "$cgroup_root" ]; then
    for dir in "$cgroup_root"/*/; do rmdir "$dir" 2>/dev/null; done
    rmdir "$cgroup_root" 2>/dev/null || echo "cgroup $cgroup_root not removed (still in use?)" >&2
  fi
  if [ -n "$keep" ]; then
    mkdir -p "$keep" && cp "$results" "$work/fault.json" "$work"/profile-*.collapsed "$keep/" 2>/dev/null
    for log in "$work"/h*/log; do [ -f "$log" ] && cp "$log" "$keep/$(basename "$(dirname "$log")")-$(basename "$(dirname "$(dirname "$log")")").log"; done
    cp "$pg_dir/server.log" "$keep/postgres.log" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'echo "interrupted; cleaning up" >&2; exit 130' INT TERM

# --- the network: a bridge in the switch namespace, one veth pair per host ------------------------
add_namespace() { # name
  ip netns add "$(ns "$1")"
  namespaces+=("$1")
  ip -n "$(ns "$1")" link set lo up
}
add_host() { # name: a namespace with eth0 on the bridge and the host's address, no default route
  local name=$1
  add_namespace "$name"
  ip -n "$(ns sw)" link add "$name" type veth peer name eth0 netns "$(ns "$name")"
  ip -n "$(ns sw)" link set "$name" master br0 up
  ip -n "$(ns "$name")" addr add "$(ip_of "$name")/24" dev eth0
  ip -n "$(ns "$name")" link set eth0 up
}
in_ns() { local name=$1; shift; ip netns exec "$(ns "$name")" "$@"; }

add_namespace sw
ip -n "$(ns sw)" link add br0 type bridge
ip -n "$(ns sw)" link set br0 up
max_n=$(echo "$hosts_list" | tr ' ' '\n' | sort -n | tail -1)
add_host db
add_host client
for i in $(seq 1 "$max_n"); do add_host "h$i"; done
for name in db client $(seq -f 'h%g' 1 "$max_n"); do # bounded wait for the links to come up
  for _ in $(seq 1 50); do ip -n "$(ns "$name")" -br link show eth0 | grep -qw UP && break; sleep 0.1; done
done
echo "hosts: db $(ip_of db), client $(ip_of client), Parley $(for i in $(seq 1 "$max_n"); do printf '%s ' "$(ip_of "h$i")"; done)(namespaces $prefix-$run-*)" >&2

# --- the database host ------------------------------------------------------------------------------
# .ci/postgres installs PostgreSQL, creates the cluster, the role and the database; it listens on the
# namespace's loopback only, so the database is then started again on the host's address as well,
# with password access from the subnet and room for every host's connection pool.
in_ns db "$root/.ci/postgres" start "$pg_dir" "$pg_port" >&2
in_ns db "$root/.ci/postgres" stop "$pg_dir" "$pg_port"
echo "host parley parley $subnet.0/24 scram-sha-256" >> "$pg_dir/pg_hba.conf"
pg_bin=$(dirname "$(ls -d /usr/lib/postgresql/*/bin/pg_ctl | sort -V | tail -1)")
in_ns db runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w -t 60 \
  -o "-h 127.0.0.1,$(ip_of db) -p $pg_port -k $pg_dir -c max_connections=300" start >/dev/null
psql_db() { in_ns db runuser -u postgres -- "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U postgres -qtA "$@"; }
reset_database() {
  psql_db -c "drop database if exists parley with (force)" -c "create database parley owner parley"
}

# --- secrets: the same for every host, generated per run, only in the temp folder --------------------
mkdir -m 700 "$work/secrets"
echo "bench:$(head -c 32 /dev/urandom | base64)" > "$work/secrets/encryption-keys"
head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$work/secrets/admin-password"
chmod 600 "$work/secrets"/*

# --- Parley hosts -----------------------------------------------------------------------------------
procs=$(awk -v c="$cpu" 'BEGIN { n = int(c); if (n < c) n++; print (n < 1 ? 1 : n) }')
# ip netns exec remounts /sys, so the JVM cannot see its cgroup: give it the processor count a
# container with this quota would show.
# compiler threads that stay (not started and stopped with the queue), so their CPU time adds up
server_java_opts="-Xms512m -Xmx$heap -XX:ActiveProcessorCount=$procs -XX:-UseDynamicNumberOfCompilerThreads"
# loaded at start (not started): attaching it later makes the JIT compile much of the code again
[ -z "$profile" ] || server_java_opts+=" -agentpath:$profiler"
[ -z "$java_opts" ] || server_java_opts+=" $java_opts"
mkdir -p "$cgroup_root"
host_env() { # i n: the environment of Parley host i of n
  local i=$1 n=$2 members="" j
  for j in $(seq 1 "$n"); do members+="${members:+,}$(ip_of "h$j"):$cluster_port"; done
  # the driver's timeouts (docs/configuration.md#databases): a database call or a connection attempt
  # stuck on a network that stopped delivering (a partition) fails as a lost connection and is tried
  # again, instead of waiting for TCP's retransmissions long after the network is back
  echo "PARLEY_DB_URL=jdbc:postgresql://$(ip_of db):$pg_port/parley${db_params:+?$db_params} PARLEY_DB_USER=parley PARLEY_DB_PASSWORD=parley"
  echo "PARLEY_ENCRYPTION_KEY_FILE=$work/secrets/encryption-keys PARLEY_ADMIN_PASSWORD=$(cat "$work/secrets/admin-password")"
  echo "PARLEY_WARMUP_SECONDS=$server_warmup"
  if [ "$n" -gt 1 ] || [ "$one" = cluster ]; then
    echo "PARLEY_CLUSTER_BIND=$(ip_of "h$i"):$cluster_port PARLEY_CLUSTER_MEMBERS=$members PARLEY_CLUSTER_ROUTING=$routing"
  fi
  if [ -n "$bots_dir" ]; then echo "PARLEY_BOTS_DIR=$bots_dir"; fi
  if [ "$bot" != demo ]; then echo "PARLEY_DEMO_BOT=false"; fi
}
set_quota() { # i quota-us|max: the CPU quota of host i's cgroup
  set_cgroup_quota "$cgroup_root/h$1" "$2"
}
set_cgroup_quota() { # dir quota-us|max
  local cg=$1
  if [ "$cgroup_version" = 2 ]; then echo "$2 100000" > "$cg/cpu.max"
  else echo 100000 > "$cg/cpu.cfs_period_us"; echo "${2/max/-1}" > "$cg/cpu.cfs_quota_us"; fi
}
start_neighbours() { # k: k busy loops beside the hosts, each in a cgroup with the hosts' quota
  local j cg
  for j in $(seq 1 "$1"); do
    cg="$cgroup_root/busy$j"
    mkdir -p "$cg"
    set_cgroup_quota "$cg" "$quota_us"
    sh -c 'echo $$ > "$0/cgroup.procs" && exec sh -c "while :; do :; done"' "$cg" &
    neighbour_pids+=($!)
  done
}
stop_neighbours() {
  local pid
  for pid in "${neighbour_pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  neighbour_pids=()
  for pid in "$cgroup_root"/busy*/; do [ -d "$pid" ] && { rmdir "$pid" 2>/dev/null || true; }; done
  return 0
}
start_host() { # i n: starts host i of n without a quota (a faster start); start_hosts sets it
  local i=$1 n=$2 cg="$cgroup_root/h$1"
  mkdir -p "$cg"
  set_quota "$i" max
  # the launcher joins the cgroup, then becomes the server inside the host's namespace
  server_launch=(sh -c 'echo $$ > "$0/cgroup.procs" && exec "$@"' "$cg" ip netns exec "$(ns "h$i")")
  # shellcheck disable=SC2046
  start_server "h$i" "$http_port" $(host_env "$i" "$n")
}
host_url() { echo "http://$(ip_of "h$1"):$http_port"; }
stop_hosts() { # n
  local i pid
  for i in $(seq 1 "$1"); do kill "$(eval echo "\$server_pid_h$i")" 2>/dev/null || true; done
  for i in $(seq 1 "$1"); do
    pid=$(eval echo "\$server_pid_h$i")
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  done
}
cpu_ticks() { # n: CPU clock ticks used so far by the n hosts' servers
  local i total=0 pid
  for i in $(seq 1 "$1"); do
    pid=$(eval echo "\$server_pid_h$i")
    total=$((total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

jit_seconds() { # n: each host's JIT compiler threads' CPU time so far (s), space-separated
  local i pid
  for i in $(seq 1 "$1"); do
    pid=$(eval echo "\$server_pid_h$i")
    for task in /proc/"$pid"/task/*; do
      case "$(cat "$task/comm" 2>/dev/null)" in C1\ CompilerThre* | C2\ CompilerThre*) sed 's/.*) //' "$task/stat" ;; esac
    done | awk -v hz="$(getconf CLK_TCK)" '{ s += $12 + $13 } END { printf "%.2f ", s / hz }'
  done
}
jit_growth() { # before after: per-host differences, comma-separated
  awk -v a="$2" -v b="$1" 'BEGIN { n = split(a, x, " "); split(b, y, " ")
    for (i = 1; i <= n; i++) printf "%s%.1f", (i > 1 ? "," : ""), x[i] - y[i] }'
}

# --- the client host ---------------------------------------------------------------------------------
turn_counts() { # n: each host's parley_turns_total, space-separated
  local i
  for i in $(seq 1 "$1"); do
    in_ns client curl -s --max-time 5 "$(host_url "$i")/metrics" \
      | awk '/^parley_turns_total/ { s += $NF } END { printf "%d ", s }'
  done
}
load() { # n mode [k]: one run of the load tool through the balancer (k busy neighbours beside the
  # hosts); prints its JSON line with n, mode, neighbours
  local n=$1 mode=$2 k=${3:-0} extra=() ticks0 t0 out turns0 jit0 profiling=""
  [ "$mode" = open ] && extra=(--rate "$rate")
  turns0=$(turn_counts "$n") jit0=$(jit_seconds "$n")
  if [ -n "$profile" ] && [ "$mode" = closed ]; then
    profiling="$work/profile-n$n$( [ "$k" -gt 0 ] && echo "-busy$k")"
    jcmd "$server_pid_h1" JVMTI.agent_load "$profiler" "\"start,event=$profile\"" > /dev/null
  fi
  ticks0=$(cpu_ticks "$n") t0=$(date +%s.%N)
  out=$(in_ns client timeout --foreground $((warmup + duration + 180)) "$load_tool" \
      --url "http://127.0.0.1:$balancer_port/api/tenants/${path%/*}/bots/${path#*/}" \
      --connections "$connections" --conversations $((connections * 10)) --duration "$duration" \
      --warmup "$warmup" --script "$script" --unique "$unique" --prefix "n$n-$mode" "${extra[@]}") \
    || true
  [ -n "$out" ] || out='{"turns_per_s":0,"errors":-1,"non_2xx":0,"bad_replies":0,"first_error":"the load tool failed"}'
  local used; used=$(awk -v a="$ticks0" -v b="$(cpu_ticks "$n")" -v t0="$t0" -v t1="$(date +%s.%N)" \
    -v hz="$(getconf CLK_TCK)" -v q="$cpu" -v n="$n" 'BEGIN { printf "%.3f", (b - a) / hz / ((t1 - t0) * q * n) }')
  local per_host; per_host=$(awk -v a="$(turn_counts "$n")" -v b="$turns0" \
    'BEGIN { n = split(a, x, " "); split(b, y, " "); for (i = 1; i <= n; i++) printf "%s%d", (i > 1 ? "," : ""), x[i] - y[i] }')
  local jit; jit=$(jit_growth "$jit0" "$(jit_seconds "$n")")
  if [ -n "$profiling" ]; then
    jcmd "$server_pid_h1" JVMTI.agent_load "$profiler" "\"stop,file=$profiling.collapsed,collapsed\"" > /dev/null
    echo "host 1 of N = $n$( [ "$k" -gt 0 ] && echo " with $k busy neighbour(s)"), closed loop:" >&2
    node "$here/cpu-table.js" "$profiling.collapsed" >&2
  fi
  echo "$out" | sed "s/^{/{\"n\":$n,\"neighbours\":$k,\"mode\":\"$mode\",\"quota_used\":$used,\"turns_per_host\":[$per_host],\"jit_s_per_host\":[$jit],/" \
    | tee -a "$results" >&2
}

start_hosts() { # n: starts hosts 1..n on a fresh database and waits until they form one cluster
  local n=$1 i
  reset_database
  start_host 1 "$n"
  wait_ready_at h1 "$(host_url 1)" in_ns client
  for i in $(seq 2 "$n"); do start_host "$i" "$n"; done # after the first: it imports the bots once
  for i in $(seq 2 "$n"); do wait_ready_at "h$i" "$(host_url "$i")" in_ns client; done
  if [ "$n" -gt 1 ]; then # bounded wait for one cluster view of all n hosts
    for _ in $(seq 1 60); do grep -q "cluster view for channel parley: .* ($n) " "$work/h1/log" && break; sleep 0.5; done
    grep -q "cluster view for channel parley: .* ($n) " "$work/h1/log" \
      || echo "warning: host 1 has not seen a cluster view of $n members" >&2
  fi
}
limit_hosts() { # n: gives hosts 1..n their CPU quota
  local i
  for i in $(seq 1 "$1"); do set_quota "$i" "$quota_us"; done
}
warm_up() { # n: unthrottled load through the balancer for --jit-warmup s, so that the JIT has
  # compiled the hot paths before the quota applies (at 0.5 CPU it would take minutes); not recorded
  [ "$jit_warmup" -gt 0 ] || return 0
  in_ns client timeout --foreground $((jit_warmup + 120)) "$load_tool" \
    --url "http://127.0.0.1:$balancer_port/api/tenants/${path%/*}/bots/${path#*/}" \
    --connections "$connections" --conversations $((connections * 10)) --duration "$jit_warmup" \
    --warmup 0 --script "$script" --unique "$unique" --prefix "n$1-jit" >/dev/null 2>&1 || true
}
settle_jit() { # n: load in 10 s rounds under the quota until no host's JIT used more than 5 % of
  # its quota in a round, for at most --settle s; not recorded
  local n=$1 round before grown
  for round in $(seq 1 $((settle / 10))); do
    before=$(jit_seconds "$n")
    in_ns client timeout --foreground 130 "$load_tool" \
      --url "http://127.0.0.1:$balancer_port/api/tenants/${path%/*}/bots/${path#*/}" \
      --connections "$connections" --conversations $((connections * 10)) --duration 10 \
      --warmup 0 --script "$script" --unique "$unique" --prefix "n$n-settle$round" >/dev/null 2>&1 || true
    grown=$(jit_growth "$before" "$(jit_seconds "$n")")
    echo "N = $n, settling round $round: JIT CPU s per host $grown" >&2
    awk -v g="$grown" -v limit="$(awk -v c="$cpu" 'BEGIN { print 0.5 * c }')" \
      'BEGIN { n = split(g, x, ","); for (i = 1; i <= n; i++) if (x[i] > limit) exit 1 }' && return 0
  done
  return 0
}

if [ -n "$fault" ]; then
  n=$max_n
  [ "$n" -ge 2 ] || { echo "--fault needs --hosts with N >= 2" >&2; exit 2; }
  echo "fault $fault: starting $n Parley hosts with $cpu CPU each" >&2
  start_hosts "$n"
  limit_hosts "$n"
  urls=$(for i in $(seq 1 "$n"); do printf '%s,' "$(host_url "$i")"; done)
  ip netns exec "$(ns client)" timeout $((warmup + duration + 300)) node "$here/hosts-fault.js" \
    --hosts "${urls%,}" --path "$path" --script "$script" --conversations "$connections" \
    --duration $((warmup + duration)) --fault-file "$work/fault-at" --heal-file "$work/healed-at" \
    --fault-host "$(host_url "$n")" > "$work/fault.json" &
  client_pid=$!
  sleep $((warmup + duration / 3))
  case "$fault" in
    kill)
      victim=$(eval echo "\$server_pid_h$n")
      kill -9 "$victim"
      date +%s%3N > "$work/fault-at"
      echo "killed host $n ($(ip_of "h$n"), pid $victim) with kill -9" >&2;;
    partition) # the host's port on the bridge stops forwarding: its frames are dropped both ways
      bridge -n "$(ns sw)" link set dev "h$n" state 0
      date +%s%3N > "$work/fault-at"
      echo "cut host $n ($(ip_of "h$n")) off for $cut s" >&2
      sleep "$cut"
      bridge -n "$(ns sw)" link set dev "h$n" state 3
      date +%s%3N > "$work/healed-at"
      echo "host $n is connected again" >&2;;
    db-restart) # a fast shutdown (open connections are cut), down for --db-down s, then started again
      in_ns db runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" -m fast -w -t 60 stop >/dev/null
      date +%s%3N > "$work/fault-at"
      echo "database stopped for $db_down s" >&2
      sleep "$db_down"
      in_ns db runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/server.log" -w -t 60 \
        -o "-h 127.0.0.1,$(ip_of db) -p $pg_port -k $pg_dir -c max_connections=300" start >/dev/null
      date +%s%3N > "$work/healed-at"
      echo "database accepting connections again" >&2;;
  esac
  wait "$client_pid" || true
  if [ "$fault" = kill ]; then stop_hosts $((n - 1)); else stop_hosts "$n"; fi
  FAULT=$fault ROUTING=$routing node - "$work/fault.json" "$n" "$cpu" "$connections" "$duration" "$warmup" <<'JS'
const fs = require('fs');
const [file, n, cpu, conversations, duration, warmup] = process.argv.slice(2);
const fault = { kill: `kill -9 of one of ${n} hosts`, partition: `host ${n} of ${n} cut off`,
  'db-restart': `database restart under ${n} hosts` }[process.env.FAULT];
const text = fs.readFileSync(file, 'utf8').trim();
if (!text) { console.log('the fault client printed nothing'); process.exit(1); }
const r = JSON.parse(text);
console.log(`\n${fault} (${cpu} CPU each, routing ${process.env.ROUTING}) after ${Number(warmup) + Math.floor(duration / 3)} s of ${Number(warmup) + Number(duration)} s${r.fault_s != null ? `, for ${r.fault_s} s` : ''}; ${conversations} conversations at once`);
console.log('| messages answered | unanswered | lost | duplicated | out of order | half-done turns | failed calls | of those that reached a host | p99 before ms | p99 under 2x after | p99 by second after the fault ms |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const after = r.p99_under_2x_after_s == null ? 'never' : `${r.p99_under_2x_after_s} s`;
const bySecond = (r.p99_after_by_second_ms || []).map((x) => (x == null ? '-' : x)).join(' ');
console.log(`| ${r.answered} | ${r.unanswered} | ${r.lost} | ${r.duplicated} | ${r.out_of_order} | ${r.half_done} | ${r.failed_calls} of ${r.calls} (${r.failed_calls_pct} %) | ${r.failed_reached_calls} of ${r.reached_calls} (${r.failed_reached_pct} %) | ${r.p99_before_ms} | ${after} | ${bySecond} |`);
console.log(`failed calls before the fault: ${JSON.stringify(r.failures_before_kill)}; in flight when it struck: ${JSON.stringify(r.failures_in_flight_at_kill)}; started after it: ${JSON.stringify(r.failures_after_kill)} ('-' among the p99s by second: no call started in that second was answered)`);
if (r.fault_s != null) {
  console.log(`after the fault ended: first answer in ${r.first_answer_after_heal_s} s; from host ${n}: ${r.fault_host_first_answer_after_heal_s} s`);
  console.log(`host ${n}'s calls while the fault lasted: ${JSON.stringify(r.fault_host_during)}`);
}
if (r.unreadable_trackers) console.log(`${r.unreadable_trackers} trackers could not be read`);
if (r.examples.length) console.log(`examples: ${JSON.stringify(r.examples)}`);
JS
  exit 0
fi

measure() { # n k: the closed and open runs of n hosts with k busy neighbours beside them
  local n=$1 k=$2
  echo "N = $n: starting $n Parley host(s) with $cpu CPU each$( [ "$k" -gt 0 ] && echo ", $k busy neighbour(s)")" >&2
  start_hosts "$n"
  backends=()
  for i in $(seq 1 "$n"); do backends+=("$(ip_of "h$i"):$http_port"); done
  ip netns exec "$(ns client)" node "$here/hosts-balancer.js" "$balancer_port" "${backends[@]}" >&2 &
  balancer_pid=$!
  for _ in $(seq 1 40); do in_ns client curl -s -o /dev/null "http://127.0.0.1:$balancer_port/status" && break; sleep 0.25; done
  warm_up "$n"
  limit_hosts "$n"
  start_neighbours "$k"
  settle_jit "$n"
  load "$n" closed "$k"
  load "$n" open "$k"
  stop_neighbours
  kill "$balancer_pid" 2>/dev/null || true; wait "$balancer_pid" 2>/dev/null || true; balancer_pid=""
  stop_hosts "$n"
}
for n in $hosts_list; do
  if [ -n "$neighbours" ] && [ "$n" -gt 1 ]; then measure 1 $((n - 1)); fi
  measure "$n" 0
done

ROUTING=$routing node - "$results" "$cpu" "$rate" "$connections" "$duration" "$bot" "$one" <<'JS'
const fs = require('fs');
const [file, cpu, rate, connections, duration, bot, one] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const of = (n, mode, k = 0) => rows.find((r) => r.n === n && r.mode === mode && (r.neighbours || 0) === k) || {};
const errs = (r) => (r.errors ?? 0) + (r.non_2xx ?? 0) + (r.bad_replies ?? 0);
const ns = [...new Set(rows.map((r) => r.n))];
const busy = rows.some((r) => r.neighbours > 0);
const base = of(1, 'closed').turns_per_s;
const f = (x, d = 1) => (x == null ? 'n/a' : Number(x).toFixed(d));
console.log(`\nbot ${bot}; routing ${process.env.ROUTING}; ${cpu} CPU per Parley host; ${connections} connections; ${duration} s measured; closed loop for turns/s, open loop at ${rate} turns/s for latency; N = 1 ${one}`);
console.log(`| N | closed turns/s | open p50 ms | open p95 ms | open p99 ms | errors closed/open | host CPU used of quota closed/open | JIT CPU s per host, closed | efficiency |${busy ? ' efficiency against 1 host with N - 1 busy neighbours |' : ''}`);
console.log(`|---|---|---|---|---|---|---|---|---|${busy ? '---|' : ''}`);
const line = (label, c, o, eff, effBusy) =>
  console.log(`| ${label} | ${f(c.turns_per_s)} | ${f(o.p50_ms)} | ${f(o.p95_ms)} | ${f(o.p99_ms)} | ${errs(c)}/${errs(o)} | ${f(100 * c.quota_used, 0)} %/${f(100 * o.quota_used, 0)} % | ${(c.jit_s_per_host || []).join(' ')} | ${f(eff, 2)} |${busy ? ` ${effBusy} |` : ''}`);
for (const n of ns) {
  const c = of(n, 'closed'), o = of(n, 'open');
  const neighboured = of(1, 'closed', n - 1).turns_per_s;
  if (n > 1 && neighboured) line(`1 + ${n - 1} busy`, of(1, 'closed', n - 1), of(1, 'open', n - 1), neighboured / base, '');
  const eff = base ? c.turns_per_s / (n * base) : null;
  line(n, c, o, eff, n > 1 && neighboured ? f(c.turns_per_s / (n * neighboured), 2) : (n === 1 ? '1.00' : 'n/a'));
}
const firsts = rows.filter((r) => r.first_error).map((r) => `N=${r.n} ${r.mode}: ${r.first_error}`);
if (firsts.length) console.log(`\nfirst errors: ${firsts.join('; ')}`);
JS
