import type { Channel } from '@cs/contracts';
import { generateTicketNumber } from '@cs/domain';
import type { EscalationReason, Queryable, TicketTriage } from '@cs/ports';

export interface TicketRow {
  id: string;
  number: string;
  status: string;
  subject: string | null;
  conversation_id: string | null;
  customer_id: string | null;
  channel: Channel;
  created_at: Date;
}

/** Inserts with a fresh number; the (rare) number collision inserts nothing and is retried with another number. */
async function insertWithNumber(tx: Queryable, sql: string, params: unknown[]): Promise<TicketRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await tx.query<TicketRow>(sql, [generateTicketNumber(), ...params]);
    if (result.rows[0]) return result.rows[0];
  }
  throw new Error('could not find a free ticket number in 5 attempts');
}

const RETURNING = 'RETURNING id, number, status, subject, conversation_id, customer_id, channel, created_at';

/** The web form gets its ticket at once, before processing, so the customer has a number and a status link. */
export async function createWebTicket(
  tx: Queryable,
  input: { subject: string; category: string; priority: string; statusTokenHash: string },
): Promise<TicketRow> {
  return insertWithNumber(
    tx,
    `INSERT INTO tickets (number, channel, subject, category, priority, status, status_token_hash)
     VALUES ($1, 'web_form', $2, $3, $4, 'open', $5) ON CONFLICT (number) DO NOTHING ${RETURNING}`,
    [input.subject, input.category, input.priority, input.statusTokenHash],
  );
}

/** The conversation's ticket: the pre-created web ticket, the open one, or a new one. */
export async function ensureTicket(
  tx: Queryable,
  input: { conversationId: string; customerId: string; channel: Channel; subject?: string; ticketNumber?: string },
): Promise<TicketRow> {
  if (input.ticketNumber) {
    const linked = await tx.query<TicketRow>(
      `UPDATE tickets SET conversation_id = $2, customer_id = $3, updated_at = now() WHERE number = $1 ${RETURNING}`,
      [input.ticketNumber, input.conversationId, input.customerId],
    );
    if (linked.rows[0]) return linked.rows[0];
  }
  const open = await tx.query<TicketRow>(
    `SELECT id, number, status, subject, conversation_id, customer_id, channel, created_at FROM tickets
      WHERE conversation_id = $1 AND status NOT IN ('resolved', 'closed') ORDER BY created_at DESC LIMIT 1`,
    [input.conversationId],
  );
  if (open.rows[0]) return open.rows[0];
  return insertWithNumber(
    tx,
    `INSERT INTO tickets (number, conversation_id, customer_id, channel, subject, category, priority, status)
     VALUES ($1, $2, $3, $4, $5, 'general', 'medium', 'open') ON CONFLICT (number) DO NOTHING ${RETURNING}`,
    [input.conversationId, input.customerId, input.channel, input.subject ?? null],
  );
}

export async function markTicketEscalated(
  tx: Queryable,
  ticketId: string,
  escalation: { reason: EscalationReason; evidence: Record<string, unknown>; bestKbScore: number | null },
): Promise<void> {
  await tx.query(
    `UPDATE tickets SET status = 'escalated', escalation_reason = $2, escalation_evidence = $3, best_kb_score = $4, updated_at = now()
      WHERE id = $1`,
    [ticketId, escalation.reason, JSON.stringify(escalation.evidence), escalation.bestKbScore],
  );
}

export async function markTicketAnswered(tx: Queryable, ticketId: string, bestKbScore: number | null): Promise<void> {
  await tx.query(
    `UPDATE tickets SET status = 'pending', best_kb_score = $2, updated_at = now() WHERE id = $1 AND status = 'open'`,
    [ticketId, bestKbScore],
  );
}

/** The agent's triage of the ticket (its create_ticket tool): category and priority. */
export async function updateTicketTriage(tx: Queryable, ticketId: string, triage: TicketTriage): Promise<void> {
  await tx.query('UPDATE tickets SET category = $2, priority = $3, updated_at = now() WHERE id = $1', [ticketId, triage.category, triage.priority]);
}
