#!/usr/bin/env bash
# Renders the standard figures of the built-in model headlessly, one PNG each, into OUT_DIR.
# Extra arguments go to every `render` (e.g. --width 3840 --height 2160, --no-overlays).
# Usage: scripts/standard-figures.sh LUMBARLAB_EXE OUT_DIR [RENDER_OPTION...]
set -euo pipefail
exe=$1
out=$2
shift 2
mkdir -p "$out"
bones=(--hide body --hide props --hide muscles)
figure() {  # NAME RENDER_OPTION...
  local name=$1
  shift
  "$exe" render --out "$out/$name.png" "$@"
}
for view in anterior lateral posterior oblique superior medial; do
  figure "skeleton_$view" --camera "$view" "${bones[@]}" "$@"
done
figure pelvis_anterior --camera anterior "${bones[@]}" --focus pelvis "$@"
figure spine_lateral --camera lateral "${bones[@]}" --focus spine "$@"
figure person_sitting_oblique --camera oblique --pose sitting_relaxed "$@"
figure person_couch_stretch_lateral --camera lateral --pose couch_stretch_r "$@"
# Muscles coloured by length change against standing: blue shorter, red longer.
figure muscles_standing --camera lateral --pose neutral_standing --hide body --hide props "$@"
figure muscles_sitting --camera lateral --pose sitting_upright --hide body --hide props "$@"
figure muscles_couch_stretch --camera lateral --pose couch_stretch_r --time 10 --hide body --hide props "$@"
figure muscles_jefferson_bottom --camera lateral --pose jefferson_curl --time 6 --hide body --hide props "$@"
