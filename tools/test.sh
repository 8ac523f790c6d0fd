#!/usr/bin/env bash
# One command for a fresh Debian bookworm machine: installs what is missing, builds (Release)
# and runs every test with ctest — unit, GL (Mesa llvmpipe through EGL surfaceless) and e2e —
# then the whole suite again under ASan + UBSan, built with clang (tools/asan-suite.sh), and a
# short run of each fuzz target from the same build, two at a time (tools/fuzz-smoke.sh: 60 s for
# the file-level targets, 20 s for the pure parsers). Arguments go to the first ctest only; NTM_QUICK=1 skips the
# sanitizer and fuzz stages (a developer's quick loop; CI never sets it).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/tools/setup.sh"

ntm_setup "$root"

cd "$root/build"
ctest --output-on-failure -j"$(nproc)" "$@"

if [ "${NTM_QUICK:-0}" = 1 ]; then exit 0; fi
echo "== the suite under ASan + UBSan (build-asan)"
"$root/tools/asan-suite.sh"
echo "== fuzz smoke (build-asan)"
"$root/tools/fuzz-smoke.sh"
