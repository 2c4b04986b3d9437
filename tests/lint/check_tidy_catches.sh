#!/usr/bin/env bash
# Proves the check list bites: clang-tidy, configured by the repository's .clang-tidy, must fail on
# planted_defect.cpp and report every line marked "// expect: <check>" with that check.
# Usage: check_tidy_catches.sh [SOURCE_DIR]. Exits 77 (skipped) when clang-tidy is not installed.
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
[[ -n "$tidy" ]] || { echo "clang-tidy not installed: skipped"; exit 77; }
src="$root/tests/lint/planted_defect.cpp"

# No compilation database: the file needs only the standard library.
out=$("$tidy" --quiet "$src" -- -std=c++20 2>&1)
rc=$?
fail=0
if ((rc == 0)); then
  echo "FAIL: $tidy exited 0 on planted defects (WarningsAsErrors not in effect?)"
  fail=1
fi
while IFS=: read -r line check; do
  check=${check// /}
  if grep -Eq "planted_defect\.cpp:$line:[0-9]+: (warning|error): .*\[([^]]*,)?$check(,[^]]*)?\]" <<<"$out"; then
    echo "caught: line $line $check"
  else
    echo "MISSED: line $line $check"
    fail=1
  fi
done < <(grep -n '// expect:' "$src" | sed -E 's|^([0-9]+):.*// expect: *([a-z0-9.-]+).*|\1:\2|')
((fail == 0)) || { echo "--- clang-tidy output ---"; echo "$out"; }
exit $fail
