import Bottleneck from 'bottleneck';
import type { OutboundReply } from '@cs/contracts';
import { AppError, splitForWhatsapp } from '@cs/domain';
import type { WhatsappMessageRequest, WhatsappTransport } from './twilio-messages.client';

/** What the sender reads and records about deliveries (see whatsapp-delivery.repository.ts). */
export interface WhatsappDeliveryStore {
  /** When the customer last wrote in this chat: free text is allowed for 24 hours after it. */
  lastInboundAt(phone: string): Promise<Date | null>;
  /** Parts of this reply already accepted by Twilio (index → message SID), so a retry resumes after them. */
  sentParts(replyEventId: string): Promise<Map<number, string>>;
  recordPart(replyEventId: string, index: number, providerMessageId: string): Promise<void>;
}

/** Spaces sends so that no sender exceeds `perSecond` messages per second (in this process). */
export function createSendRateLimiter(perSecond: number) {
  const group = new Bottleneck.Group({ minTime: Math.ceil(1000 / perSecond), maxConcurrent: null });
  return {
    schedule: <T>(sender: string, task: () => Promise<T>): Promise<T> => group.key(sender).schedule(task),
    stop: () => group.disconnect(false),
  };
}
export type SendRateLimiter = ReturnType<typeof createSendRateLimiter>;

export interface WhatsappReplySenderOptions {
  transport: WhatsappTransport;
  store: WhatsappDeliveryStore;
  limiter: SendRateLimiter;
  sessionWindowMs: number;
  /** Approved template sent outside the window; without one such a reply is dead-lettered for a human. */
  templateContentSid?: string;
  /** Status callback URL for one part, or undefined for none. */
  statusCallbackUrl?: (replyEventId: string, partIndex: number) => string | undefined;
  now?: () => Date;
}

function firstName(name?: string): string {
  const first = name?.trim().split(/\s+/)[0];
  return first && /^[\p{L}'-]{2,}$/u.test(first) ? first : 'there';
}

/**
 * The WhatsApp channel's ReplySender. Inside the customer-service window (24 hours after the customer's last
 * message) the reply goes as free text, split at sentence boundaries into parts of at most 1600 characters;
 * outside it, as the approved template. Parts already sent are skipped on a retry; every send is rate-limited.
 */
export function createWhatsappReplySender(options: WhatsappReplySenderOptions) {
  const now = options.now ?? (() => new Date());
  return {
    channel: 'whatsapp' as const,
    async send(reply: OutboundReply): Promise<{ providerMessageId: string | null; parts: string[] }> {
      const phone = reply.recipient.phone;
      if (!phone) throw new AppError('WHATSAPP_NO_RECIPIENT', 'a WhatsApp reply needs a phone number', { retriable: false });
      const lastInbound = await options.store.lastInboundAt(phone);
      const inWindow = lastInbound !== null && now().getTime() - lastInbound.getTime() < options.sessionWindowMs;
      let messages: Array<Omit<WhatsappMessageRequest, 'to' | 'statusCallback'>>;
      if (inWindow) {
        messages = splitForWhatsapp(reply.text).map((body) => ({ body }));
      } else if (options.templateContentSid) {
        messages = [{ contentSid: options.templateContentSid, contentVariables: { '1': firstName(reply.recipient.displayName), '2': reply.ticketNumber } }];
      } else {
        throw new AppError('WHATSAPP_OUTSIDE_SESSION_WINDOW', 'the 24-hour window is closed and no template (TWILIO_TEMPLATE_CONTENT_SID) is configured', { retriable: false });
      }
      const done = await options.store.sentParts(reply.eventId);
      const sids: string[] = [];
      for (const [index, message] of messages.entries()) {
        const already = done.get(index);
        if (already) {
          sids.push(already);
          continue;
        }
        const statusCallback = options.statusCallbackUrl?.(reply.eventId, index);
        const { sid } = await options.limiter.schedule(options.transport.sender, () =>
          options.transport.createMessage({ to: phone, ...message, ...(statusCallback ? { statusCallback } : {}) }),
        );
        await options.store.recordPart(reply.eventId, index, sid);
        sids.push(sid);
      }
      return { providerMessageId: sids[0] ?? null, parts: sids };
    },
  };
}
