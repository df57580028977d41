import { statusTokenMatches } from '@cs/domain';
import type { Queryable } from '@cs/ports';

export interface TicketView {
  ticketId: string;
  status: string;
  subject: string | null;
  createdAt: string;
  updatedAt: string;
  messages: Array<{ direction: 'inbound' | 'outbound'; author: string; body: string; createdAt: string }>;
}

/**
 * What a customer may see of their ticket. The status token is checked in constant time; an unknown ticket and a
 * wrong token look the same (null) so ticket numbers cannot be probed.
 */
export async function getTicketForCustomer(db: Queryable, ticketNumber: string, statusToken: string): Promise<TicketView | null> {
  const ticket = (
    await db.query<{ id: string; number: string; status: string; subject: string | null; status_token_hash: string | null; created_at: Date; updated_at: Date }>(
      'SELECT id, number, status, subject, status_token_hash, created_at, updated_at FROM tickets WHERE number = $1',
      [ticketNumber],
    )
  ).rows[0];
  if (!ticket?.status_token_hash || !statusTokenMatches(statusToken, ticket.status_token_hash)) return null;
  // Replies show once egress has delivered them; the customer's own messages show once processed.
  const messages = await db.query<{ direction: 'inbound' | 'outbound'; author: string; body: string; created_at: Date }>(
    `SELECT direction, author, body, created_at FROM messages
      WHERE ticket_id = $1 AND (direction = 'inbound' OR delivered_at IS NOT NULL)
      ORDER BY created_at, direction`,
    [ticket.id],
  );
  return {
    ticketId: ticket.number,
    status: ticket.status,
    subject: ticket.subject,
    createdAt: ticket.created_at.toISOString(),
    updatedAt: ticket.updated_at.toISOString(),
    messages: messages.rows.map((m) => ({ direction: m.direction, author: m.author, body: m.body, createdAt: m.created_at.toISOString() })),
  };
}
