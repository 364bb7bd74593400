#!/usr/bin/env bash
# Coverage-guided fuzzing of what reads untrusted captures: the raw HTTP, cURL and HAR importers, kind
# detection and verify (with its cause search). Builds tests/fuzz with clang-14 + libFuzzer + ASan/UBSan in
# build-fuzz/, makes seed corpora from tests/data/signing.json (exported by the CLI) and tests/fuzz/seeds/,
# runs each target for FUZZ_SECONDS (60) and prints one line per target. Exit status 1 when a target found a
# crash, a hang or a sanitizer report; its reproducer's path is printed. Not part of CI (like bench.sh).
#   FUZZ_SECONDS=300 bash scripts/fuzz.sh            # longer
#   FUZZ_TARGETS="verify har" bash scripts/fuzz.sh   # some targets only (names without fuzz_/import_)
#   build-fuzz/tests/fuzz/fuzz_verify CRASH_FILE     # replay one reproducer
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-60}"
targets="${FUZZ_TARGETS:-import_raw import_curl import_har verify detect}"

bash scripts/deps.sh
# libFuzzer and the sanitizers' runtimes come with clang; only this command needs them.
fuzz_missing=()
for p in clang-14 libclang-rt-14-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || fuzz_missing+=("$p")
done
if [ ${#fuzz_missing[@]} -gt 0 ]; then
    echo "Installing: ${fuzz_missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${fuzz_missing[@]}"
fi

# -O1 keeps the fuzzer fast; Debug keeps Q_ASSERT in Qt's inline code (an out-of-range slice aborts).
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DKOMMO_BUILD_FUZZ=ON -DKOMMO_BUILD_TESTS=OFF -DKOMMO_BUILD_BENCH=OFF \
    -DKOMMO_BUILD_GUI=OFF >/dev/null
build_targets=(kommo-status)
for t in $targets; do build_targets+=("fuzz_$t"); done
cmake --build build-fuzz --parallel "$(nproc)" --target "${build_targets[@]}"

run=build-fuzz/fuzz-run
seeds="$run/seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{raw,curl,har}
# Seeds: every signing vector exported as cURL, raw HTTP and HAR by the CLI itself (the signed exports
# verify, so mutations start from passing requests), then the hand-written edge cases.
ASAN_OPTIONS=detect_leaks=0 python3 - "$seeds" build-fuzz/app/kommo-status tests/data/signing.json <<'PY'
import json, os, subprocess, sys
seeds, cli, vectors = sys.argv[1:]
for v in json.load(open(vectors)):
    base = os.path.join(seeds, "tmp-" + v["id"])
    with open(base + ".body", "wb") as f:
        f.write(v["body"].encode())
    with open(base + ".secret", "wb") as f:
        f.write(v["secret"].encode())
    for fmt, folder, suffix in (("curl", "curl", "sh"), ("http", "raw", "http"), ("har", "har", "har")):
        out = os.path.join(seeds, folder, "%s.%s" % (v["id"], suffix))
        r = subprocess.run([cli, "export", "--format", fmt, "--secret-file", base + ".secret",
                            "--method", v["method"], "--path", v["path"], "--content-type", v["content_type"],
                            "--date", v["date"], "--body-file", base + ".body", "--output", out],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        # Exit 1 still writes the export (a vector meant to break a rule); only a usage error is fatal.
        if r.returncode not in (0, 1):
            sys.exit("export --format %s of %s failed: %s" % (fmt, v["id"], r.stderr.decode()))
        if not os.path.exists(out):
            print("seed skipped: %s as %s (%s)" % (v["id"], fmt, r.stderr.decode().strip()))
    os.remove(base + ".body")
    os.remove(base + ".secret")
PY
for kind in raw curl har; do cp tests/fuzz/seeds/"$kind"/* "$seeds/$kind/"; done

declare -A seed_dirs=(
    [import_raw]="raw" [import_curl]="curl" [import_har]="har" [verify]="raw curl har" [detect]="raw curl har")
failed=0
summary=()
for t in $targets; do
    corpus="$run/corpus/$t" # grows across runs (new inputs libFuzzer found); seeds are copied in each run
    artifacts="$run/artifacts/$t/"
    rm -rf "$artifacts" # this run's reproducers only
    mkdir -p "$corpus" "$artifacts"
    for d in ${seed_dirs[$t]}; do cp "$seeds/$d"/* "$corpus/"; done
    log="$run/$t.log"
    echo "== fuzz_$t: ${seconds} s, corpus $corpus"
    status=0
    "build-fuzz/tests/fuzz/fuzz_$t" "$corpus" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
        -timeout=10 -dict=tests/fuzz/captures.dict -artifact_prefix="$artifacts" -print_final_stats=1 \
        >"$log" 2>&1 || status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$log" | tail -1)
    reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    if [ "$status" -ne 0 ] || [ -n "$reproducer" ]; then
        failed=1
        line="fuzz_$t: FAILED after ${execs:-?} executions (${cov:-no coverage line}); reproducer ${reproducer:-none}; log $log"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)' "$log" | head -3 || true
    else
        line="fuzz_$t: ${execs:-?} executions, ${cov:-?}, no crash"
    fi
    echo "$line"
    summary+=("$line")
done

echo
echo "== summary (${seconds} s per target)"
printf '%s\n' "${summary[@]}"
exit "$failed"
