#!/usr/bin/env bash
# Sets up a fresh machine and builds the extension: installs Debian's chromium and firefox-esr
# (needed by the end-to-end tests) when missing, installs the locked npm dependencies, builds
# both browsers, and says where the unpacked builds are. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_node_major=20
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt "$need_node_major" ]; then
  echo "Node $need_node_major or newer is required (found: $(node -v 2>/dev/null || echo none))." >&2
  exit 1
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing the browsers the end-to-end tests drive: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y "${missing[@]}"
  else
    echo "The end-to-end tests need Debian's ${missing[*]}, which this script can only install as root with apt-get." >&2
    echo "Run:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    echo "Continuing with the build; npm test will fail until they are installed." >&2
  fi
fi

npm ci
npm run build

root=$(pwd)
cat <<MSG

Built. Load the unpacked extension:
  Chrome/Chromium: open chrome://extensions, turn on Developer mode, "Load unpacked", choose
                   $root/.output/chrome-mv3
  Firefox:         open about:debugging#/runtime/this-firefox, "Load Temporary Add-on...", choose
                   $root/.output/firefox-mv3/manifest.json
Run every test with: npm test
MSG
