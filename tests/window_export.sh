#!/usr/bin/env bash
# Drives the File menu's exports in the real window under Xvfb at 1920x1080 with xdotool:
#  1. File > Save picture...: Enter saves the suggested file in the pictures folder; its size is checked;
#  2. File > Export video... of the Jefferson curl: 0-1 s at 10 fps, 320x180, typed into the dialog;
#     ffprobe counts the frames (10) and reads the size;
#  3. another export of the whole motion at 1280x720, cancelled with the dialog's Cancel button while
#     it runs: nothing is left in the folder (no video, no hidden temporary file);
#  4. File > Handout... writes the Jefferson curl PDF (pdfinfo: one page);
#  5. a picture into a folder that cannot be made: a one-line error in the dialog, no crash.
# Screenshots of each dialog are kept. Exit 77 = skipped. Usage: window_export.sh LUMBARLAB_EXE OUT_DIR
set -euo pipefail
exe=$1
out=${2:-/tmp/lumbarlab-window-export}
mkdir -p "$out"
for tool in xvfb-run xwd convert identify xdotool ffprobe pdfinfo; do
  command -v "$tool" >/dev/null || { echo "window export test skipped: $tool not installed"; exit 77; }
done
rm -rf "$out"/*.png "$out"/*.log "$out/config" "$out/pictures" "$out/locked"
mkdir -p "$out/config" "$out/pictures"

cat >"$out/drive.sh" <<'DRIVE'
#!/usr/bin/env bash
set -uo pipefail
exe=$1 out=$2
export XDG_CONFIG_HOME=$out/config XDG_PICTURES_DIR=$out/pictures
fail() { echo "FAIL: $*"; exit 1; }
shot() { xwd -root -silent | convert xwd:- "$out/$1.png"; }
wait_for() {  # wait_for LOG PATTERN [SECONDS]
  for _ in $(seq 1 $((${3:-20} * 20))); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
  return 1
}
window_of() {
  for _ in $(seq 1 100); do
    w=$(xdotool search --pid "$1" --name "Lumbar Lab" 2>/dev/null | head -1) && [ -n "$w" ] && { echo "$w"; return 0; }
    sleep 0.1
  done
  return 1
}
press() { xdotool key --clearmodifiers "$@"; }
# ImGui 1.86 reads key state once per frame: a press and release inside one frame is lost, so keys
# for the dialog's fields are held for a few frames.
hold() {  # hold KEY [MODIFIER]
  [ -n "${2:-}" ] && xdotool keydown "$2"
  xdotool keydown "$1"; sleep 0.15; xdotool keyup "$1"
  [ -n "${2:-}" ] && xdotool keyup "$2"
  sleep 0.1
}
# The File menu at interface scale 1: its title, then one row per item.
file_item() {  # file_item ROW (1 = Save screenshot, 2 = Save picture, 3 = Export video, 4 = Handout)
  xdotool mousemove 22 12 click 1
  sleep 0.8
  xdotool mousemove 60 $((22 + 25 * $1)) click 1
  sleep 1.0
}
field() {  # field TEXT: replaces the focused text field's contents, then Tab to the next
  hold a ctrl; xdotool type --delay 40 "$1"; hold Tab; sleep 0.2
}

"$exe" view --ui-scale 1 >"$out/view.log" 2>&1 &
pid=$!
wait_for "$out/view.log" "first frame" 30 || fail "the window never drew a frame"
win=$(window_of $pid) || fail "no window"
xdotool windowmove "$win" 0 0 windowsize "$win" 1920 1080
xdotool windowfocus --sync "$win" 2>/dev/null || true
xdotool mousemove 960 500
sleep 1.5
press F10  # the Jefferson curl (a motion)
sleep 1.5
press space  # pause it: the picture is of one moment
sleep 0.5

# 1. Save picture: the suggested name in the pictures folder, 1920 x 1080 by default; Enter in the
#    file name field (focused when the dialog opens) saves.
file_item 2
shot picture_dialog
hold Return
wait_for "$out/view.log" "Saved picture" 60 || fail "Save picture did not save"
picture=$(sed -n 's/.*Saved picture \(.*\.png\) .*/\1/p' "$out/view.log" | head -1)
[ -f "$picture" ] || fail "no picture file ($picture)"
case "$picture" in "$out/pictures/"*) ;; *) fail "the picture is not in the pictures folder: $picture" ;; esac
size=$(identify -format '%wx%h' "$picture")
[ "$size" = "1920x1080" ] || fail "the picture is $size, not 1920x1080"
echo "picture: $picture ($size)"
sleep 0.5

# 2. A short video: 0-1 s at 10 fps, 320 x 180.
file_item 3
field 0; field 1; field 10; field 320; field 180
sleep 0.3
shot video_dialog
hold Return  # in the file name field, which the last Tab reached: starts the export
wait_for "$out/view.log" "Saved video" 120 || fail "the video export did not finish"
video=$(sed -n 's/.*Saved video \(.*\.mp4\) .*/\1/p' "$out/view.log" | head -1)
[ -f "$video" ] || fail "no video file ($video)"
frames=$(ffprobe -v error -select_streams v:0 -count_frames -show_entries stream=nb_read_frames -of csv=p=0 "$video")
vsize=$(ffprobe -v error -select_streams v:0 -show_entries stream=width,height -of csv=s=x:p=0 "$video")
[ "$frames" = "10" ] || fail "the video has $frames frames, not 10"
[ "$vsize" = "320x180" ] || fail "the video is $vsize, not 320x180"
echo "video: $video ($frames frames, $vsize)"
sleep 0.5

# 3. The whole motion at 1280 x 720, cancelled with the Cancel button while it runs.
rm -f "$video"
before=$(ls -A "$out/pictures" | sort)
file_item 3
field 0; hold Tab; field 30; field 1280; field 720
hold Return
wait_for "$out/view.log" "exporting .* frames to .*" 30 || fail "the second export did not start"
sleep 2.0
shot video_progress
[ "$(grep -c "Saved video" "$out/view.log")" = 1 ] || fail "the long export finished before Cancel"
# The Cancel button: right of the progress bar on the dialog's bottom row (the dialog is centred and
# sized by its fields: at interface scale 1 the button's middle is at 1141, 670).
cx=1141 cy=670
xdotool mousemove "$cx" "$cy" click 1
wait_for "$out/view.log" "Export cancelled" 20 || fail "Cancel was not honoured"
sleep 1.0
shot video_cancelled
after=$(ls -A "$out/pictures" | sort)
[ "$before" = "$after" ] || fail "Cancel left files: $(comm -13 <(echo "$before") <(echo "$after") | tr '\n' ' ')"
echo "cancel: nothing left in the pictures folder"
press Escape; sleep 0.5

# 4. The handout of the current exercise (Jefferson curl): a one-page PDF.
file_item 4
shot handout_dialog
hold Return
wait_for "$out/view.log" "Saved handout" 120 || fail "the handout was not written"
handout=$(sed -n 's/.*Saved handout \(.*\.pdf\).*/\1/p' "$out/view.log" | head -1)
pdfinfo "$handout" | grep -q "Pages: *1" || fail "the handout is not one page"
echo "handout: $handout"
sleep 1.0

# 5. A folder that cannot be written: one line in the dialog, the window lives on.
# (a file where the folder should be: even root cannot write there)
echo "not a folder" >"$out/locked"
file_item 2  # the file name field has the keys when the dialog opens
shot picture_dialog_again
hold a ctrl; xdotool type --delay 40 "$out/locked/x.png"; hold Return
sleep 2.0
shot picture_error
kill -0 $pid 2>/dev/null || fail "the viewer died on an unwritable folder"
grep -q "locked: cannot create the folder" "$out/view.log" || fail "no one-line error for the unwritable folder"
press Escape; sleep 0.5
press ctrl+q
wait $pid || fail "the viewer exited with $?"
echo "drive: done"
DRIVE
chmod +x "$out/drive.sh"

status=0
xvfb-run -a -s '-screen 0 1920x1080x24' "$out/drive.sh" "$exe" "$out" >"$out/drive.log" 2>&1 || status=$?
cat "$out/drive.log"
[ -f "$out/view.log" ] && { echo "--- view.log"; cat "$out/view.log"; }
[ $status -eq 0 ] || { echo "FAIL: the window drive failed ($status)"; exit 1; }
grep -q "drive: done" "$out/drive.log" || { echo "FAIL: the drive did not finish"; exit 1; }
echo "window export test passed; screenshots in $out"
