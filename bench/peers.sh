#!/usr/bin/env bash
# Our exporter next to QGIS 3.22 and Mapnik 3.1 in one run, on the same data: the synthetic
# 1,000 and 10,000 communes of ../shared/bench/gen_data.py and the real national layer (11,163
# communes), all at 4000×3000, drawn as tools/bench-peer.sh draws them. Writes out/peers/table.md:
# median wall time and peak memory of each, and our ratio to the fastest peer.
#
#   bench/peers.sh                  # RUNS=3, SIZES="1000 10000 national"
#   RUNS=1 SIZES=1000 bench/peers.sh
#
# The peers need packages our build does not (see ../shared/bench/README.md, "Install"):
#   apt-get install -y --no-install-recommends qgis python3-qgis python3-mapnik python3-gdal \
#       gdal-bin python3-numpy python3-scipy python3-mapbox-earcut time
# The shared scripts are copied into out/peers/ so their data/ and out/ stay in this checkout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared/bench"
work="$root/out/peers"
national_src="$root/../shared/data/real/censusVN2009_communes_c2016/vn_admin_c2016_wgs84.gpkg"
SIZES=${SIZES:-"1000 10000 national"}
RUNS=${RUNS:-3}
PEERS=${PEERS:-"qgis mapnik app"}
STAMP=${STAMP:-peers}

mkdir -p "$work/data"
cp "$shared"/*.py "$shared"/*.sh "$work/"

# The national layer as the peers read it: the real communes with a criteria_met field (a fixed
# hash of the commune id, 0–19, so every class is drawn) and the synthetic set's roads and
# waste_sites layers left empty (every peer script expects the three layers).
national="$work/data/communes_national_s42_v200.gpkg"
schema="$work/data/communes_1000_s42_v200.gpkg"
if [[ " $SIZES " == *" national "* && ! -s "$national" ]]; then
  [ -s "$schema" ] || (cd "$work" && /usr/bin/python3 gen_data.py --n 1000 --seed 42 --verts 200 --out "$schema")
  rm -f "$national"
  ogr2ogr -f GPKG "$national" "$national_src" -nln communes -nlt MULTIPOLYGON -dialect SQLite \
    -sql "SELECT geom, commune_id, commune_vn AS name, gso_xa AS code,
                 (abs(commune_id * 7919 + 13) % 20) AS criteria_met FROM communes"
  ogr2ogr -update "$national" "$schema" roads -where "0 = 1"
  ogr2ogr -update "$national" "$schema" waste_sites -where "0 = 1"
  echo '{"source": "real national communes"}' >"$national.json"
fi

# run.sh only knows numeric sizes: the national file sits under its naming scheme.
cd "$work"
sizes=()
for s in $SIZES; do sizes+=("$s"); done
APP_CMD="$root/tools/bench-peer.sh" SNAP_PEERS="$PEERS" VIEW_PEERS="" GL_VIEW_CONFIGS="" \
  SIZES="${sizes[*]}" OPTIONAL_SIZES="" RUNS="$RUNS" STAMP="$STAMP" ./run.sh || true
/usr/bin/python3 "$root/bench/peer_table.py" "$work/out/$STAMP/raw" "${sizes[@]}" | tee "$work/table.md"
