#!/usr/bin/env bash
# `npm run dev:distributed`: every service as its own process against the real Kafka and PostgreSQL from infra:up.
# Ctrl-C stops them all (each drains and exits on SIGTERM).
#
# Always: ingress-web, message-processor, egress-web, ops-api, and the egress workers egress-email and
# egress-whatsapp (without provider credentials they record replies under .data/sent instead of sending).
# The channel ingress services start only when their settings are in the environment (export them, or
# `set -a; source .env; set +a` first; names and meanings in .env.example):
#   ingress-gmail     GMAIL_MAILBOX, PUBSUB_PUSH_AUDIENCE, PUBSUB_PUSH_SERVICE_ACCOUNT, and GOOGLE_SERVICE_ACCOUNT_KEY(_FILE)
#                     or GMAIL_OAUTH_CLIENT_ID + GMAIL_OAUTH_CLIENT_SECRET + GMAIL_OAUTH_REFRESH_TOKEN
#   ingress-whatsapp  TWILIO_AUTH_TOKEN
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/infra/up.sh >/dev/null
set -a
# shellcheck disable=SC1091
source .infra.env
set +a
npx tsx libs/db/src/cli/migrate.cli.ts
npx tsx libs/bus/src/cli/create-topics.cli.ts

set_() { [ -n "${!1:-}" ]; }
gmail_credentials() {
  set_ GMAIL_MAILBOX && { set_ GOOGLE_SERVICE_ACCOUNT_KEY_FILE || set_ GOOGLE_SERVICE_ACCOUNT_KEY ||
    { set_ GMAIL_OAUTH_CLIENT_ID && set_ GMAIL_OAUTH_CLIENT_SECRET && set_ GMAIL_OAUTH_REFRESH_TOKEN; }; }
}
twilio_sending() {
  set_ TWILIO_ACCOUNT_SID && { set_ TWILIO_AUTH_TOKEN || { set_ TWILIO_API_KEY_SID && set_ TWILIO_API_KEY_SECRET; }; } &&
    { set_ TWILIO_WHATSAPP_FROM || set_ TWILIO_MESSAGING_SERVICE_SID; }
}

services=("ingress-web:3100" "message-processor:3101" "egress-web:3102")
started=("ingress-web (3100): web form http://localhost:3100" "message-processor (3101)" "egress-web (3102)")
skipped=()

if gmail_credentials && set_ PUBSUB_PUSH_AUDIENCE && set_ PUBSUB_PUSH_SERVICE_ACCOUNT; then
  services+=("ingress-gmail:3103"); started+=("ingress-gmail (3103): Pub/Sub push at POST /webhooks/gmail")
else
  skipped+=("ingress-gmail: needs GMAIL_MAILBOX, Gmail credentials, PUBSUB_PUSH_AUDIENCE and PUBSUB_PUSH_SERVICE_ACCOUNT")
fi
services+=("egress-email:3104")
if gmail_credentials; then started+=("egress-email (3104): sends through Gmail")
else started+=("egress-email (3104): no Gmail credentials, records replies under \${DATA_DIR:-.data}/sent/email"); fi

if set_ TWILIO_AUTH_TOKEN; then
  services+=("ingress-whatsapp:3105"); started+=("ingress-whatsapp (3105): Twilio webhooks at POST /webhooks/whatsapp[/status]")
else
  skipped+=("ingress-whatsapp: needs TWILIO_AUTH_TOKEN (every webhook is signature-checked)")
fi
services+=("egress-whatsapp:3106")
if twilio_sending; then started+=("egress-whatsapp (3106): sends through Twilio")
else started+=("egress-whatsapp (3106): no Twilio sender credentials, records replies under \${DATA_DIR:-.data}/sent/whatsapp.jsonl"); fi

if [ "${NODE_ENV:-development}" = production ] && ! set_ OPS_API_TOKEN; then
  skipped+=("ops-api: NODE_ENV=production needs OPS_API_TOKEN")
else
  services+=("ops-api:3107")
  if set_ OPS_API_TOKEN; then started+=("ops-api (3107): dashboard http://localhost:3107/ops/ (bearer OPS_API_TOKEN)")
  else started+=("ops-api (3107): dashboard http://localhost:3107/ops/ (no OPS_API_TOKEN: local requests only)"); fi
fi

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo "stopping services..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
}
trap cleanup INT TERM EXIT
for entry in "${services[@]}"; do
  name=${entry%%:*}
  port=${entry##*:}
  # node itself is the background job (not a pipeline's last command), so cleanup's SIGTERM reaches the service. The
  # prefixing sed ignores INT/TERM (Ctrl-C and `timeout` signal the whole process group) and ends when the service's
  # output does: killed first, it would leave the draining service writing its shutdown logs into a closed pipe.
  PORT=$port node --import tsx "services/$name/src/main.ts" > >(trap '' INT TERM; exec sed -u "s/^/[$name] /") 2>&1 &
  pids+=($!)
done
echo "started (/healthz, /readyz and /metrics on each port):"
printf '  %s\n' "${started[@]}"
if [ ${#skipped[@]} -gt 0 ]; then
  echo "skipped:"
  printf '  %s\n' "${skipped[@]}"
fi
wait
