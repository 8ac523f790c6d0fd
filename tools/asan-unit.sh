#!/usr/bin/env bash
# The unit tests again, built with AddressSanitizer + UndefinedBehaviorSanitizer (NTM_SANITIZE=ON)
# in build-asan/: out-of-bounds access, use-after-free, leaks (LeakSanitizer) and undefined
# behaviour fail the test that caused them. tools/test.sh runs it after the normal suite.
# Usage: tools/asan-unit.sh [ctest arguments…]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-asan"
log="$build/build.log"
mkdir -p "$build"

if [ ! -f "$build/CMakeCache.txt" ]; then
  # No GUI: the unit tests do not link it, and it would double the sanitized build.
  if ! cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNTM_SANITIZE=ON -DNTM_BUILD_GUI=OFF >"$log" 2>&1; then
    cat "$log"; echo "asan: cmake configure failed" >&2; exit 1
  fi
fi
if ! cmake --build "$build" -j"$(nproc)" --target ntm_unit_tests >"$log" 2>&1; then
  cat "$log"; echo "asan: build failed" >&2; exit 1
fi

# detect_leaks: LeakSanitizer on; the suppressions name the third-party leaks (not ours) that
# would otherwise fail every test, each with the reason in the file.
export ASAN_OPTIONS="detect_leaks=1"
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1"
cd "$build"
ctest --output-on-failure -j"$(nproc)" -L unit "$@"
