#!/usr/bin/env bash
# `npm run dev:distributed`: every service as its own process against the real Kafka and PostgreSQL from infra:up.
# Ctrl-C stops them all (each drains and exits on SIGTERM).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/infra/up.sh >/dev/null
set -a
# shellcheck disable=SC1091
source .infra.env
set +a
npx tsx libs/db/src/cli/migrate.cli.ts
npx tsx libs/bus/src/cli/create-topics.cli.ts

services=("ingress-web:3100" "message-processor:3101" "egress-web:3102")
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo "stopping services..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
}
trap cleanup INT TERM EXIT
for entry in "${services[@]}"; do
  name=${entry%%:*}
  port=${entry##*:}
  PORT=$port npx tsx "services/$name/src/main.ts" 2>&1 | sed -u "s/^/[$name] /" &
  pids+=($!)
done
echo "ingress-web (web form and API): http://localhost:3100   metrics: /metrics on 3100-3102"
wait
