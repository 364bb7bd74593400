#!/usr/bin/env bash
# Every benchmark: installs what is missing, builds the release tree (preset "bench": build-bench/) and runs
# each benchmark in turn. Each prints its figures and a ratio against a baseline measured in the same run.
# Not part of CI: these machines are shared and noisy, so the figures are ratios, never pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake --preset bench >/dev/null
cmake --build --preset bench --parallel "$(nproc)"

echo "== bench_sign: one recompute against the bare EVP floor =="
./build-bench/bench/bench_sign

echo
echo "== bench_send: one send to the sandbox over a kept-alive connection, against curl =="
./build-bench/bench/bench_send

echo "== bench_verify: kommo-status verify of a make_har.py HAR against py_verify.py (two sizes) =="
./build-bench/bench/bench_verify
