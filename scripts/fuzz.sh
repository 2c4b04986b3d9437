#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS]: builds the libFuzzer targets (tests/fuzz) in build/fuzz with clang-14,
# ASan and UBSan, runs each for SECONDS (default 60), and prints executions and coverage per target.
# Needs a generated model folder (build/models: cmake --build build --target lumbarlab_models) for
# the targets that read into the built-in model, and for the manifest and mesh seeds.
# A finding (crash, sanitizer report, leak, timeout) leaves its input in build/fuzz/findings/ and
# makes the script exit 1. FUZZ_JOBS (default 2) targets run side by side; FUZZ_TARGETS picks some.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${FUZZ_JOBS:-2}
models=${LUMBARLAB_FUZZ_MODEL_DIR:-$PWD/build/models}
dir=build/fuzz

if [[ ! -f $models/skeleton_manifest.json ]]; then
  echo "fuzz.sh: no $models/skeleton_manifest.json (build the dev build's lumbarlab_models target first)" >&2
  exit 2
fi
# -O1 with line tables only: findings still name file and line, and the build costs CI less time;
# a unity build (eight sources a unit) parses the shared headers once per unit instead of once a file.
CC=clang-14 CXX=clang++-14 cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLUMBARLAB_FUZZ=ON -DCMAKE_UNITY_BUILD=ON \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only -DNDEBUG" \
  -DLUMBARLAB_BUILD_TESTS=OFF -DLUMBARLAB_BUILD_BENCH=OFF -DLUMBARLAB_BUILD_MODELS=OFF \
  -DLUMBARLAB_FUZZ_MODEL_DIR="$models" -DLUMBARLAB_WERROR=ON >"$dir.configure.log" 2>&1 ||
  { cat "$dir.configure.log" >&2; exit 1; }
cmake --build "$dir" --target fuzz_all -j2

targets=${FUZZ_TARGETS:-"fuzz_skeleton fuzz_skeleton_manifest fuzz_coordinates fuzz_body fuzz_bone_info
  fuzz_references fuzz_pose fuzz_muscles fuzz_disc_model fuzz_evidence fuzz_posture_keys fuzz_mesh
  fuzz_muscle_shapes fuzz_lesson fuzz_settings fuzz_handout fuzz_scene_file fuzz_plain_names fuzz_quiz"}
mkdir -p "$dir/findings" "$dir/logs"

run_target() {
  local name=$1 seconds=$2 dir=$3
  local corpus=$dir/corpus/$name
  mkdir -p "$corpus"
  # The leak checker runs at exit: a loader that leaks on bad input is a finding too.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$dir/tests/fuzz/$name" "$corpus" "$dir/tests/fuzz/seeds/$name" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len=262144 -print_final_stats=1 -artifact_prefix="$dir/findings/$name-" \
    >"$dir/logs/$name.log" 2>&1
}
export -f run_target

status=0
printf '%s\n' $targets | xargs -P "$jobs" -I{} bash -c 'run_target "$@"' _ {} "$seconds" "$dir" || status=1

printf '%-24s %12s %8s %8s %s\n' target executions cov ft result
for name in $targets; do
  log=$dir/logs/$name.log
  execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | awk '{print $2}')
  result=ok
  if grep -q 'ERROR: \|SUMMARY: \|deadly signal\|runtime error:' "$log"; then
    result="FINDING (see $log)"
    status=1
  fi
  printf '%-24s %12s %8s %8s %s\n' "$name" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
# A finding's own report, so a CI log shows what broke without the build folder.
for name in $targets; do
  log=$dir/logs/$name.log
  if grep -q 'ERROR: \|SUMMARY: \|deadly signal\|runtime error:' "$log"; then
    echo "== $name: the report (last 40 lines of $log)"
    grep -v '^#[0-9]*[[:space:]]*\(NEW\|REDUCE\|pulse\|INITED\)' "$log" | tail -40
  fi
done
exit $status
