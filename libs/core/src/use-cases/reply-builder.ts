import { randomUUID } from 'node:crypto';
import { encodeEvent, HEADERS, outboundReplySchema, outboundTopicFor, type InboundMessage, type ReplyKind } from '@cs/contracts';
import { formatReply } from '@cs/domain';
import type { KnowledgeCitation, Queryable } from '@cs/ports';
import { insertOutboundMessage } from '../repositories/message.repository';
import { enqueueOutbox } from '../repositories/outbox.repository';

export interface ReplyTarget {
  event: InboundMessage;
  conversationId: string;
  ticketId: string;
  ticketNumber: string;
}

/**
 * Stores a reply and queues it for the channel's egress in the caller's transaction.
 * The reply's eventId is derived from the inbound eventId and the kind, so it is stable across redeliveries.
 */
export async function storeAndQueueReply(
  tx: Queryable,
  target: ReplyTarget,
  reply: { kind: ReplyKind; body: string; citations: KnowledgeCitation[]; signature: string },
): Promise<string> {
  const { event } = target;
  const replyEventId = `${reply.kind}:${event.eventId}`;
  const text = formatReply({
    channel: event.channel,
    kind: reply.kind,
    body: reply.body,
    customerName: event.customer.displayName,
    ticketNumber: target.ticketNumber,
    signature: reply.signature,
  });
  const subject = event.channel === 'email' ? replySubject(event.subject) : undefined;
  await insertOutboundMessage(tx, {
    conversationId: target.conversationId,
    ticketId: target.ticketId,
    channel: event.channel,
    replyEventId,
    kind: reply.kind,
    body: text,
    subject,
    citations: reply.citations,
    correlationId: event.correlationId,
    author: reply.kind === 'answer' ? 'agent' : 'system',
  });
  const payload = encodeEvent(outboundReplySchema, 'OutboundReply', {
    eventId: replyEventId,
    schemaVersion: 1,
    replyId: randomUUID(),
    channel: event.channel,
    kind: reply.kind,
    inReplyToEventId: event.eventId,
    correlationId: event.correlationId,
    conversationId: target.conversationId,
    ticketNumber: target.ticketNumber,
    recipient: { email: event.customer.email, phone: event.customer.phone, displayName: event.customer.displayName },
    subject,
    text,
    threading: event.threading,
    createdAt: new Date().toISOString(),
  });
  await enqueueOutbox(tx, {
    topic: outboundTopicFor(event.channel),
    key: event.conversationKey,
    payload,
    headers: { [HEADERS.correlationId]: event.correlationId, [HEADERS.eventId]: replyEventId },
    eventId: replyEventId,
  });
  return replyEventId;
}

function replySubject(subject?: string): string {
  const base = subject?.trim() || 'Your support request';
  return /^re:/i.test(base) ? base : `Re: ${base}`;
}
