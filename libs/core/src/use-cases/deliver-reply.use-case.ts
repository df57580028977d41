import type { OutboundReply } from '@cs/contracts';
import type { Logger } from '@cs/observability';
import type { SqlClient } from '@cs/ports';
import { confirmDelivery } from '../repositories/message.repository';

/** A channel's way of putting a reply in front of the customer. Returns the provider's message id, if any. */
export interface ReplySender {
  readonly channel: OutboundReply['channel'];
  send(reply: OutboundReply): Promise<{ providerMessageId: string | null }>;
}

export interface DeliverReplyDeps {
  db: SqlClient;
  sender: ReplySender;
  logger: Logger;
}

/**
 * The one reply use case behind every egress. A delivery row is claimed before sending and confirmed after,
 * so a redelivered reply is sent once; a send that failed leaves the claim 'pending' and is retried.
 */
export async function deliverReply(deps: DeliverReplyDeps, reply: OutboundReply): Promise<'sent' | 'duplicate'> {
  const { db, sender } = deps;
  const claim = await db.query<{ status: string }>(
    `INSERT INTO deliveries (reply_event_id, channel, status, attempts) VALUES ($1, $2, 'pending', 1)
     ON CONFLICT (reply_event_id) DO UPDATE SET attempts = deliveries.attempts + 1, updated_at = now()
     RETURNING status`,
    [reply.eventId, reply.channel],
  );
  if (claim.rows[0]?.status !== 'pending') return 'duplicate';
  let providerMessageId: string | null;
  try {
    ({ providerMessageId } = await sender.send(reply));
  } catch (err) {
    await db.query(`UPDATE deliveries SET last_error = $2, updated_at = now() WHERE reply_event_id = $1`, [
      reply.eventId,
      err instanceof Error ? err.message.slice(0, 2000) : String(err),
    ]);
    throw err;
  }
  await confirmDelivery(db, reply.eventId, providerMessageId);
  return 'sent';
}
