import { encodeEvent, HEADERS, inboundMessageSchema, TOPICS, type InboundMessageInput } from '@cs/contracts';
import type { Queryable, SqlClient } from '@cs/ports';
import { enqueueOutbox } from '../repositories/outbox.repository';

export interface IngestDeps {
  db: SqlClient;
  relay: { kick(): void };
}

/**
 * The one ingest use case behind every ingress (web form, Gmail, WhatsApp). When it resolves, the event is
 * durable: committed to the outbox in PostgreSQL, from where the relay publishes it to Kafka, now or once Kafka is back.
 * `alsoInTransaction` lets a channel store its own state (the web ticket) atomically with the event.
 */
export async function ingestMessage(
  deps: IngestDeps,
  input: InboundMessageInput,
  alsoInTransaction?: (tx: Queryable) => Promise<void>,
): Promise<{ duplicate: boolean }> {
  const duplicate = await deps.db.transaction(async (tx) => {
    const queued = await queueInboundEvent(tx, input);
    if (queued) await alsoInTransaction?.(tx);
    return !queued;
  });
  if (!duplicate) deps.relay.kick();
  return { duplicate };
}

/** Validates the event and queues it in the caller's transaction; false when that eventId was already accepted. */
export async function queueInboundEvent(tx: Queryable, input: InboundMessageInput): Promise<boolean> {
  const queued = await enqueueOutbox(tx, {
    topic: TOPICS.inbound,
    key: input.conversationKey,
    payload: encodeEvent(inboundMessageSchema, 'InboundMessage', input),
    headers: { [HEADERS.correlationId]: input.correlationId, [HEADERS.eventId]: input.eventId },
    eventId: input.eventId,
  });
  return queued !== null;
}
