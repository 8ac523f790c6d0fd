#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + PostGIS cluster for the store tests, started and stopped by ctest
# (fixture "pg_cluster"): initdb into a fresh temporary folder, a free loopback port, run as the
# unprivileged "postgres" user when the tests run as root (PostgreSQL refuses to run as root).
# Usage: pg_test_cluster.sh start STATE_DIR | stop STATE_DIR
# STATE_DIR/conninfo then holds the superuser's libpq connection string (dbname=postgres) and
# the database ntm_template has PostGIS, so each test copies it instead of installing PostGIS.
set -euo pipefail
action="$1"
state="$2"
bin="/usr/lib/postgresql/15/bin"
run=()
if [ "$(id -u)" -eq 0 ]; then run=(runuser -u postgres --); fi

stop_cluster() {
  [ -f "$state/datadir" ] || return 0
  local data
  data="$(cat "$state/datadir")"
  "${run[@]}" "$bin/pg_ctl" -D "$data/db" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$data"
  rm -f "$state/datadir" "$state/conninfo"
}

case "$action" in
  start)
    mkdir -p "$state"
    stop_cluster  # a cluster left by an interrupted run
    data="$(mktemp -d /tmp/ntm-pg-test-XXXXXX)"
    echo "$data" > "$state/datadir"
    chmod 755 "$data"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data"; fi
    "${run[@]}" "$bin/initdb" -D "$data/db" -U ntm_admin --auth=trust -E UTF8 --no-locale >"$data/initdb.log" 2>&1 ||
      { cat "$data/initdb.log"; exit 1; }
    # The superuser connects without a password; every other role (the tests' leader and
    # planners) needs its password, as on a province server.
    "${run[@]}" sh -c "printf 'local all all trust\nhost all ntm_admin 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n' > '$data/db/pg_hba.conf'"
    started=0
    for _ in $(seq 1 20); do
      port=$((20000 + RANDOM % 40000))
      # fsync off: a throwaway cluster, nothing to keep if the machine dies.
      if "${run[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/server.log" -w -t 60 \
          -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='$data' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=64MB" \
          start >/dev/null 2>&1; then
        started=1
        break
      fi
    done
    if [ "$started" -ne 1 ]; then cat "$data/server.log" >&2; echo "pg_test_cluster: could not start PostgreSQL" >&2; exit 1; fi
    psql=(/usr/bin/psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U ntm_admin)
    "${psql[@]}" -d postgres -c "CREATE DATABASE ntm_template"
    "${psql[@]}" -d ntm_template -c "CREATE EXTENSION postgis"
    echo "host=127.0.0.1 port=$port user=ntm_admin dbname=postgres" > "$state/conninfo"
    echo "PostgreSQL test cluster on 127.0.0.1:$port ($data)"
    ;;
  stop)
    stop_cluster
    ;;
  *)
    echo "usage: $0 start|stop STATE_DIR" >&2
    exit 2
    ;;
esac
