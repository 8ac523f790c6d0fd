#!/usr/bin/env bash
# Benchmarks on demand (not part of the tests): the national commune layer through our renderer,
# and the dashboard (scope and filter changes) on a national project built from it.
# Usage: tools/bench.sh [FRAMES], or tools/bench.sh distances [VILLAGES] [WORKS]. Numbers go into README.md by hand, with the date.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/tools/setup.sh"
ntm_setup "$root"
data="$root/../shared/data/real/censusVN2009_communes_c2016/vn_admin_c2016_wgs84.gpkg"
mkdir -p "$root/out" && cd "$root/out"
if [[ "${1:-}" == distances ]]; then  # tools/bench.sh distances [VILLAGES] [WORKS]
    exec "$root/build/bench/distances_bench" "${2:-100000}" "${3:-100000}"
fi
"$root/build/bench/ntm_bench" "$data" communes "${1:-20}"
"$root/build/bench/dashboard_bench" "$data"
