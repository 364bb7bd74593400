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
