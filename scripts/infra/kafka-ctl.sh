#!/usr/bin/env bash
# Control the local Kafka broker (e.g. for "Kafka down" tests).
#   kafka-ctl.sh start    start (no-op if running), waits until ready
#   kafka-ctl.sh stop     SIGTERM + wait for a clean controlled shutdown (data kept)
#   kafka-ctl.sh restart  stop + start
#   kafka-ctl.sh status   prints running/stopped (exit 0 / 3)
#   kafka-ctl.sh check    lists topics through the real protocol (TopicCommand)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

stop_kafka() {
  if ! kafka_running; then
    rm -f "$KAFKA_PID"
    log "kafka not running"
    return 0
  fi
  local pid i
  pid="$(cat "$KAFKA_PID")"
  log "stopping kafka (pid $pid, SIGTERM)"
  kill -TERM "$pid"
  for ((i = 0; i < 600; i++)); do # up to 120 s
    [ -d "/proc/$pid" ] || break
    sleep 0.2
  done
  if [ -d "/proc/$pid" ]; then
    log "WARNING: kafka did not exit within 120 s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$KAFKA_PID"
  log "kafka stopped"
}

case "${1:-}" in
  start) bash "$INFRA_DIR/kafka.sh" ;;
  stop) stop_kafka ;;
  restart) stop_kafka; bash "$INFRA_DIR/kafka.sh" ;;
  status)
    if kafka_running; then echo "kafka: running (pid $(cat "$KAFKA_PID")) 127.0.0.1:$CS_KAFKA_PORT"; else echo "kafka: stopped"; exit 3; fi ;;
  check)
    java -Dlog4j.configuration="file:$KAFKA_HOME/log4j.properties" -cp "$KAFKA_LIBS/*" \
      org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$CS_KAFKA_PORT" --list ;;
  *) echo "usage: $0 start|stop|restart|status|check" >&2; exit 2 ;;
esac
