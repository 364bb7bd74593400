#!/usr/bin/env bash
# Installs, from Debian's packages, everything the project needs to build, run and test.
# Does nothing when every package is already installed (so repeated runs are fast).
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config clang-format
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite
    qtkeychain-qt6-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libssl-dev
    xvfb xauth imagemagick curl openssl python3 ca-certificates locales
    dbus gnome-keyring libsecret-tools
)
# Further packages, one a line, that a feature needs (e.g. the runtimes the code-snippet tests run).
if [ -f "$(dirname "$0")/deps-extra.txt" ]; then
    mapfile -t extra < <(grep -v '^#' "$(dirname "$0")/deps-extra.txt" | grep .)
    packages+=("${extra[@]}")
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# A non-English locale for the Date test (the Date must stay English whatever the locale).
if ! locale -a 2>/dev/null | grep -qi '^de_DE.utf8$'; then
    sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen 2>/dev/null || true
    grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null || echo 'de_DE.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >/dev/null 2>&1 || true
fi
