#!/usr/bin/env bash
# One command for the real local infrastructure (no Docker):
#   Node >= 22 (node.sh), PostgreSQL 15 + pgvector (postgres.sh), Kafka KRaft (kafka.sh).
# Prints DATABASE_URL / TEST_DATABASE_URL / KAFKA_BROKERS as the last lines and
# writes them to <repo>/.infra.env (`set -a; source .infra.env; set +a`).
# Idempotent; a second run on the same machine takes well under a few seconds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

t0=$SECONDS
node_bin="$(bash "$INFRA_DIR/node.sh" | tail -1)"
log "node: $("$node_bin/node" --version) ($node_bin)"
bash "$INFRA_DIR/postgres.sh"
bash "$INFRA_DIR/kafka.sh"

env_lines="DATABASE_URL=postgres://cs:cs@127.0.0.1:$CS_PG_PORT/cs_agent
TEST_DATABASE_URL=postgres://cs:cs@127.0.0.1:$CS_PG_PORT/cs_agent_test
KAFKA_BROKERS=127.0.0.1:$CS_KAFKA_PORT"
printf '%s\n' "$env_lines" >"$REPO_ROOT/.infra.env"
log "infra up in $((SECONDS - t0)) s; wrote $REPO_ROOT/.infra.env"
printf '%s\n' "$env_lines"
