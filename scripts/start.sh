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
for view in anterior lateral posterior oblique superior medial; do
  "$exe" render --camera "$view" --hide body --hide props --hide muscles --out "$out/skeleton_$view.png" "$@"
done
"$exe" render --camera anterior --hide body --hide props --hide muscles --focus pelvis --out "$out/pelvis_anterior.png" "$@"
"$exe" render --camera lateral --hide body --hide props --hide muscles --focus spine --out "$out/spine_lateral.png" "$@"
"$exe" render --camera oblique --pose sitting_relaxed --out "$out/person_sitting_oblique.png" "$@"
"$exe" render --camera lateral --pose couch_stretch_r --out "$out/person_couch_stretch_lateral.png" "$@"
# Muscles coloured by length change against standing: blue shorter, red longer.
"$exe" render --camera lateral --pose neutral_standing --hide body --hide props --out "$out/muscles_standing.png" "$@"
"$exe" render --camera lateral --pose sitting_upright --hide body --hide props --out "$out/muscles_sitting.png" "$@"
"$exe" render --camera lateral --pose couch_stretch_r --time 10 --hide body --hide props --out "$out/muscles_couch_stretch.png" "$@"
"$exe" render --camera lateral --pose jefferson_curl --time 6 --hide body --hide props --out "$out/muscles_jefferson_bottom.png" "$@"
echo "Figures written to $(cd "$out" && pwd)/ (open them with any image viewer)."
