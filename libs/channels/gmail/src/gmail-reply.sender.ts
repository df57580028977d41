import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboundReply } from '@cs/contracts';
import { AppError } from '@cs/domain';
import type { GmailApi, GmailMessageRef } from './gmail-api.client';

/** Where a composed reply goes: the Gmail API, or a local folder when no credentials are configured. */
export interface GmailSendTransport {
  send(raw: Buffer, threadId: string | undefined): Promise<GmailMessageRef>;
}

export function gmailApiTransport(api: GmailApi): GmailSendTransport {
  return { send: (raw, threadId) => api.sendRaw(raw, threadId) };
}

/** The embedded mode's stand-in for Gmail: every reply is written to `dir` as an .eml file. */
export function recordingEmailTransport(dir: string): GmailSendTransport {
  return {
    async send(raw, threadId) {
      mkdirSync(dir, { recursive: true });
      const id = `local-${randomUUID()}`;
      writeFileSync(join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${id}.eml`), raw);
      return { id, threadId: threadId ?? id };
    },
  };
}

export interface EmailIdentity {
  address: string;
  name: string;
}

/**
 * The reply as RFC 2822, built by nodemailer's MailComposer: same thread (In-Reply-To, References), "Re:" subject,
 * and a Message-ID derived from the reply's eventId, so a resend of one reply carries the same id.
 */
export async function composeReplyMime(reply: OutboundReply, from: EmailIdentity): Promise<Buffer> {
  if (!reply.recipient.email) throw new AppError('EMAIL_NO_RECIPIENT', 'an email reply needs a recipient address', { retriable: false });
  const threading = reply.threading;
  const references = [...new Set([...(threading?.references ?? []), ...(threading?.messageId ? [threading.messageId] : [])])].slice(-20);
  const domain = from.address.split('@')[1] ?? 'localhost';
  const subject = reply.subject ?? 'Re: Your support request';
  const composer = new MailComposer({
    from: { name: from.name, address: from.address },
    to: { name: reply.recipient.displayName ?? '', address: reply.recipient.email },
    subject: /^re:/i.test(subject) ? subject : `Re: ${subject}`,
    text: reply.text,
    date: new Date(reply.createdAt),
    messageId: `<${createHash('sha256').update(reply.eventId).digest('hex').slice(0, 32)}@${domain}>`,
    ...(threading?.messageId ? { inReplyTo: threading.messageId } : {}),
    ...(references.length > 0 ? { references } : {}),
    // RFC 3834: tells the customer's auto-responders not to answer us, so no reply loops.
    headers: { 'Auto-Submitted': 'auto-replied' },
  });
  return composer.compile().build();
}

/** The email channel's ReplySender: composes the MIME reply and sends it in the customer's Gmail thread. */
export function createGmailReplySender(options: { transport: GmailSendTransport; from: EmailIdentity }) {
  return {
    channel: 'email' as const,
    async send(reply: OutboundReply): Promise<{ providerMessageId: string | null }> {
      const raw = await composeReplyMime(reply, options.from);
      const sent = await options.transport.send(raw, reply.threading?.gmailThreadId);
      return { providerMessageId: sent.id || null };
    },
  };
}
