#!/usr/bin/env bash
# Installs exactly the Debian 12 packages Lumbar Lab needs that are missing.
# Idempotent: when everything is present it checks with dpkg-query and exits without touching apt.
# Usage: scripts/install-deps.sh [--with-window-tests] [--with-lint] [--quiet]
set -euo pipefail

build_pkgs=(
  cmake g++ make pkg-config
  libglfw3-dev libglm-dev libimgui-dev libstb-dev libassimp-dev catch2 libepoxy-dev
  libegl-dev libgl-dev nlohmann-json3-dev libcli11-dev libbenchmark-dev
  libopenvdb-dev libboost-iostreams-dev libmeshoptimizer-dev zlib1g-dev
  libcairo2-dev libeigen3-dev libnanoflann-dev
)
runtime_pkgs=(libegl-mesa0 libgl1-mesa-dri libglx-mesa0 fonts-dejavu-core ffmpeg)
# Test-only tools: pdfinfo (handout page size), clang with its fuzzing runtime (libFuzzer targets).
test_pkgs=(poppler-utils clang-14 libclang-rt-14-dev)
window_test_pkgs=(xvfb xauth x11-apps imagemagick xdotool)
lint_pkgs=(clang-format clang-tidy python3)  # version 14 on Debian 12, for scripts/lint.sh

want=("${build_pkgs[@]}" "${runtime_pkgs[@]}" "${test_pkgs[@]}")
quiet=0
for arg in "$@"; do
  case "$arg" in
    --with-window-tests) want+=("${window_test_pkgs[@]}") ;;
    --with-lint) want+=("${lint_pkgs[@]}") ;;
    --quiet) quiet=1 ;;
    *) echo "install-deps.sh: unknown option '$arg' (use --with-window-tests, --with-lint, --quiet)" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${want[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
  ((quiet)) || echo "install-deps: all ${#want[@]} packages present"
  exit 0
fi

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "install-deps: missing packages; run as root:" >&2
  echo "  apt-get update && $cmd" >&2
  exit 1
fi

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
