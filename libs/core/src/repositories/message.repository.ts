import type { AttachmentDescriptor, Channel, ReplyKind } from '@cs/contracts';
import type { KnowledgeCitation, Queryable } from '@cs/ports';

export interface InboundMessageRecord {
  conversationId: string;
  ticketId: string;
  channel: Channel;
  eventId: string;
  providerMessageId: string;
  body: string;
  subject?: string;
  attachments: AttachmentDescriptor[];
  threading?: unknown;
  sentiment: number | null;
  language: string | null;
  correlationId: string;
  receivedAt: Date;
}

export async function insertInboundMessage(tx: Queryable, m: InboundMessageRecord): Promise<string> {
  const result = await tx.query<{ id: string }>(
    `INSERT INTO messages (conversation_id, ticket_id, direction, channel, event_id, provider_message_id, author, body, subject,
                           attachments, threading, sentiment, language, correlation_id, created_at)
     VALUES ($1, $2, 'inbound', $3, $4, $5, 'customer', $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [m.conversationId, m.ticketId, m.channel, m.eventId, m.providerMessageId, m.body, m.subject ?? null, JSON.stringify(m.attachments),
      m.threading ? JSON.stringify(m.threading) : null, m.sentiment, m.language, m.correlationId, m.receivedAt],
  );
  return result.rows[0]!.id;
}

export interface OutboundMessageRecord {
  conversationId: string;
  ticketId: string;
  channel: Channel;
  replyEventId: string;
  kind: ReplyKind;
  body: string;
  subject?: string;
  citations: KnowledgeCitation[];
  correlationId: string;
  author: 'agent' | 'system';
}

export async function insertOutboundMessage(tx: Queryable, m: OutboundMessageRecord): Promise<string> {
  const result = await tx.query<{ id: string }>(
    `INSERT INTO messages (conversation_id, ticket_id, direction, channel, event_id, author, body, subject, kind, cited_chunks, correlation_id)
     VALUES ($1, $2, 'outbound', $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [m.conversationId, m.ticketId, m.channel, m.replyEventId, m.author, m.body, m.subject ?? null, m.kind, JSON.stringify(m.citations), m.correlationId],
  );
  return result.rows[0]!.id;
}

/**
 * Records a successful send: the delivery row turns 'sent' and the stored reply becomes visible (delivered_at),
 * in one statement, so one round trip and no explicit transaction.
 */
export async function confirmDelivery(db: Queryable, replyEventId: string, providerMessageId: string | null): Promise<void> {
  await db.query(
    `WITH delivery AS (
       UPDATE deliveries SET status = 'sent', provider_message_id = $2, last_error = NULL WHERE reply_event_id = $1 RETURNING reply_event_id
     )
     UPDATE messages SET delivered_at = now(), provider_message_id = COALESCE($2, provider_message_id)
      WHERE event_id = (SELECT reply_event_id FROM delivery) AND delivered_at IS NULL`,
    [replyEventId, providerMessageId],
  );
}
