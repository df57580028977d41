import { inboundMessageSchema, makeEventId, type InboundMessageInput } from '@cs/contracts';
import type { GmailRawMessage } from './gmail-api.client';
import type { ParsedEmail } from './mime/parse-raw-email';

/** Gmail labels of mail the channel never answers: our own sent mail, drafts, spam, trash. */
const IGNORED_LABELS = ['SENT', 'DRAFT', 'SPAM', 'TRASH'];

export type SkipReason = 'own-mail' | 'not-inbound' | 'automatic' | 'no-sender' | 'invalid';

/** Whether a fetched message is a customer's mail to answer; the reason when it is not. */
export function skipReasonFor(message: GmailRawMessage, email: ParsedEmail, mailbox: string): SkipReason | undefined {
  if (message.labelIds.some((l) => IGNORED_LABELS.includes(l))) return message.labelIds.includes('SENT') ? 'own-mail' : 'not-inbound';
  if (!email.from) return 'no-sender';
  if (email.from.address === mailbox.toLowerCase()) return 'own-mail';
  if (email.automatic) return 'automatic';
  return undefined;
}

/**
 * The inbound event for a Gmail message: eventId from the Gmail id (one event per message however often it is
 * seen), the conversation keyed by Gmail thread, and the threading the reply needs.
 */
export function toInboundMessage(message: GmailRawMessage, email: ParsedEmail, correlationId: string): { ok: true; value: InboundMessageInput } | { ok: false; reason: string } {
  const input: InboundMessageInput = {
    eventId: makeEventId('email', message.id),
    schemaVersion: 1,
    channel: 'email',
    providerMessageId: message.id,
    receivedAt: message.internalDate.toISOString(),
    correlationId,
    conversationKey: `email:${message.threadId}`,
    customer: { email: email.from?.address, ...(email.from?.name ? { displayName: email.from.name.slice(0, 200) } : {}) },
    subject: email.subject?.slice(0, 998),
    text: email.newText.slice(0, 100_000),
    attachments: email.attachments.slice(0, 100),
    threading: {
      gmailThreadId: message.threadId,
      messageId: email.messageId,
      inReplyTo: email.inReplyTo,
      references: email.references.slice(-100),
    },
  };
  const parsed = inboundMessageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  return { ok: true, value: input };
}
