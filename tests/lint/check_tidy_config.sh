#!/usr/bin/env bash
# Guards the check list in .clang-tidy against silent mistakes: a misspelt name or a missing comma
# enables nothing and says nothing. Every name the list enables must be a real, enabled check;
# every family glob must enable at least one; every name it removes must exist and be disabled;
# every option it sets must be an option of an enabled check (a misspelt key is ignored silently too).
# Usage: check_tidy_config.sh [SOURCE_DIR]. Exits 77 (skipped) when clang-tidy is not installed.
set -euo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
tidy=$(command -v clang-tidy-14 || command -v clang-tidy || true)
[[ -n "$tidy" ]] || { echo "clang-tidy not installed: skipped"; exit 77; }
probe="$root/tests/lint/planted_defect.cpp"  # any file below the root picks up the root .clang-tidy

config=$("$tidy" --dump-config "$probe" -- -std=c++20)
enabled=$("$tidy" --list-checks "$probe" -- -std=c++20 | sed -n 's/^ \{4\}//p')
known=$("$tidy" --list-checks -checks='*' "$probe" -- -std=c++20 | sed -n 's/^ \{4\}//p')
ROOT=$root CONFIG=$config ENABLED=$enabled KNOWN=$known python3 - <<'PY'
import fnmatch, os, re, sys
config = os.environ["CONFIG"]
m = re.search(r"^Checks:\s*(['\"])(.*?)\1\s*$", config, re.M | re.S)
if not m:
    sys.exit("cannot find Checks in --dump-config output")
# Undo YAML double-quoted escapes (the dump writes the folded list with \n).
entries = [e.strip() for e in m.group(2).encode().decode("unicode_escape").split(",") if e.strip()]
enabled = set(os.environ["ENABLED"].split())
known = set(os.environ["KNOWN"].split())
problems = []
for e in entries:
    name = e[1:] if e.startswith("-") else e
    if name == "*" or name.startswith("clang-diagnostic-"):  # compiler warnings: always known, never listed
        continue
    hits = [c for c in known if fnmatch.fnmatchcase(c, name)]
    if not hits:
        problems.append(f"'{e}': matches no clang-tidy check (misspelt, or two names without a comma?)")
    elif e.startswith("-") and "*" not in name and name in enabled:
        problems.append(f"'{e}': still enabled")
    elif not e.startswith("-") and not any(c in enabled for c in hits):
        problems.append(f"'{e}': enables nothing (removed again later in the list?)")
# Options: the keys written in .clang-tidy must come back from --dump-config with the same value.
dumped = dict(re.findall(r"- key:\s+(\S+)\n\s+value:\s+'?([^'\n]*)'?", config))
written = re.findall(r"\{key:\s*([\w.-]+),\s*value:\s*'?([^'}]*?)'?\s*\}", open(os.path.join(os.environ["ROOT"], ".clang-tidy")).read())
for key, value in written:
    if key not in dumped:
        problems.append(f"option '{key}': no enabled check has it (misspelt?)")
    elif dumped[key] != value:
        problems.append(f"option '{key}': is '{dumped[key]}', not '{value}'")
if "WarningsAsErrors: '*'" not in config:
    problems.append("WarningsAsErrors is not '*'")
for p in problems:
    print("FAIL:", p)
print(f"{len(entries)} entries in Checks, {len(enabled)} checks enabled, {len(written)} options, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
PY
