#!/usr/bin/env bash
# Installs Debian's Chromium (/usr/bin/chromium) when it is missing, for the tests that drive a real
# browser through playwright-core (never `npx playwright install`: the suite uses the system browser).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
