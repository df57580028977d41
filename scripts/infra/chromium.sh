#!/usr/bin/env bash
# Chromium from Debian for the browser tests (playwright-core drives /usr/bin/chromium; no browser download).
# Idempotent: installs only when missing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

apt_install chromium
/usr/bin/chromium --version >&2
