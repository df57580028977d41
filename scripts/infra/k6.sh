#!/usr/bin/env bash
# Ensure a k6 binary (built with the machine's Go) in $CS_INFRA_HOME/bin.
# Prints the k6 path as the last line of stdout.
# Tries go.k6.io/k6/v2@latest first, falls back to go.k6.io/k6@latest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

GOBIN_DIR="$CS_INFRA_HOME/bin"
K6="$GOBIN_DIR/k6"
if [ -x "$K6" ] && "$K6" version >/dev/null 2>&1; then
  echo "$K6"
  exit 0
fi
command -v go >/dev/null 2>&1 || die "go is required to build k6 (https://go.dev/dl/; Debian 12's golang is too old)"
mkdir -p "$GOBIN_DIR"
klog="$CS_INFRA_HOME/k6-build.log"
log "go install go.k6.io/k6/v2@latest (log: $klog)"
if ! GOBIN="$GOBIN_DIR" go install go.k6.io/k6/v2@latest >"$klog" 2>&1; then
  log "go.k6.io/k6/v2@latest failed:"
  sed 's/^/[infra]   /' "$klog" | tail -n 5 >&2
  log "falling back to go.k6.io/k6@latest"
  GOBIN="$GOBIN_DIR" go install go.k6.io/k6@latest >"$klog" 2>&1 \
    || { tail -n 30 "$klog" >&2; die "go install go.k6.io/k6@latest failed too"; }
fi
[ -x "$K6" ] || die "k6 binary not found at $K6 after go install"
log "$("$K6" version | head -1)"
echo "$K6"
