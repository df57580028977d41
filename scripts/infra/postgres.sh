#!/usr/bin/env bash
# Local PostgreSQL 15 + pgvector, no systemd, no Docker.
#  - installs postgresql-15 + postgresql-server-dev-15 from Debian if missing
#  - builds pgvector 0.8.x from Debian trixie's *source* package (deb-src only;
#    no trixie binaries are ever installed) unless vector.control is present
#  - runs a private cluster in $CS_INFRA_HOME/postgres/data on
#    127.0.0.1:$CS_PG_PORT (as OS user postgres when run as root, else as you)
#  - ensures role cs/cs, databases cs_agent + cs_agent_test, extension vector
# Idempotent; when the cluster is already running it only re-checks the roles.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ "$(id -u)" -eq 0 ]; then PG_USER=postgres; else PG_USER="$(id -un)"; fi
as_pg() {
  if [ "$(id -un)" = "$PG_USER" ]; then "$@"; else runuser -u "$PG_USER" -- "$@"; fi
}
psql_admin() { as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK" -p "$CS_PG_PORT" -U "$PG_USER" "$@"; }

# ---------------------------------------------------------------- packages
apt_install postgresql-15 postgresql-server-dev-15 postgresql-client-15 make gcc libc6-dev dpkg-dev
PG_CONFIG="$PG_BIN/pg_config"
EXT_DIR="$("$PG_CONFIG" --sharedir)/extension"

# ---------------------------------------------------------------- pgvector
if [ ! -f "$EXT_DIR/vector.control" ]; then
  SRC_LIST=/etc/apt/sources.list.d/cs-trixie-src.sources
  if [ ! -f "$SRC_LIST" ]; then
    log "adding trixie deb-src entry ($SRC_LIST)"
    as_root tee "$SRC_LIST" >/dev/null <<'SRC'
# Added by cs-agent scripts/infra/postgres.sh: source packages only (pgvector).
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  fi
  log "apt-get update (for trixie deb-src)"
  as_root apt-get update -qq >>"$CS_INFRA_HOME/apt.log" 2>&1 || { tail -n 20 "$CS_INFRA_HOME/apt.log" >&2; die "apt-get update failed"; }
  build="$CS_INFRA_HOME/src/pgvector"
  rm -rf "$build"; mkdir -p "$build"
  log "apt-get source pgvector (trixie)"
  (cd "$build" && apt-get source -qq -o APT::Sandbox::User=root pgvector/trixie >"$build.log" 2>&1) \
    || { cat "$build.log" >&2; die "apt-get source pgvector/trixie failed"; }
  srcdir="$(find "$build" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -1)"
  [ -n "$srcdir" ] || die "pgvector source not unpacked in $build"
  log "building $(basename "$srcdir") against PostgreSQL $CS_PG_MAJOR"
  # OPTFLAGS='' : no -march=native, so the build is portable (like Debian's own).
  make -s -C "$srcdir" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" -j"$(nproc)" >&2
  as_root make -s -C "$srcdir" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" install >&2
  [ -f "$EXT_DIR/vector.control" ] || die "pgvector install did not produce $EXT_DIR/vector.control"
fi
log "pgvector $(sed -nE "s/^default_version *= *'([^']+)'.*/\1/p" "$EXT_DIR/vector.control") installed"

# ---------------------------------------------------------------- cluster
mkdir -p "$PG_HOME"
if [ "$PG_USER" != "$(id -un)" ]; then
  chown "$PG_USER": "$PG_HOME"
  # postgres must be able to traverse every parent of the data dir (e.g. /root is 0700).
  d="$PG_HOME"
  while d="$(dirname "$d")"; [ "$d" != / ]; do
    if ! runuser -u "$PG_USER" -- test -x "$d"; then
      if command -v setfacl >/dev/null 2>&1; then setfacl -m "u:$PG_USER:x" "$d"; else chmod o+x "$d"; fi
      log "granted traverse (x) permission on $d to $PG_USER"
    fi
  done
fi

if [ ! -s "$PG_DATA/PG_VERSION" ]; then
  log "initdb $PG_DATA"
  as_pg mkdir -p "$PG_DATA" "$PG_SOCK"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >"$PG_HOME/initdb.log" 2>&1 \
    || { cat "$PG_HOME/initdb.log" >&2; die "initdb failed"; }
  echo "include_if_exists = 'cs-agent.conf'" | as_pg tee -a "$PG_DATA/postgresql.conf" >/dev/null
fi
as_pg mkdir -p "$PG_SOCK"
as_pg tee "$PG_DATA/cs-agent.conf" >/dev/null <<CONF
# written by scripts/infra/postgres.sh on every start
listen_addresses = '127.0.0.1'
port = $CS_PG_PORT
unix_socket_directories = '$PG_SOCK'
max_connections = 200
shared_buffers = 128MB
logging_collector = off
log_min_messages = warning
CONF

if pg_running; then
  log "postgres already running (pid $(head -1 "$PG_DATA/postmaster.pid"))"
else
  log "starting postgres on 127.0.0.1:$CS_PG_PORT"
  as_pg touch "$PG_LOG"
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start >/dev/null \
    || { tail -n 30 "$PG_LOG" >&2; die "postgres did not start (log: $PG_LOG)"; }
fi

# ---------------------------------------------------------------- roles/dbs
psql_admin -d postgres <<'SQL'
SELECT 'CREATE ROLE cs LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cs')\gexec
ALTER ROLE cs WITH LOGIN PASSWORD 'cs';
SELECT format('CREATE DATABASE %I OWNER cs', d) FROM unnest(ARRAY['cs_agent','cs_agent_test']) d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d)\gexec
SQL
for db in cs_agent cs_agent_test; do
  psql_admin -d "$db" -c 'CREATE EXTENSION IF NOT EXISTS vector' 2>&1 | grep -v 'already exists, skipping' >&2 || true
  psql_admin -d "$db" -c 'GRANT ALL ON SCHEMA public TO cs' >/dev/null
done
log "postgres ready: postgres://cs:cs@127.0.0.1:$CS_PG_PORT/cs_agent (+ cs_agent_test)"
