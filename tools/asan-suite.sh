#!/usr/bin/env bash
# The whole suite again — unit, gl (Mesa llvmpipe through EGL surfaceless), ui and e2e (the real
# executable, its window under Xvfb) — built with clang, AddressSanitizer + UndefinedBehaviorSanitizer
# and libFuzzer's coverage instrumentation (NTM_SANITIZE=ON, NTM_FUZZ=ON, -O1) in build-asan/:
# out-of-bounds access, use-after-free, leaks (LeakSanitizer) and undefined behaviour fail the test
# that caused them. The same build holds the fuzz targets (one compile of our code serves both
# stages; tools/fuzz-smoke.sh runs them). tools/test.sh runs this after the Release suite.
# Usage: tools/asan-suite.sh [ctest arguments…]   (e.g. -L unit for one label)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-asan"
log="$build/build.log"
mkdir -p "$build"

# The same configure as tools/fuzz-smoke.sh (whichever runs first makes build-asan).
if [ ! -f "$build/CMakeCache.txt" ]; then
  if ! CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNTM_SANITIZE=ON -DNTM_FUZZ=ON \
      >"$log" 2>&1; then
    cat "$log"; echo "asan: cmake configure failed" >&2; exit 1
  fi
fi
# Everything ctest runs and the fuzz targets; not the benchmarks.
if ! cmake --build "$build" -j"$(nproc)" --target ntm_unit_tests ntm_gl_tests ntm_ui_tests ntm_e2e_tests ntm_store_tests ntm_crash_trials ntm-atlas fuzz_targets \
    >"$log" 2>&1; then
  cat "$log"; echo "asan: build failed" >&2; exit 1
fi

# detect_leaks: LeakSanitizer on; tests/lsan.supp names the third-party leaks (Mesa, GLFW…,
# never our code) that would otherwise fail the GL tests, each with its reason. The e2e tests run
# the sanitized ntm-atlas, which inherits these settings.
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0"
# Mesa's llvmpipe driver stays mapped for the whole process (EGL would dlclose it at terminate):
# LeakSanitizer then still scans the driver's globals and names its frames. Without it, every GL
# test reported Mesa's global state, which only the unloaded driver pointed to, as an unnamed leak.
swrast=/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so
if [ -f "$swrast" ]; then export LD_PRELOAD="$swrast"; fi
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1"
cd "$build"
ctest --output-on-failure -j"$(nproc)" "$@"
