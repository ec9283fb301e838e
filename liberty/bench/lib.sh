# Helpers the bench scripts share (sourced, not run). The script sets $jar (the packaged server)
# and $work (its scratch folder) first; each server gets $work/<name> as its folder, with its data
# in data/ and its output in log. Java options: $server_java_opts (default -Xms1g -Xmx1g).
server_pids=()

free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

start_server() { # name port [VAR=value...]: starts a server with a fresh data folder
  local name=$1 port=$2; shift 2
  rm -rf "${work:?}/$name"; mkdir -p "$work/$name"
  # shellcheck disable=SC2086
  (cd "$work/$name" && exec env PARLEY_HTTP_PORT="$port" PARLEY_DATA_DIR="$work/$name/data" "$@" \
      java ${server_java_opts:--Xms1g -Xmx1g} -jar "$jar" > "$work/$name/log" 2>&1) &
  server_pids+=($!)
  eval "server_pid_${name//-/_}=$!"
}

restart_server() { # name port [VAR=value...]: starts a stopped server again on its data folder
  local name=$1 port=$2; shift 2
  # shellcheck disable=SC2086
  (cd "$work/$name" && exec env PARLEY_HTTP_PORT="$port" PARLEY_DATA_DIR="$work/$name/data" "$@" \
      java ${server_java_opts:--Xms1g -Xmx1g} -jar "$jar" >> "$work/$name/log" 2>&1) &
  server_pids+=($!)
  eval "server_pid_${name//-/_}=$!"
}

wait_ready() { # name port: waits until /status says ready, else prints the log's tail and exits
  for _ in $(seq 1 300); do
    curl -s "http://127.0.0.1:$2/status" 2>/dev/null | grep -q '"ready":true' && return 0
    sleep 0.5
  done
  echo "server $1 on port $2 did not start; its log ends:" >&2; tail -20 "$work/$1/log" >&2; exit 1
}

stop_server() { # name
  local pid; pid=$(eval echo "\$server_pid_${1//-/_}")
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
}

stop_all_servers() { for pid in "${server_pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
