#!/usr/bin/env bash
# Peak memory of `ntm-atlas import criteria` on a generated sheet of ROWS rows (default 1,000,000):
# a demo project, ROWS assessments of its 19 xã (one per commune and day, from 1900-01-01), as CSV
# and, with XLSX=1, as XLSX too (written by ogr2ogr). Prints the peak RSS from /usr/bin/time -v.
# Nothing is written inside the repository: everything goes to a temporary directory.
#   tools/sheet-rss.sh [ROWS]      (NTM_ATLAS=path/to/ntm-atlas, default build/app/ntm-atlas)
set -euo pipefail
rows=${1:-1000000}
here=$(cd "$(dirname "$0")/.." && pwd)
atlas=${NTM_ATLAS:-$here/build/app/ntm-atlas}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$atlas" init "$work/p.ntm" --demo >/dev/null
codes=$(sqlite3 "$work/p.ntm" "select code from ntm_units where level='commune' and type='xa' order by code" | tr '\n' ' ')
python3 - "$rows" "$work/sheet.csv" $codes <<'PY'
import sys, datetime
rows, path, codes = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
start = datetime.date(1900, 1, 1)
with open(path, "w") as f:
    f.write("unit_code,as_of,criteria_met\n")
    for i in range(rows):
        day = start + datetime.timedelta(days=i // len(codes))
        f.write(f"{codes[i % len(codes)]},{day.isoformat()},{i % 20}\n")
PY
measure() {
    /usr/bin/time -v "$atlas" import "$work/p.ntm" criteria "$1" --set ntm_xa_2016_2020 >"$work/out.txt" 2>"$work/time.txt" || {
        tail -5 "$work/out.txt" "$work/time.txt"; return 1; }
    echo "$(basename "$1"): $rows rows, peak RSS $(awk -F': ' '/Maximum resident/ {printf "%.0f MB", $2/1024}' "$work/time.txt"), wall $(awk -F'): ' '/Elapsed/ {print $2}' "$work/time.txt")"
}
measure "$work/sheet.csv"
if [[ "${XLSX:-0}" == 1 ]]; then
    ogr2ogr -f XLSX -nln TC "$work/sheet.xlsx" "$work/sheet.csv"
    rm -f "$work/p.ntm"; "$atlas" init "$work/p.ntm" --demo >/dev/null
    measure "$work/sheet.xlsx"
fi
