#!/usr/bin/env bash
# Every test: installs what is missing, builds with warnings as errors, runs CTest (formatting included).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
BUILD_DIR=${BUILD_DIR:-build-ci} bash scripts/build.sh -DKOMMO_WERROR=ON -DKOMMO_BUILD_BENCH=OFF
cd "${BUILD_DIR:-build-ci}"
QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 300 -j 2
