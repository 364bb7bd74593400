#!/usr/bin/env bash
# The main job: installs what is missing, builds, and signs the API page's example with the CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
bash scripts/build.sh
secret_file=$(mktemp)
trap 'rm -f "$secret_file"' EXIT
# The API page's own example secret (public, from the page; not a real channel's).
printf '%s\n' fb50586ff7b68cd831fe0ef356345903f644c0d2 > "$secret_file"
echo "== kommo-status sign: the API page's cURL example (status Read) =="
./build/app/kommo-status sign --secret-file "$secret_file" \
    --scope f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38 \
    --msgid 3419eef6-2aa3-464c-b6e4-4386d0f8f3ca --status read \
    --date 'Mon, 12 Dec 2022 10:30:00 +0000' --now 'Mon, 12 Dec 2022 10:31:00 +0000'
