#!/usr/bin/python3
"""One table from the raw logs of bench/peers.sh (../shared/bench/run.sh): per data set, the median
wall time (with min–max) and peak memory of every peer, and our ratio to the fastest peer.

Usage: peer_table.py RAW_DIR SIZE...   (SIZE as run.sh names the data: 1000, 10000, national)
"""
import glob
import os
import re
import statistics
import sys

NAMES = {"qgis": "QGIS 3.22", "qgis_nosimplify": "QGIS 3.22 (no simplify)", "mapnik": "Mapnik 3.1",
         "gdal": "GDAL rasterize", "app": "NTM Atlas"}


def wall_seconds(text):
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text)
    parts = [float(p) for p in m.group(1).split(":")]
    return parts[0] * 3600 + parts[1] * 60 + parts[2] if len(parts) == 3 else parts[0] * 60 + parts[1]


def peak_mb(text):
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024.0


def runs(raw, peer, size):
    out = []
    for path in sorted(glob.glob(os.path.join(raw, f"snap_{peer}_{size}_r*.time"))):
        rc_path = path[:-5] + ".rc"
        if os.path.exists(rc_path) and open(rc_path).read().strip() != "0":
            continue
        text = open(path).read()
        err = open(path[:-5] + ".err", errors="replace").read() if os.path.exists(path[:-5] + ".err") else ""
        bench = re.findall(r"^BENCH .*$", err, re.M)
        out.append((wall_seconds(text), peak_mb(text), bench[-1] if bench else ""))
    return out


def main():
    raw, sizes = sys.argv[1], sys.argv[2:]
    peers = sorted({os.path.basename(p).split("_")[1] for p in glob.glob(os.path.join(raw, "snap_*_r*.time"))},
                   key=lambda p: list(NAMES).index(p) if p in NAMES else 99)
    print("| data | " + " | ".join(NAMES.get(p, p) for p in peers) + " | fastest peer ÷ ours |")
    print("|---|" + "---:|" * (len(peers) + 1))
    benches = []
    for size in sizes:
        cells, medians = [], {}
        for peer in peers:
            r = runs(raw, peer, size)
            if not r:
                cells.append("failed")
                continue
            walls = [x[0] for x in r]
            medians[peer] = statistics.median(walls)
            cells.append(f"{medians[peer]:.2f} s ({min(walls):.2f}–{max(walls):.2f}), {max(x[1] for x in r):.0f} MB")
            if peer == "app":
                benches += [f"{size} run {i + 1}: {x[2]} (wall {x[0]:.2f} s)" for i, x in enumerate(r)]
        others = [v for p, v in medians.items() if p != "app"]
        ratio = f"{min(others) / medians['app']:.1f}×" if "app" in medians and others else "–"
        label = "national (real, 11,163)" if size == "national" else f"synthetic {int(size):,}"
        print(f"| {label} | " + " | ".join(cells) + f" | {ratio} |")
    print()
    print(f"Runs per cell: {max((len(runs(raw, p, s)) for p in peers for s in sizes), default=0)}; "
          "wall time is the median (min–max) of the whole process under time -v, memory the largest peak RSS.")
    for line in benches:
        print(f"    {line}")


if __name__ == "__main__":
    main()
