#!/usr/bin/env bash
# Whole-process start-up: `lumbarlab render` of the default built-in model against the same render
# of a one-triangle STL (the floor: process start, EGL, driver, shaders, PNG), run interleaved so
# both see the same machine load. Prints the median wall and CPU time of each and their ratios.
#
#   bench/startup.sh [build-dir] [runs]      (defaults: build, 9; or set RUNS)
#   LUMBARLAB_BIN=/path/to/lumbarlab bench/startup.sh   (any binary; the build dir is then ignored)
# Each run's own phases: LUMBARLAB_TIMINGS=1 lumbarlab render --out x.png
set -euo pipefail

build_dir=${1:-build}
runs=${2:-${RUNS:-9}}
bin=${LUMBARLAB_BIN:-$build_dir/src/app/lumbarlab}
if [[ ! -x $bin ]]; then
    echo "startup.sh: no lumbarlab binary at $bin (build it, or pass the build folder)" >&2
    exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# One triangle, binary STL: 80-byte header, count, normal + 3 vertices + attribute word.
python3 - "$work/tri.stl" <<'PY'
import struct, sys
with open(sys.argv[1], "wb") as f:
    f.write(b"\0" * 80 + struct.pack("<I", 1))
    f.write(struct.pack("<12fH", 0, 0, 1, 0, 0, 0, 0.1, 0, 0, 0, 0.1, 0, 0))
PY

# Prints "wall_ms cpu_ms" of one run (CPU: user + system, the driver's threads included; steadier
# than wall time on a loaded machine). Fails loudly if the render fails.
run_ms() {
    local timing
    TIMEFORMAT='%3R %3U %3S'
    if ! timing=$( { time "$bin" render "$@" >/dev/null 2>"$work/err"; } 2>&1); then
        echo "startup.sh: '$bin render $*' failed:" >&2
        cat "$work/err" >&2
        exit 1
    fi
    awk '{printf "%.1f %.1f\n", 1000 * $1, 1000 * ($2 + $3)}' <<<"$timing"
}

# One warm-up of each: the page cache and Mesa's shader cache, as any second start sees them.
run_ms --out "$work/model.png" >/dev/null
run_ms --mesh "$work/tri.stl" --out "$work/tri.png" >/dev/null

model_wall=() model_cpu=() tri_wall=() tri_cpu=()
for ((i = 0; i < runs; i++)); do
    read -r w c < <(run_ms --out "$work/model.png")
    model_wall+=("$w") model_cpu+=("$c")
    read -r w c < <(run_ms --mesh "$work/tri.stl" --out "$work/tri.png")
    tri_wall+=("$w") tri_cpu+=("$c")
done

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
awk -v mw="$(median "${model_wall[@]}")" -v tw="$(median "${tri_wall[@]}")" \
    -v mc="$(median "${model_cpu[@]}")" -v tc="$(median "${tri_cpu[@]}")" -v n="$runs" -v bin="$bin" 'BEGIN {
    printf "%s, %d interleaved runs each (medians)\n", bin, n
    printf "                        wall ms    cpu ms\n"
    printf "  default model render  %7.1f   %7.1f\n", mw, mc
    printf "  one-triangle render   %7.1f   %7.1f\n", tw, tc
    printf "  ratio                 %7.2f   %7.2f\n", mw / tw, mc / tc
}'
