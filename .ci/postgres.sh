#!/usr/bin/env bash
# A throwaway PostgreSQL 15 server for tests.
#   .ci/postgres.sh start DIR   initdb in DIR, start on a free loopback port, print the admin connection string
#   .ci/postgres.sh stop DIR    stop the server and delete DIR
#   .ci/postgres.sh pause DIR   stop the server but keep DIR (fault tests take the database away mid-run)
#   .ci/postgres.sh resume DIR  start a paused server again on the same port
# The server refuses to run as root, so DIR is handed to the postgres user and everything runs as that user.
set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

usage() {
  echo "usage: $0 start|stop|pause|resume DIR" >&2
  exit 2
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

run_server() {
  as_postgres "$PG_BIN/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 \
    -o "-p $2 -k $1/socket -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
}

start() {
  local dir=$1
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL 15 server binaries not found in $PG_BIN" >&2
    exit 1
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi

  mkdir -p "$dir/socket"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$dir"
  fi
  as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }

  # Pick a free port; if another process takes it between the check and the start, try the next one.
  local attempt port
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    if port_in_use "$port"; then
      continue
    fi
    if run_server "$dir" "$port"; then
      echo "$port" >"$dir/port"
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres" | tee "$dir/connection-string"
      return 0
    fi
  done
  echo "PostgreSQL did not start; see $dir/server.log:" >&2
  tail -n 50 "$dir/server.log" >&2 || true
  exit 1
}

stop() {
  local dir=$1
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$dir"
}

pause() {
  as_postgres "$PG_BIN/pg_ctl" -D "$1/data" -m fast -w stop >/dev/null
}

resume() {
  run_server "$1" "$(cat "$1/port")" || { tail -n 50 "$1/server.log" >&2; exit 1; }
}

[ $# -eq 2 ] || usage
case $1 in
  start) start "$2" ;;
  stop) stop "$2" ;;
  pause) pause "$2" ;;
  resume) resume "$2" ;;
  *) usage ;;
esac
