#!/usr/bin/env bash
# Style and static checks, as CI runs them after scripts/test.sh:
#   1. clang-format --dry-run --Werror over every tracked *.cpp *.h *.hpp (the repository's .clang-format);
#   2. clang-tidy (the repository's .clang-tidy) over the program's own translation units in src/ and
#      tools/, taken from BUILD_DIR/compile_commands.json, in parallel. Tests and benchmarks are left out:
#      they step float loops, name benchmarks BM_*, and keep values only to defeat the optimiser, which
#      the checks flag by design; they still build with warnings as errors.
# Any format difference or tidy finding fails the script.
# Usage: scripts/lint.sh [--format-only | --tidy-only] [-j N] [BUILD_DIR]   (BUILD_DIR defaults to build/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
caller=$PWD

do_format=1 do_tidy=1 jobs=2 build_dir=$root/build
while (($#)); do
  case "$1" in
    --format-only) do_tidy=0 ;;
    --tidy-only) do_format=0 ;;
    -j) jobs=${2:?-j needs a number}; shift ;;
    -j*) jobs=${1#-j} ;;
    -h | --help) sed -n '2,7s/^# \{0,1\}//p' "$0"; exit 0 ;;
    -*) echo "lint.sh: unknown option '$1'" >&2; exit 2 ;;
    *) [[ "$1" == /* ]] && build_dir=$1 || build_dir=$caller/$1 ;;
  esac
  shift
done
cd "$root"

# Debian 12 ships both as version 14; the versioned name wins if several are installed.
find_tool() { command -v "$1-14" || command -v "$1" || { echo "lint.sh: $1 not installed (scripts/install-deps.sh --with-lint)" >&2; exit 1; }; }
status=0

if ((do_format)); then
  format=$(find_tool clang-format)
  start=$(date +%s)
  mapfile -t sources < <(git ls-files -- '*.cpp' '*.h' '*.hpp')
  bad=()
  for f in "${sources[@]}"; do
    [[ -f "$f" ]] || continue  # deleted in the working tree, not yet in the index
    "$format" --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
  done
  if ((${#bad[@]})); then
    echo "lint: ${#bad[@]} file(s) not formatted with .clang-format:" >&2
    printf '  %s\n' "${bad[@]}" >&2
    echo "fix with: $(basename "$format") -i ${bad[*]}" >&2
    status=1
  else
    echo "lint: format ok (${#sources[@]} files, $(($(date +%s) - start)) s)"
  fi
fi

if ((do_tidy)); then
  tidy=$(find_tool clang-tidy)
  db="$build_dir/compile_commands.json"
  [[ -f "$db" ]] || { echo "lint.sh: $db not found (configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON, e.g. cmake --preset dev)" >&2; exit 1; }
  start=$(date +%s)
  # The project's own translation units only: not third-party sources, not files generated in a build folder.
  mapfile -t units < <(python3 - "$db" "$root" <<'EOF'
import json, os, sys
db, root = sys.argv[1], os.path.realpath(sys.argv[2])
seen = set()
for entry in json.load(open(db)):
    path = os.path.realpath(os.path.join(entry.get("directory", ""), entry["file"]))
    rel = os.path.relpath(path, root)
    if rel.split(os.sep)[0] in ("src", "tools") and os.path.isfile(path) and path not in seen:
        seen.add(path)
        print(path)
EOF
  )
  ((${#units[@]})) || { echo "lint.sh: no project sources in $db" >&2; exit 1; }
  logs=$(mktemp -d)
  trap 'rm -rf "$logs"' EXIT
  export tidy build_dir logs
  # One log per unit so parallel output never interleaves; a unit's log is printed only when it fails.
  if ! printf '%s\0' "${units[@]}" | xargs -0 -n1 -P "$jobs" bash -c \
    'log="$logs/$(md5sum <<<"$1" | cut -c1-12).log"; "$tidy" --quiet -p "$build_dir" "$1" >"$log" 2>&1 || { cat "$log"; exit 1; }' _; then
    findings=$(cat "$logs"/*.log | grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error): ' | sort -u || true)
    echo "lint: clang-tidy findings ($(grep -c . <<<"$findings") distinct), by check:" >&2
    grep -oE '\[[a-z0-9.,-]+\]$' <<<"$findings" | sort | uniq -c | sort -rn >&2 || true
    status=1
  else
    echo "lint: tidy ok (${#units[@]} translation units, -j$jobs, $(($(date +%s) - start)) s)"
  fi
fi
exit $status
