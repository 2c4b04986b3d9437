#!/usr/bin/env bash
# Proves the format check bites: the same clang-format call as scripts/lint.sh must reject
# misformatted.cpp.in (read as a .cpp in this folder, so the repository's .clang-format applies)
# and accept planted_defect.cpp, which is formatted.
# Usage: check_format_catches.sh [SOURCE_DIR]. Exits 77 (skipped) when clang-format is not installed.
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
format=$(command -v clang-format-14 || command -v clang-format || true)
[[ -n "$format" ]] || { echo "clang-format not installed: skipped"; exit 77; }
dir="$root/tests/lint"

if out=$("$format" --dry-run --Werror --assume-filename="$dir/misformatted.cpp" <"$dir/misformatted.cpp.in" 2>&1); then
  echo "FAIL: clang-format accepted misformatted.cpp.in"
  exit 1
fi
grep -q 'clang-format-violations' <<<"$out" || { echo "FAIL: unexpected clang-format output:"; echo "$out"; exit 1; }
echo "reported: $(grep -c 'clang-format-violations' <<<"$out") violation(s) in misformatted.cpp.in"
"$format" --dry-run --Werror "$dir/planted_defect.cpp" || { echo "FAIL: a formatted file was rejected"; exit 1; }
echo "accepted: planted_defect.cpp"
