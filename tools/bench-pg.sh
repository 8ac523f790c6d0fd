#!/usr/bin/env bash
# The shared store at national scale (build/bench/pg_store_bench): starts a throwaway PostgreSQL
# 15 + PostGIS cluster (the tests' tests/support/pg_test_cluster.sh), made durable like a real
# server for the run (fsync, full-page writes and synchronous commit on again), creates an empty
# database, runs the bench, and stops the cluster whatever happens.
# Usage: tools/bench-pg.sh [REPEATS]     (needs a Release build in build/)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bench="$root/build/bench/pg_store_bench"
national="$root/../shared/data/real/censusVN2009_communes_c2016/vn_admin_c2016_wgs84.gpkg"
[ -x "$bench" ] || cmake --build "$root/build" -j"$(nproc)" --target pg_store_bench
state="$(mktemp -d)"
trap 'bash "$root/tests/support/pg_test_cluster.sh" stop "$state"; rm -rf "$state"' EXIT
bash "$root/tests/support/pg_test_cluster.sh" start "$state" >/dev/null
admin="$(cat "$state/conninfo")"
psql=(/usr/bin/psql -X -q -v ON_ERROR_STOP=1)
"${psql[@]}" "$admin" -c "ALTER SYSTEM SET fsync = on" -c "ALTER SYSTEM SET full_page_writes = on" \
  -c "ALTER SYSTEM SET synchronous_commit = on" -c "SELECT pg_reload_conf()" >/dev/null
"${psql[@]}" "$admin" -c "CREATE DATABASE ntm_bench TEMPLATE ntm_template"
"$bench" "$national" "PG:${admin/dbname=postgres/dbname=ntm_bench}" "${1:-3}"
