# Helpers the bench scripts share (sourced, not run). The script sets $jar (the packaged server)
# and $work (its scratch folder) first; each server gets $work/<name> as its folder, with its data
# in data/ and its output in log. Java options: $server_java_opts (default -Xms1g -Xmx1g
# -XX:CICompilerCount=4, the compiler threads of liberty/deploy/jvm.options).
# $server_launch (an array, default empty) is put before the server's command, e.g. to start it in
# a network namespace: server_launch=(ip netns exec NS).
server_pids=()
server_launch=()

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

start_server() { # name port [VAR=value...]: starts a server with a fresh data folder
  local name=$1 port=$2; shift 2
  rm -rf "${work:?}/$name"; mkdir -p "$work/$name"
  # shellcheck disable=SC2086
  # Liberty unpacks itself into the run's folder, which the run removes (by default it would be
  # ~/wlpExtract, where every killed server leaves its copy)
  (cd "$work/$name" && exec "${server_launch[@]}" env PARLEY_HTTP_PORT="$port" PARLEY_DATA_DIR="$work/$name/data" \
      WLP_JAR_EXTRACT_ROOT="$work/$name/wlp-extract" "$@" \
      java ${server_java_opts:--Xms1g -Xmx1g -XX:CICompilerCount=4} -jar "$jar" > "$work/$name/log" 2>&1) &
  server_pids+=($!)
  eval "server_pid_${name//-/_}=$!"
}

restart_server() { # name port [VAR=value...]: starts a stopped server again on its data folder
  local name=$1 port=$2; shift 2
  # shellcheck disable=SC2086
  (cd "$work/$name" && exec "${server_launch[@]}" env PARLEY_HTTP_PORT="$port" PARLEY_DATA_DIR="$work/$name/data" \
      WLP_JAR_EXTRACT_ROOT="$work/$name/wlp-extract" "$@" \
      java ${server_java_opts:--Xms1g -Xmx1g -XX:CICompilerCount=4} -jar "$jar" >> "$work/$name/log" 2>&1) &
  server_pids+=($!)
  eval "server_pid_${name//-/_}=$!"
}

wait_ready() { # name port: waits until /status says ready, else prints the log's tail and exits
  wait_ready_at "$1" "http://127.0.0.1:$2"
}

wait_ready_at() { # name base-url [command prefix...]: wait_ready for a server at base-url, with curl
  # run through the prefix (e.g. ip netns exec NS); gives up early if the server's process ended,
  # and after about 7.5 min (a start with the default warm-up of up to 120 s takes about 3 on 2 cores)
  local name=$1 url=$2 pid; shift 2
  pid=$(eval echo "\${server_pid_${name//-/_}:-}")
  for _ in $(seq 1 "${ready_tries:-900}"); do
    "$@" curl -s --max-time 5 "$url/status" 2>/dev/null | grep -q '"ready":true' && return 0
    [ -z "$pid" ] || kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  echo "server $name at $url did not start; its log ends:" >&2; tail -20 "$work/$name/log" >&2; exit 1
}

stop_server() { # name
  local pid; pid=$(eval echo "\$server_pid_${1//-/_}")
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}

stop_all_servers() { for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
