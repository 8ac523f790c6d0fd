#!/usr/bin/env bash
# Runs each libFuzzer target (fuzz/, built with clang in build-asan/ beside the sanitized suite)
# from its seed corpus fuzz/corpus/<target>/, FUZZ_JOBS at a time (2 by default: one per core).
# How long: FUZZ_SECONDS when set, for every target; otherwise 60 s for the targets that go
# through files, SQLite and GDAL (a few hundred executions a second) and 20 s for the pure
# parsers, which pass millions of executions in that time (CI's budget is 20 minutes in all). New inputs go to
# build-asan/fuzz-corpus/<target>/, so the committed seeds only change by hand; a crash, leak, UB
# report, timeout or broken property fails the script and leaves the input in build-asan/fuzz-findings/.
# Usage: tools/fuzz-smoke.sh [TARGET…]   (FUZZ_SECONDS=900 for the longer run in the README)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="$root/build-asan"
# The pure parsers: in-memory functions of bytes, no file, database or GDAL behind them.
pure_parsers=" arg_parser_fuzz cell_date_fuzz cell_money_fuzz cell_number_fuzz text_decode_fuzz text_repair_fuzz vni_decode_fuzz "
seconds_for() {  # target
  if [ -n "${FUZZ_SECONDS:-}" ]; then echo "$FUZZ_SECONDS"
  elif [[ "$pure_parsers" == *" $1 "* ]]; then echo 20
  else echo 60; fi
}
jobs="${FUZZ_JOBS:-2}"
findings="$build/fuzz-findings"
mkdir -p "$findings"
log="$build/fuzz-build.log"

# The same configure as tools/asan-suite.sh (whichever runs first makes build-asan).
if [ ! -f "$build/CMakeCache.txt" ]; then
  if ! CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DNTM_SANITIZE=ON -DNTM_FUZZ=ON \
      >"$log" 2>&1; then
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

# The file-level targets write a project and an input file per execution: on tmpfs SQLite's
# fsync costs nothing, so they run several times faster than on disk.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi

# One target: its log in fuzz-findings/<target>.log, exit status 0 when nothing was found.
run_target() {
  local target="$1" corpus="$build/fuzz-corpus/$1"
  mkdir -p "$corpus"
  # -timeout: one input taking over 10 s is a hang; leaks are findings too (detect_leaks).
  ASAN_OPTIONS=detect_leaks=1 "$build/fuzz/$target" -max_total_time="$(seconds_for "$target")" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/$target-" "$corpus" "$root/fuzz/corpus/$target" >"$findings/$target.log" 2>&1
}

report() {  # target, exit status
  local out="$findings/$1.log" runs
  if [ "$2" -eq 0 ]; then
    runs="$(grep -oE 'Done [0-9]+ runs' "$out" | grep -oE '[0-9]+' || echo '?')"
    echo "fuzz $1: $runs executions in $(seconds_for "$1") s, no finding"
  else
    failed=1
    tail -n 40 "$out"
    echo "fuzz $1: FINDING (input and log in build-asan/fuzz-findings/)" >&2
  fi
}
# At most $jobs targets at once; each result is reported as its target ends (wait -n -p: bash 5.1).
declare -A names=()
failed=0 running=0
wait_one() {
  local pid status=0
  wait -n -p pid || status=$?
  report "${names[$pid]}" "$status"
  running=$((running - 1))
}
for target in "${targets[@]}"; do
  if [ "$running" -ge "$jobs" ]; then wait_one; fi
  run_target "$target" &
  names[$!]="$target"
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do wait_one; done
exit "$failed"
