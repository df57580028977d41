#!/usr/bin/env bash
# shellcheck disable=SC2034  # variables are used by the scripts that source this file
# Shared settings/helpers for scripts/infra/*.sh. Source it, don't run it.
set -euo pipefail

CS_INFRA_HOME="${CS_INFRA_HOME:-$HOME/.cache/cs-agent}"
CS_PG_PORT="${CS_PG_PORT:-55432}"
CS_KAFKA_PORT="${CS_KAFKA_PORT:-59092}"
CS_KAFKA_CONTROLLER_PORT="${CS_KAFKA_CONTROLLER_PORT:-59093}"
CS_KAFKA_VERSION="${CS_KAFKA_VERSION:-3.9.2}"
CS_PG_MAJOR=15

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$INFRA_DIR/../.." && pwd)"

PG_BIN="/usr/lib/postgresql/${CS_PG_MAJOR}/bin"
PG_HOME="$CS_INFRA_HOME/postgres"
PG_DATA="$PG_HOME/data"
PG_SOCK="$PG_HOME/run"
PG_LOG="$PG_HOME/postgres.log"

KAFKA_HOME="$CS_INFRA_HOME/kafka"
KAFKA_LIBS="$KAFKA_HOME/libs"
KAFKA_PID="$KAFKA_HOME/kafka.pid"
KAFKA_LOG="$KAFKA_HOME/kafka.out"
KAFKA_PROPS="$KAFKA_HOME/server.properties"

mkdir -p "$CS_INFRA_HOME"

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }

# Run a command as root (sudo when we are not root).
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  # apt_install pkg... : installs only the missing ones
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  local alog="$CS_INFRA_HOME/apt.log"
  log "apt-get install ${missing[*]} (log: $alog)"
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq >>"$alog" 2>&1 || { tail -n 20 "$alog" >&2; die "apt-get update failed"; }
    apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$alog" 2>&1 \
    || { tail -n 30 "$alog" >&2; die "apt-get install ${missing[*]} failed"; }
}

# port_open HOST PORT -> 0 if something accepts TCP connections there
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# wait_port HOST PORT SECONDS
wait_port() {
  local i
  for ((i = 0; i < $3 * 5; i++)); do
    port_open "$1" "$2" && return 0
    sleep 0.2
  done
  return 1
}

# "running" if the pid in $1 exists and its cmdline contains $2
pid_alive() {
  local pidfile="$1" needle="$2" pid
  [ -s "$pidfile" ] || return 1
  pid="$(cat "$pidfile")"
  [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$needle"
}

pg_running() {
  [ -s "$PG_DATA/postmaster.pid" ] || return 1
  local pid
  pid="$(head -1 "$PG_DATA/postmaster.pid")"
  [ -d "/proc/$pid" ] && grep -q postgres "/proc/$pid/comm" 2>/dev/null
}

kafka_running() { pid_alive "$KAFKA_PID" "$KAFKA_PROPS"; }
