#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, in build-fuzz/) and runs each for FUZZ_SECONDS
# (15 by default) from its seed corpus fuzz/corpus/<target>/. New inputs go to
# build-fuzz/corpus/<target>/, so the committed seeds only change by hand; a crash, leak, UB
# report, timeout or broken property fails the script and leaves the input in build-fuzz/findings/.
# Usage: tools/fuzz-smoke.sh [TARGET…]   (FUZZ_SECONDS=300 for the longer run in the README)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-fuzz"
seconds="${FUZZ_SECONDS:-15}"
mkdir -p "$build/findings"
log="$build/build.log"

if [ ! -f "$build/CMakeCache.txt" ]; then
  if ! CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNTM_FUZZ=ON \
      -DNTM_BUILD_TESTS=OFF -DNTM_BUILD_GUI=OFF >"$log" 2>&1; then
    cat "$log"; echo "fuzz: cmake configure failed" >&2; exit 1
  fi
fi
if ! cmake --build "$build" -j"$(nproc)" --target fuzz_targets >"$log" 2>&1; then
  cat "$log"; echo "fuzz: build failed" >&2; exit 1
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for dir in "$root"/fuzz/corpus/*/; do targets+=("$(basename "$dir")"); done
fi

failed=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  out="$build/findings/$target.log"
  # -timeout: one input taking over 10 s is a hang; leaks are findings too (detect_leaks).
  if ASAN_OPTIONS=detect_leaks=1 "$build/fuzz/$target" -max_total_time="$seconds" -timeout=10 \
      -artifact_prefix="$build/findings/$target-" "$corpus" "$root/fuzz/corpus/$target" >"$out" 2>&1; then
    runs="$(grep -oE 'Done [0-9]+ runs' "$out" | grep -oE '[0-9]+' || echo '?')"
    echo "fuzz $target: $runs executions in ${seconds} s, no finding"
  else
    failed=1
    tail -n 40 "$out"
    echo "fuzz $target: FINDING (input and log in build-fuzz/findings/)" >&2
  fi
done
exit "$failed"
