#!/usr/bin/env bash
# Adapter for the peer benchmark in ../shared/bench (called as CMD DATA.gpkg OUT.png W H):
#   APP_CMD="$PWD/tools/bench-peer.sh" SNAP_PEERS="qgis mapnik gdal gl app" ../shared/bench/run.sh
# Draws the same three layers as the peers (communes by criteria_met, roads, waste sites).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec "$root/build/app/ntm-atlas" export "$1" --out "$2" --width "$3" --height "$4" \
  --layer communes,roads,waste_sites --color-by criteria_met
