#!/usr/bin/env bash
# Video export speed: `lumbarlab video` of a motion at 1280x720, single-sampled, into ffmpeg (H.264),
# against `--render-only` of the same frames (the floor: pose solve, render, read-back, overlays), run
# interleaved so both see the same machine load. Prints the median frames/s of each and the ratio of
# their times (export / render only; the target is at most 1.25 with at least 8 frames/s).
#
#   bench/video.sh [build-dir] [runs]     (defaults: build, 3; or set RUNS)
#   MOTION=psoas_curl SECONDS_OF_VIDEO=4 bench/video.sh
set -euo pipefail

build_dir=${1:-build}
runs=${2:-${RUNS:-3}}
bin=${LUMBARLAB_BIN:-$build_dir/src/app/lumbarlab}
motion=${MOTION:-jefferson_curl}
seconds=${SECONDS_OF_VIDEO:-4}
if [[ ! -x $bin ]]; then
    echo "video.sh: no lumbarlab binary at $bin (build it, or pass the build folder)" >&2
    exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Prints the frames/s a run reports ("... 12.3 frames/s)").
rate() {
    "$bin" video --pose "$motion" --to "$seconds" --fps 30 --width 1280 --height 720 --samples 1 --quiet "$@" |
        sed -n 's/.* \([0-9.]*\) frames\/s)$/\1/p'
}

export_rates=() render_rates=()
for ((i = 0; i < runs; i++)); do
    export_rates+=("$(rate --out "$work/v.mp4")")
    size=$(stat -c %s "$work/v.mp4")
    render_rates+=("$(rate --render-only)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
e=$(median "${export_rates[@]}")
r=$(median "${render_rates[@]}")
echo "motion $motion, $seconds s at 30 fps, 1280x720, 1 sample, $runs runs interleaved"
echo "export to H.264: $e frames/s (last file $((size / 1024)) KiB)"
echo "render only:     $r frames/s"
awk -v e="$e" -v r="$r" 'BEGIN { printf "export time / render-only time: %.2fx\n", r / e }'
