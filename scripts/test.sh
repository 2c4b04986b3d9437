#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, headless GL, bone generator, the
# real window under Xvfb). This is the README's test command and the first step of .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --with-window-tests
cmake --preset dev
cmake --build --preset dev
ctest --preset dev
