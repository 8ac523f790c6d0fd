#!/usr/bin/env bash
# The README's window screenshots, taken from the real app under Xvfb: the demo district, the
# demo in briefing mode (English), and a real district (Anh Sơn, Nghệ An: boundaries from the
# national commune layer, the criteria figure that conclusion notice 000 gives for Thành Sơn).
# Also the gap view and the import dialog of the demo.
# Usage: tools/screenshots.sh  (writes docs/screenshot-*.png)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/tools/setup.sh"
ntm_setup "$root"
app="$root/build/app/ntm-atlas"
national="$root/../shared/data/real/censusVN2009_communes_c2016/vn_admin_c2016_wgs84.gpkg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shoot() { xvfb-run -a -s "-screen 0 1600x960x24" "$app" gui "$@" >/dev/null; }

"$app" init "$work/demo.gpkg" --demo >/dev/null
shoot "$work/demo.gpkg" --screenshot "$root/docs/screenshot-demo.png"
shoot "$work/demo.gpkg" --unit 99709 --color-by disbursed_pct --briefing --lang en --screenshot "$root/docs/screenshot-briefing-en.png"
shoot "$work/demo.gpkg" --color-by gap_count --screenshot "$root/docs/screenshot-gaps.png"
# The import dialog on a quarter's criteria sheet with one misspelt commune name.
printf 'Tên xã,Số tiêu chí đạt,Ngày\nThành Sơnn,15/19,31/03/2025\nHòa Bình,12/19,31/03/2025\nYên Lạc,18/19,31/03/2025\n' >"$work/ket_qua_q1.csv"
shoot "$work/demo.gpkg" --import "$work/ket_qua_q1.csv" --screenshot "$root/docs/screenshot-import.png"

ogr2ogr -f GPKG "$work/districts.gpkg" "$national" districts -where "gso_tinh = '40'" -t_srs EPSG:9208
ogr2ogr -f GPKG "$work/anh_son.gpkg" "$national" communes -where "district_vn = 'Huyện Anh Sơn'" -t_srs EPSG:9208
"$app" init "$work/anh_son_project.gpkg" >/dev/null
"$app" import "$work/anh_son_project.gpkg" units "$work/districts.gpkg" --level district --code gso_huyen --name district_vn \
  --parent-code gso_tinh --map parent_name=province_vn >/dev/null
"$app" import "$work/anh_son_project.gpkg" units "$work/anh_son.gpkg" --level commune --code gso_xa --fallback-code commune_id \
  --name commune_vn --parent-code gso_huyen --map parent_name=district_vn >/dev/null
printf 'Tên xã,Số tiêu chí đạt,Ngày\nThành Sơn,14/19,28/02/2024\n' >"$work/ket_luan.csv"

"$app" import "$work/anh_son_project.gpkg" criteria "$work/ket_luan.csv" --set ntm_xa_2021_2025 >/dev/null
shoot "$work/anh_son_project.gpkg" --unit 424 --screenshot "$root/docs/screenshot-real-district.png"
echo "docs/screenshot-{demo,briefing-en,gaps,import,real-district}.png"
