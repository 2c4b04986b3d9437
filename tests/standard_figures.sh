#!/usr/bin/env bash
# The standard figures (scripts/standard-figures.sh) are framed so the subject fills at least 60 % of
# the picture's height (or, for the view from above, where the body is wider than it is deep, of its
# width), and stays inside it. Rendered small, transparent and without overlays, so the subject's
# extent is the extent of the opaque pixels. Exit 77 = skipped (no ImageMagick or no EGL).
# Usage: standard_figures.sh LUMBARLAB_EXE OUT_DIR
set -euo pipefail
exe=$1
out=$2
command -v convert >/dev/null || { echo "skipped: ImageMagick convert not installed"; exit 77; }
rm -rf "$out"
mkdir -p "$out"
width=480
height=360
status=0
"$(dirname "$0")/../scripts/standard-figures.sh" "$exe" "$out" --transparent --no-overlays --samples 1 \
  --width $width --height $height >"$out/render.log" 2>&1 || status=$?
if [ $status -ne 0 ]; then
  cat "$out/render.log"
  grep -q "no graphics\|EGL" "$out/render.log" && exit 77
  echo "FAIL: rendering the standard figures exited with $status"
  exit 1
fi
fail=0
count=0
for png in "$out"/*.png; do
  name=$(basename "$png" .png)
  # Width, height and offset of the opaque pixels' box.
  read -r w h x y < <(convert "$png" -alpha extract -threshold 0 -format "%@\n" info: | tr 'x+' '  ')
  hpct=$((100 * h / height))
  wpct=$((100 * w / width))
  fill=$hpct
  [[ $name == *superior* ]] && fill=$((hpct > wpct ? hpct : wpct))
  printf '%-32s subject %3d %% of the height, %3d %% of the width\n' "$name" "$hpct" "$wpct"
  if [ "$fill" -lt 60 ]; then
    echo "FAIL: $name: the subject fills only $fill % of the picture"
    fail=1
  fi
  if [ "$x" -le 0 ] || [ "$y" -le 0 ] || [ $((x + w)) -ge $width ] || [ $((y + h)) -ge $height ]; then
    # Focused figures crop the rest of the body on purpose, and props (a couch) may run off the picture;
    # the subject alone must not touch the edge.
    if [[ $name != pelvis_* && $name != spine_* && $name != person_* ]]; then
      echo "FAIL: $name: the subject touches the edge of the picture (box ${w}x${h}+${x}+${y})"
      fail=1
    fi
  fi
  count=$((count + 1))
done
[ $count -ge 14 ] || { echo "FAIL: only $count figures rendered"; exit 1; }
exit $fail
