#!/usr/bin/env bash
# Makes docs/screenshots/*.png again: the console takes them of itself (--example --send --screenshot) under
# xvfb-run, at 1024x700 and 1920x1080, in the light and the dark palette. The secret is masked in each.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
console="$build_dir/app/gui/kommo-status-console"
if [ ! -x "$console" ]; then
    BUILD_DIR="$build_dir" bash scripts/build.sh
fi
mkdir -p docs/screenshots
for palette in light dark; do
    for size in 1024x700 1920x1080; do
        out="docs/screenshots/console-$size-$palette.png"
        xvfb-run -a -s "-screen 0 1920x1080x24" "$console" --example --send --palette "$palette" --size "$size" \
            --screenshot "$out" 2>/dev/null
        # Small files for the repository: 8-bit palette PNGs where ImageMagick is there.
        if [ -x /usr/bin/convert ]; then
            /usr/bin/convert "$out" -strip +dither -colors 64 PNG8:"$out"
        fi
        echo "$out"
    done
done

# The Verify view on a capture whose Content-MD5 was upper-cased after signing: the API page's example at
# its own old Date, exported by the CLI (the example's published secret, through the environment only).
cli="$build_dir/app/kommo-status"
capture_dir=$(mktemp -d)
trap 'rm -rf "$capture_dir"' EXIT
capture="$capture_dir/captured.http"
KOMMO_EXAMPLE_SECRET=fb50586ff7b68cd831fe0ef356345903f644c0d2 "$cli" export --format http \
    --secret-env KOMMO_EXAMPLE_SECRET \
    --scope f62a0162-46a7-430e-b06c-0ef798d56b21_52fd2a28-d2eb-4bd8-b862-a67934927b38 \
    --msgid 3419eef6-2aa3-464c-b6e4-4386d0f8f3ca --status read \
    --date 'Mon, 12 Dec 2022 10:30:00 +0000' >"$capture"
sed -i 's/^Content-MD5: \(.*\)/Content-MD5: \U\1/' "$capture"
for palette in light dark; do
    out="docs/screenshots/verify-1024x700-$palette.png"
    xvfb-run -a -s "-screen 0 1920x1080x24" "$console" --example --verify "$capture" --palette "$palette" \
        --size 1024x700 --screenshot "$out" 2>/dev/null
    if [ -x /usr/bin/convert ]; then
        /usr/bin/convert "$out" -strip +dither -colors 64 PNG8:"$out"
    fi
    echo "$out"
done
