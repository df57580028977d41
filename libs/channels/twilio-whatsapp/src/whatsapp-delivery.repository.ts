import type { Queryable } from '@cs/ports';
import type { WhatsappDeliveryStore } from './whatsapp-reply.sender';

type PartStatus = 'sent' | 'delivered' | 'read' | 'failed' | 'undelivered';

/** Twilio's MessageStatus on our delivery scale; undefined for statuses that say nothing about delivery. */
export function deliveryStatusOf(twilioStatus: string): PartStatus | undefined {
  switch (twilioStatus.toLowerCase()) {
    case 'accepted':
    case 'scheduled':
    case 'queued':
    case 'sending':
    case 'sent':
      return 'sent';
    case 'delivered':
      return 'delivered';
    case 'read':
      return 'read';
    case 'undelivered':
      return 'undelivered';
    case 'failed':
    case 'canceled':
      return 'failed';
    default:
      return undefined;
  }
}

export function createWhatsappDeliveryStore(db: Queryable): WhatsappDeliveryStore {
  return {
    async lastInboundAt(phone) {
      const { rows } = await db.query<{ at: Date | null }>(
        `SELECT max(m.created_at) AS at FROM messages m JOIN conversations c ON c.id = m.conversation_id
          WHERE c.channel = 'whatsapp' AND c.conversation_key = $1 AND m.direction = 'inbound'`,
        [`whatsapp:${phone}`],
      );
      return rows[0]?.at ?? null;
    },
    async sentParts(replyEventId) {
      const { rows } = await db.query<{ part_index: number; provider_message_id: string | null }>(
        'SELECT part_index, provider_message_id FROM delivery_parts WHERE reply_event_id = $1 AND provider_message_id IS NOT NULL',
        [replyEventId],
      );
      return new Map(rows.map((r) => [r.part_index, r.provider_message_id!]));
    },
    async recordPart(replyEventId, index, providerMessageId) {
      // A status callback may have arrived first and created the row: keep its (further) status.
      await db.query(
        `INSERT INTO delivery_parts (reply_event_id, part_index, provider_message_id) VALUES ($1, $2, $3)
         ON CONFLICT (reply_event_id, part_index) DO UPDATE SET provider_message_id = EXCLUDED.provider_message_id`,
        [replyEventId, index, providerMessageId],
      );
    },
  };
}

/**
 * Applies one status callback. Callbacks arrive out of order, so a part's status only moves up
 * (delivery_status_rank). Returns the reply's eventId when the callback matched a delivery.
 */
export async function applyWhatsappStatus(
  db: Queryable,
  callback: { messageSid: string; status: PartStatus; errorCode?: string; replyEventId?: string; partIndex?: number },
): Promise<string | undefined> {
  const error = callback.errorCode ? `twilio:${callback.errorCode}` : null;
  let replyEventId: string | undefined;
  if (callback.replyEventId !== undefined && callback.partIndex !== undefined) {
    const { rows } = await db.query<{ reply_event_id: string }>(
      `INSERT INTO delivery_parts (reply_event_id, part_index, provider_message_id, status, error_code)
       SELECT $1, $2, $3, $4, $5 WHERE EXISTS (SELECT 1 FROM deliveries WHERE reply_event_id = $1)
       ON CONFLICT (reply_event_id, part_index) DO UPDATE SET status = EXCLUDED.status, error_code = COALESCE(EXCLUDED.error_code, delivery_parts.error_code)
         WHERE delivery_status_rank(EXCLUDED.status) > delivery_status_rank(delivery_parts.status)
       RETURNING reply_event_id`,
      [callback.replyEventId, callback.partIndex, callback.messageSid, callback.status, error],
    );
    replyEventId = rows[0]?.reply_event_id ?? (await knownReply(db, callback.replyEventId));
  } else {
    const { rows } = await db.query<{ reply_event_id: string }>(
      `UPDATE delivery_parts SET status = $2, error_code = COALESCE($3, error_code)
        WHERE provider_message_id = $1 AND delivery_status_rank($2) > delivery_status_rank(status) RETURNING reply_event_id`,
      [callback.messageSid, callback.status, error],
    );
    replyEventId = rows[0]?.reply_event_id;
  }
  if (replyEventId) await refreshDeliveryStatus(db, replyEventId);
  return replyEventId;
}

async function knownReply(db: Queryable, replyEventId: string): Promise<string | undefined> {
  const { rowCount } = await db.query('SELECT 1 FROM deliveries WHERE reply_event_id = $1', [replyEventId]);
  return rowCount > 0 ? replyEventId : undefined;
}

/**
 * The reply's status from its parts: a failed part fails the reply, otherwise the least advanced part counts.
 * A delivery still 'pending' (the send is in progress) is left to egress, which refreshes it after confirming.
 */
export async function refreshDeliveryStatus(db: Queryable, replyEventId: string): Promise<void> {
  await db.query(
    `WITH parts AS (SELECT status, error_code FROM delivery_parts WHERE reply_event_id = $1),
          agg AS (
            SELECT CASE WHEN bool_or(status IN ('failed', 'undelivered'))
                        THEN (SELECT status FROM parts WHERE status IN ('failed', 'undelivered') ORDER BY delivery_status_rank(status) DESC LIMIT 1)
                        ELSE (SELECT status FROM parts ORDER BY delivery_status_rank(status) LIMIT 1) END AS status,
                   (SELECT error_code FROM parts WHERE error_code IS NOT NULL LIMIT 1) AS error_code
              FROM parts HAVING count(*) > 0)
     UPDATE deliveries d SET status = agg.status, last_error = COALESCE(agg.error_code, d.last_error)
       FROM agg WHERE d.reply_event_id = $1 AND d.status <> 'pending' AND d.status IS DISTINCT FROM agg.status`,
    [replyEventId],
  );
}
