#!/usr/bin/env bash
# Print running/stopped for each local service. Always exits 0.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if pg_running; then
  echo "postgres: running (pid $(head -1 "$PG_DATA/postmaster.pid")) 127.0.0.1:$CS_PG_PORT data=$PG_DATA"
else
  echo "postgres: stopped (data=$PG_DATA)"
fi
if kafka_running; then
  echo "kafka: running (pid $(cat "$KAFKA_PID")) 127.0.0.1:$CS_KAFKA_PORT home=$KAFKA_HOME"
else
  echo "kafka: stopped (home=$KAFKA_HOME)"
fi
exit 0
