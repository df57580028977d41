import type { Channel } from '@cs/contracts';
import type { Queryable } from '@cs/ports';

export interface ConversationRef {
  conversationId: string;
  status: 'open' | 'escalated' | 'resolved' | 'closed';
  resumed: boolean;
}

/**
 * Resumes the customer's open conversation with the same key on the same channel when its last message
 * is within the resume window; otherwise starts a new one.
 */
export async function findOrStartConversation(
  tx: Queryable,
  input: { customerId: string; channel: Channel; conversationKey: string; resumeWindowMs: number; at: Date; correlationId: string },
): Promise<ConversationRef> {
  const since = new Date(input.at.getTime() - input.resumeWindowMs);
  // Resuming also moves last_message_at, in the same statement.
  const existing = await tx.query<{ id: string; status: ConversationRef['status'] }>(
    `UPDATE conversations SET last_message_at = GREATEST(last_message_at, $5)
      WHERE id = (SELECT id FROM conversations
                   WHERE customer_id = $1 AND channel = $2 AND conversation_key = $3
                     AND status IN ('open', 'escalated') AND last_message_at >= $4
                   ORDER BY last_message_at DESC LIMIT 1 FOR UPDATE)
      RETURNING id, status`,
    [input.customerId, input.channel, input.conversationKey, since, input.at],
  );
  const row = existing.rows[0];
  if (row) return { conversationId: row.id, status: row.status, resumed: true };
  const created = await tx.query<{ id: string }>(
    `INSERT INTO conversations (customer_id, channel, conversation_key, status, started_at, last_message_at, correlation_id)
     VALUES ($1, $2, $3, 'open', $4, $4, $5) RETURNING id`,
    [input.customerId, input.channel, input.conversationKey, input.at, input.correlationId],
  );
  return { conversationId: created.rows[0]!.id, status: 'open', resumed: false };
}

export async function escalateConversation(tx: Queryable, conversationId: string): Promise<void> {
  await tx.query(`UPDATE conversations SET status = 'escalated' WHERE id = $1`, [conversationId]);
}
