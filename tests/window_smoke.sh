#!/usr/bin/env bash
# Runs the real viewer window under Xvfb for a few seconds, screenshots the X screen while it
# runs, and checks the picture shows both the 3D view and the interface. Exit 77 = skipped.
# Usage: window_smoke.sh LUMBARLAB_EXE OUT_DIR
set -euo pipefail
exe=$1
out=${2:-/tmp/lumbarlab-window}
mkdir -p "$out"
for tool in xvfb-run xwd convert; do
  command -v "$tool" >/dev/null || { echo "window test skipped: $tool not installed (scripts/install-deps.sh --with-window-tests)"; exit 77; }
done

# The viewer saves its settings at exit: keep them in the test's folder, not the user's.
export XDG_CONFIG_HOME="$out/config"
shot="$out/window.png"
log="$out/window.log"
rm -f "$shot" "$log"
# One script inside one Xvfb: start the viewer, wait for its first frame, take the screenshot,
# then let it finish its frames and report its exit code.
status=0
xvfb-run -a -s '-screen 0 1280x720x24' bash -c '
  "$1" view --frames 60 >"$3" 2>&1 &
  pid=$!
  for i in $(seq 1 200); do grep -q "first frame" "$3" 2>/dev/null && break; sleep 0.05; done
  sleep 0.6
  xwd -root -silent | convert xwd:- "$2"
  wait $pid
' _ "$exe" "$shot" "$log" || status=$?
cat "$log"
[ $status -eq 0 ] || { echo "FAIL: viewer exited with $status"; exit 1; }
grep -q "first frame" "$log" || { echo "FAIL: viewer never drew a frame"; exit 1; }
[ -s "$shot" ] || { echo "FAIL: no screenshot"; exit 1; }

# The menu bar (top rows) carries light text; the 3D view shows bone (ivory pixels) on the
# calm background, and it is not one flat colour.
text_pixels=$(convert "$shot" -crop 300x22+0+0 -colorspace Gray -threshold 70% -format '%[fx:mean*100]' info:)
bone_pixels=$(convert "$shot" -crop 640x600+320+60 -fx '(r>0.72 && g>0.68 && b>0.55 && r>b) ? 1 : 0' -format '%[fx:mean*100]' info:)
spread=$(convert "$shot" -crop 640x600+320+60 -colorspace Gray -format '%[fx:standard_deviation*255]' info:)
echo "screenshot: $shot (menu text ${text_pixels}%, bone pixels ${bone_pixels}%, view grey spread ${spread})"
awk -v t="$text_pixels" -v b="$bone_pixels" -v s="$spread" 'BEGIN {
  if (t < 1.0) { print "FAIL: no menu text in the top bar"; exit 1 }
  if (b < 0.3) { print "FAIL: no bone in the 3D view"; exit 1 }
  if (s < 5.0) { print "FAIL: the 3D view is one flat colour"; exit 1 }
  exit 0 }'
echo "window test passed"
