import type { Channel } from '@cs/contracts';
import { redactSensitiveText } from '@cs/domain';
import type { Queryable } from '@cs/ports';

export interface HistoryEntry {
  at: string;
  channel: Channel;
  from: 'customer' | 'agent' | 'human' | 'system';
  text: string;
}

/**
 * The customer's recent messages on every channel, oldest first. Read-only; keyed by the customer id the caller
 * resolved, never by anything a message says. Texts are redacted and shortened before they reach a model.
 */
export async function readCustomerHistory(db: Queryable, customerId: string, limit: number): Promise<HistoryEntry[]> {
  const result = await db.query<{ created_at: Date; channel: Channel; author: HistoryEntry['from']; body: string }>(
    `SELECT m.created_at, m.channel, m.author, m.body
       FROM messages m JOIN conversations c ON c.id = m.conversation_id
      WHERE c.customer_id = $1
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT $2`,
    [customerId, limit],
  );
  return result.rows.reverse().map((row) => ({
    at: new Date(row.created_at).toISOString(),
    channel: row.channel,
    from: row.author,
    text: redactSensitiveText(row.body).slice(0, 600),
  }));
}
