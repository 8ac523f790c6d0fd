#!/usr/bin/env bash
# One command for a fresh Debian bookworm machine: installs what is missing, builds (Release)
# and runs every test with ctest — unit, GL (Mesa llvmpipe through EGL surfaceless) and e2e.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/tools/setup.sh"

ntm_setup "$root"

cd "$root/build"
ctest --output-on-failure -j"$(nproc)" "$@"
