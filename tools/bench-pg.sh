#!/usr/bin/env bash
# The national load in the shared PostgreSQL/PostGIS store (on demand; not a test): starts a
# throwaway PostgreSQL 15 + PostGIS cluster (tests/support/pg_test_cluster.sh) in a temporary
# folder, runs build/bench/pg_store_bench against it (the national project built as a GeoPackage,
# copied into COPIES empty databases, then summaries and first frames from both stores), prints
# its table and stops the cluster, also when the bench fails or is interrupted.
# Usage: tools/bench-pg.sh [COPIES]   (COPIES: how many timed copies, 3 by default)
# Numbers go into README.md by hand, with the date and the machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/tools/setup.sh"
ntm_install_dependencies
if [ ! -f "$root/build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$root/build" -j"$(nproc)" --target pg_store_bench >/dev/null

data="$root/../shared/data/real/censusVN2009_communes_c2016/vn_admin_c2016_wgs84.gpkg"
copies="${1:-3}"
work="$(mktemp -d /tmp/ntm-bench-pg-XXXXXX)"
chmod 755 "$work"
cleanup() {
  bash "$root/tests/support/pg_test_cluster.sh" stop "$work/cluster" || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

bash "$root/tests/support/pg_test_cluster.sh" start "$work/cluster"
conninfo="$(cat "$work/cluster/conninfo")"   # host=… port=… user=ntm_admin dbname=postgres
server="${conninfo% dbname=postgres}"
locations=()
for i in $(seq 1 "$copies"); do
  /usr/bin/psql -X -q -v ON_ERROR_STOP=1 -d "$conninfo" -c "CREATE DATABASE ntm_bench_$i TEMPLATE ntm_template"
  locations+=("PG:$server dbname=ntm_bench_$i")
done
"$root/build/bench/pg_store_bench" "$data" "$work/bench" "${locations[@]}"
