import { randomUUID } from 'node:crypto';
import { makeEventId, type SupportForm } from '@cs/contracts';
import { generateStatusToken } from '@cs/domain';
import { createWebTicket, type TicketRow } from '../repositories/ticket.repository';
import { queueInboundEvent, type IngestDeps } from './ingest-message.use-case';

export interface WebFormReceipt {
  ticket: TicketRow;
  statusToken: string;
  submissionId: string;
}

/** A web form submission: a ticket the customer can look up at once, plus the inbound event, in one transaction. */
export async function submitWebForm(deps: IngestDeps, form: SupportForm, correlationId: string = randomUUID()): Promise<WebFormReceipt> {
  const submissionId = randomUUID();
  const { token, hash } = generateStatusToken();
  // The event carries the ticket number, which is only known inside the transaction: both are written there.
  const ticket = await deps.db.transaction(async (tx) => {
    const created = await createWebTicket(tx, { subject: form.subject, category: form.category, priority: form.priority, statusTokenHash: hash });
    await queueInboundEvent(tx, {
        eventId: makeEventId('web_form', submissionId),
        schemaVersion: 1,
        channel: 'web_form',
        providerMessageId: submissionId,
        receivedAt: created.created_at.toISOString(),
        correlationId,
        conversationKey: `web_form:${created.number}`,
        customer: { email: form.email, phone: form.phone, displayName: form.name },
        subject: form.subject,
        text: form.message,
        attachments: [],
        webForm: { ticketNumber: created.number, category: form.category, priority: form.priority },
    });
    return created;
  });
  deps.relay.kick();
  return { ticket, statusToken: token, submissionId };
}
