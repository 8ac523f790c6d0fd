#!/usr/bin/env bash
# Configures (once) and builds NTM Atlas in build/ (Release). Sourced by run.sh and test.sh.
set -euo pipefail

ntm_build() {
  local root="$1"
  local build_dir="$root/build"
  local log="$build_dir/build.log"
  mkdir -p "$build_dir"
  if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    if ! cmake -S "$root" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >"$log" 2>&1; then
      cat "$log"; echo "cmake configure failed (log: $log)" >&2; return 1
    fi
  fi
  if ! cmake --build "$build_dir" -j"$(nproc)" >"$log" 2>&1; then
    cat "$log"; echo "build failed (log: $log)" >&2; return 1
  fi
  # Our code builds warning-free: show any warning of ours instead of hiding it in the log.
  grep -E "warning:" "$log" | grep -v "/usr/" || true
}
