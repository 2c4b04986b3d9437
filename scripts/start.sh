#!/usr/bin/env bash
# Installs what is missing, builds, and starts Lumbar Lab on the built-in model. With no display
# it renders the standard views headlessly and says where they are.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev
exe=build/src/app/lumbarlab
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$exe" view "$@"
fi
out=out/figures
mkdir -p "$out"
echo "No display: rendering the standard views headlessly instead."
scripts/standard-figures.sh "$exe" "$out" "$@"
echo "Figures written to $(cd "$out" && pwd)/ (open them with any image viewer)."
