#!/usr/bin/env bash
# Set-up shared by tools/run.sh, test.sh and bench.sh: installs the Debian (bookworm) packages
# NTM Atlas builds and tests with (only those missing), then configures and builds Release in
# build/. Silent when nothing needs doing.
set -euo pipefail

NTM_PACKAGES=(
  build-essential cmake pkg-config
  libimgui-dev libstb-dev libglfw3-dev libepoxy-dev libegl-dev libegl-mesa0 libgl1-mesa-dri
  libgdal-dev gdal-bin libproj-dev proj-bin libsqlite3-dev libgeos-dev libutf8proc-dev
  libglu1-mesa-dev libfontconfig-dev fonts-noto-core catch2
  libcairo2-dev poppler-utils
  # ISA-L's igzip deflates the PNG bands several times faster than zlib (gis/export/png_encoder.cpp)
  libisal-dev
  # patchelf takes libgdal out of the program's DT_NEEDED: GDAL is loaded on first use (gis/data/gdal_library.hpp)
  patchelf
  # the shared project store (libpq) and the throwaway test cluster the store tests start
  libpq-dev postgresql-15 postgresql-15-postgis-3
  xvfb xauth
  # clang and its runtimes for the libFuzzer targets (fuzz/, tools/fuzz-smoke.sh): gcc has no libFuzzer
  clang-14 libclang-rt-14-dev
)

ntm_missing_packages() {
  local missing=()
  for package in "${NTM_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$package")
    fi
  done
  echo "${missing[@]:-}"
}

ntm_install_dependencies() {
  local missing
  missing="$(ntm_missing_packages)"
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "Installing: $missing"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

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

# Installs what is missing and builds: what every tools/ command does first.
ntm_setup() {
  ntm_install_dependencies
  ntm_build "$1"
}
