#!/usr/bin/env bash
# Fails when the given binary links libglfw: the unit tests exercise the model, the CLI parsing and
# the scene, none of which may need a window library. Usage: check_no_glfw.sh BINARY
set -euo pipefail
binary=${1:?usage: check_no_glfw.sh BINARY}
if ! command -v ldd >/dev/null; then
  echo "check_no_glfw: ldd not found, skipping" >&2
  exit 77
fi
[[ -x "$binary" ]] || { echo "check_no_glfw: $binary: not an executable" >&2; exit 1; }
if linked=$(ldd "$binary" | grep -i 'libglfw'); then
  echo "check_no_glfw: $binary links GLFW:" >&2
  echo "$linked" >&2
  exit 1
fi
echo "check_no_glfw: $(basename "$binary") does not link libglfw"
