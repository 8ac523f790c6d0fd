#!/usr/bin/env bash
# One command for a fresh Debian bookworm machine: installs what is missing, builds (Release),
# and opens the map window on the bundled demo project. Without a display it renders the demo
# map headless (EGL on Mesa) to a PNG and prints its path.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/tools/setup.sh"

ntm_setup "$root"

app="$root/build/app/ntm-atlas"
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" "$@"
fi
mkdir -p "$root/out"
echo "No display: rendering the demo map headless." >&2
"$app" export demo --out "$root/out/demo-map.png" --width 1920 --height 1080 2> >(grep -v "^BENCH " >&2)
