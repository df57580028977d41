#!/usr/bin/env bash
# Stop Kafka (SIGTERM, controlled shutdown) and PostgreSQL (pg_ctl -m fast). Data is kept.
# Full reset: bash scripts/infra/down.sh && rm -rf "${CS_INFRA_HOME:-$HOME/.cache/cs-agent}"/{postgres,kafka/data}
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$INFRA_DIR/kafka-ctl.sh" stop

if pg_running; then
  log "stopping postgres (pid $(head -1 "$PG_DATA/postmaster.pid"))"
  pg_owner="$(stat -c %U "$PG_DATA")"
  if [ "$(id -un)" = "$pg_owner" ]; then
    "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
  else
    as_root runuser -u "$pg_owner" -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null
  fi
  log "postgres stopped"
else
  log "postgres not running"
fi
