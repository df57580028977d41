import type { InboundMessage } from '@cs/contracts';
import type { Logger } from '@cs/observability';
import type { AgentDecision, CustomerAgent, SqlClient } from '@cs/ports';
import { findOrStartConversation, escalateConversation } from '../repositories/conversation.repository';
import { resolveCustomer } from '../repositories/customer.repository';
import { insertInboundMessage } from '../repositories/message.repository';
import { markProcessed, wasEventProcessed } from '../repositories/processed-events.repository';
import { ensureTicket, markTicketAnswered, markTicketEscalated, updateTicketTriage, type TicketRow } from '../repositories/ticket.repository';
import { recordAgentRun } from '../repositories/trace.repository';
import { storeAndQueueReply } from './reply-builder';

export const PROCESSOR_CONSUMER = 'message-processor';

export interface ProcessInboundDeps {
  db: SqlClient;
  agent: CustomerAgent;
  /** Wakes the outbox relay after a commit. */
  relay: { kick(): void };
  logger: Logger;
  settings: { resumeWindowMs: number; signature: string };
}

export interface ConversationContext {
  customerId: string;
  conversationId: string;
  conversationStatus: string;
  ticket: TicketRow;
}

/** Finds or creates who is writing, about which conversation, under which ticket. Safe to repeat. */
export async function resolveContext(db: SqlClient, event: InboundMessage, resumeWindowMs: number): Promise<ConversationContext> {
  return db.transaction(async (tx) => {
    const { customerId } = await resolveCustomer(tx, event.customer);
    const conversation = await findOrStartConversation(tx, {
      customerId,
      channel: event.channel,
      conversationKey: event.conversationKey,
      resumeWindowMs,
      at: new Date(event.receivedAt),
      correlationId: event.correlationId,
    });
    const ticket = await ensureTicket(tx, {
      conversationId: conversation.conversationId,
      customerId,
      channel: event.channel,
      subject: event.subject,
      ticketNumber: event.webForm?.ticketNumber,
    });
    return { customerId, conversationId: conversation.conversationId, conversationStatus: conversation.status, ticket };
  });
}

/**
 * The message-processor use case. Effects (inbound message, reply, outbox entry, ticket state, metrics) are written
 * in one transaction together with the processed-event record, so a redelivered event changes nothing.
 */
export async function processInbound(deps: ProcessInboundDeps, event: InboundMessage): Promise<'processed' | 'duplicate'> {
  const { db, settings } = deps;
  if (await wasEventProcessed(db, PROCESSOR_CONSUMER, event.eventId)) return 'duplicate';

  const context = await resolveContext(db, event, settings.resumeWindowMs);
  // A conversation a human has taken over gets no AI reply until they resolve it.
  const aiPaused = context.conversationStatus === 'escalated';
  const started = performance.now();
  const decision = aiPaused
    ? undefined
    : await deps.agent.decide({
        event,
        customerId: context.customerId,
        conversationId: context.conversationId,
        ticketNumber: context.ticket.number,
        customerName: event.customer.displayName,
      });
  const latencyMs = Math.round(performance.now() - started);

  const outcome = await db.transaction(async (tx) => {
    if (!(await markProcessed(tx, PROCESSOR_CONSUMER, event.eventId))) return 'duplicate' as const;
    await insertInboundMessage(tx, {
      conversationId: context.conversationId,
      ticketId: context.ticket.id,
      channel: event.channel,
      eventId: event.eventId,
      providerMessageId: event.providerMessageId,
      body: event.text,
      subject: event.subject,
      attachments: event.attachments,
      threading: event.threading,
      sentiment: decision?.sentiment ?? null,
      language: decision?.language ?? null,
      correlationId: event.correlationId,
      receivedAt: new Date(event.receivedAt),
    });
    if (decision) await applyDecision(tx, deps, event, context, decision, latencyMs);
    return 'processed' as const;
  });
  if (outcome === 'processed') deps.relay.kick();
  return outcome;
}

async function applyDecision(
  tx: Parameters<Parameters<SqlClient['transaction']>[0]>[0],
  deps: ProcessInboundDeps,
  event: InboundMessage,
  context: ConversationContext,
  decision: AgentDecision,
  latencyMs: number,
): Promise<void> {
  const target = { event, conversationId: context.conversationId, ticketId: context.ticket.id, ticketNumber: context.ticket.number };
  const kind = decision.action === 'escalate' ? 'escalation_notice' : 'answer';
  await storeAndQueueReply(tx, target, { kind, body: decision.text, citations: decision.citations, signature: deps.settings.signature });
  if (decision.ticketUpdate) await updateTicketTriage(tx, context.ticket.id, decision.ticketUpdate);
  if (decision.escalation) {
    await markTicketEscalated(tx, context.ticket.id, { ...decision.escalation, bestKbScore: decision.bestKbScore });
    await escalateConversation(tx, context.conversationId);
  } else {
    await markTicketAnswered(tx, context.ticket.id, decision.bestKbScore);
  }
  await recordAgentRun(tx, { event, conversationId: context.conversationId, decision, latencyMs });
}
