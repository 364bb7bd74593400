#!/usr/bin/env bash
# Rewrites every C++ file of the project in the .clang-format style.
set -euo pipefail
cd "$(dirname "$0")/.."
find app core ui tests bench -name '*.cpp' -o -name '*.h' 2>/dev/null | xargs -r clang-format -i --style=file
