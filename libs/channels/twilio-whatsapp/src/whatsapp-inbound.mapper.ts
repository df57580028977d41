import twilio from 'twilio';
import { makeEventId, type AttachmentDescriptor, type InboundMessageInput } from '@cs/contracts';
import { mediaOf, type TwilioInbound } from './twilio-webhook.schema';

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'audio/ogg': 'ogg', 'video/mp4': 'mp4', 'application/pdf': 'pdf' };

/** The customer's number in E.164: WaId carries it without the plus sign; From as whatsapp:+<number>. */
export function whatsappPhone(message: Pick<TwilioInbound, 'From' | 'WaId'>): string {
  if (message.WaId) return `+${message.WaId}`;
  const number = message.From.replace(/^whatsapp:/, '');
  return number.startsWith('+') ? number : `+${number}`;
}

export function whatsappAttachments(params: Record<string, unknown>, count: number): AttachmentDescriptor[] {
  return mediaOf(params, count).map((m, i) => ({
    filename: `media-${i + 1}.${EXTENSIONS[m.contentType] ?? m.contentType.split('/')[1]?.replace(/[^a-z0-9]/gi, '') ?? 'bin'}`,
    contentType: m.contentType,
    // Twilio does not say how large media is; the URL fetches it (with the account's credentials).
    sizeBytes: 0,
    providerRef: m.url,
  }));
}

/** The inbound event for a WhatsApp message: one per MessageSid, the conversation keyed by the customer's number. */
export function toInboundMessage(message: TwilioInbound, attachments: AttachmentDescriptor[], meta: { correlationId: string; receivedAt: Date }): InboundMessageInput {
  const phone = whatsappPhone(message);
  const body = message.Body.trim();
  const text = body || (attachments.length > 0 ? `(sent ${attachments.length === 1 ? 'an attachment' : `${attachments.length} attachments`} without text: ${attachments.map((a) => a.contentType).join(', ')})` : '');
  return {
    eventId: makeEventId('whatsapp', message.MessageSid),
    schemaVersion: 1,
    channel: 'whatsapp',
    providerMessageId: message.MessageSid,
    receivedAt: meta.receivedAt.toISOString(),
    correlationId: meta.correlationId,
    conversationKey: `whatsapp:${phone}`,
    customer: { phone, ...(message.ProfileName?.trim() ? { displayName: message.ProfileName.trim() } : {}) },
    text,
    attachments,
  };
}

/**
 * The webhook's answer: empty TwiML, or, for a first delivery that carried media, a short note that attachments
 * cannot be read yet (the agent's answer follows through the normal reply path).
 */
export function webhookTwiml(options: { acknowledgeMedia?: AttachmentDescriptor[] } = {}): string {
  const response = new twilio.twiml.MessagingResponse();
  const media = options.acknowledgeMedia ?? [];
  if (media.length > 0) {
    const kinds = [...new Set(media.map((m) => m.contentType.split('/')[0]))].join(' and ');
    response.message(
      `Thanks, we received your ${media.length === 1 ? 'attachment' : 'attachments'} (${kinds}). We can't open attachments here yet, so if it matters for your request, please describe what it shows in a message.`,
    );
  }
  return response.toString();
}
