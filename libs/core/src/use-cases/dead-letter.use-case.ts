import { deadLetterSchema, encodeEvent, HEADERS, TOPICS, type DeadLetterInput, type InboundMessage } from '@cs/contracts';
import type { Logger } from '@cs/observability';
import type { SqlClient } from '@cs/ports';
import { insertDeadLetter } from '../repositories/dead-letter.repository';
import { enqueueOutbox } from '../repositories/outbox.repository';
import { recordTrace } from '../repositories/trace.repository';
import { resolveContext } from './process-inbound.use-case';
import { storeAndQueueReply } from './reply-builder';

export interface DeadLetterDeps {
  db: SqlClient;
  relay: { kick(): void };
  logger: Logger;
  settings: { resumeWindowMs: number; signature: string };
}

const FAILURE_NOTICE =
  'We could not process your message automatically. A member of our support team has been notified and will follow up with you personally.';

/**
 * Makes a dead letter durable (table + DLQ topic via the outbox) and, when the event is readable,
 * tells the customer politely that a human will follow up. The notice is best effort; the dead letter is not.
 */
export async function recordDeadLetter(deps: DeadLetterDeps, input: DeadLetterInput, event: InboundMessage | undefined): Promise<void> {
  const letter = deadLetterSchema.parse(input);
  await deps.db.transaction(async (tx) => {
    await insertDeadLetter(tx, letter);
    await enqueueOutbox(tx, {
      topic: TOPICS.deadLetter,
      key: letter.source.key ?? letter.deadLetterId,
      payload: encodeEvent(deadLetterSchema, 'DeadLetter', letter),
      headers: letter.correlationId ? { [HEADERS.correlationId]: letter.correlationId } : {},
      eventId: letter.eventId,
    });
    if (letter.originalEventId) {
      await recordTrace(tx, {
        event: { eventId: letter.originalEventId, correlationId: letter.correlationId ?? '' },
        stage: 'dead_lettered',
        service: letter.consumerGroup,
        detail: { code: letter.error.code, message: letter.error.message, attempts: letter.attempts, deadLetterId: letter.deadLetterId },
      });
    }
  });
  if (event?.channel === 'email' || event?.channel === 'whatsapp' || event?.channel === 'web_form') {
    try {
      await sendFailureNotice(deps, event);
    } catch (err) {
      deps.logger.error({ err, eventId: event.eventId }, 'could not queue the failure notice; the dead letter is recorded');
    }
  }
  deps.relay.kick();
}

async function sendFailureNotice(deps: DeadLetterDeps, event: InboundMessage): Promise<void> {
  const context = await resolveContext(deps.db, event, deps.settings.resumeWindowMs);
  await deps.db.transaction(async (tx) => {
    const already = await tx.query('SELECT 1 FROM messages WHERE event_id = $1', [`failure_notice:${event.eventId}`]);
    if (already.rowCount > 0) return;
    await storeAndQueueReply(
      tx,
      { event, conversationId: context.conversationId, ticketId: context.ticket.id, ticketNumber: context.ticket.number },
      { kind: 'failure_notice', body: FAILURE_NOTICE, citations: [], signature: deps.settings.signature },
    );
    await tx.query(
      `UPDATE tickets SET status = 'escalated', escalation_reason = 'processing_failure', updated_at = now() WHERE id = $1`,
      [context.ticket.id],
    );
  });
}
