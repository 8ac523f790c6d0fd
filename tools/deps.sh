#!/usr/bin/env bash
# Installs the Debian (bookworm) packages NTM Atlas builds and tests with, only those missing.
# Sourced by tools/run.sh and tools/test.sh; silent when everything is already there.
set -euo pipefail

NTM_PACKAGES=(
  build-essential cmake pkg-config
  libimgui-dev libstb-dev libglfw3-dev libepoxy-dev libegl-dev libegl-mesa0 libgl1-mesa-dri
  libgdal-dev gdal-bin libproj-dev proj-bin libsqlite3-dev libgeos-dev libutf8proc-dev
  libglu1-mesa-dev libfontconfig-dev fonts-noto-core catch2
  xvfb xauth
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
