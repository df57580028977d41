import type { Channel, ReplyKind } from '@cs/contracts';

export interface ReplyFormatInput {
  channel: Channel;
  kind: ReplyKind;
  body: string;
  customerName?: string;
  ticketNumber: string;
  /** Signature line for email, e.g. "The Brightdesk Support Team". */
  signature: string;
}

export const CHANNEL_LIMITS = {
  email: { maxWords: 500 },
  web_form: { maxWords: 300 },
  whatsapp: { preferredChars: 300, maxCharsPerMessage: 1600 },
} as const;

function firstName(name?: string): string | undefined {
  const first = name?.trim().split(/\s+/)[0];
  return first && /^[\p{L}'-]{2,}$/u.test(first) ? first : undefined;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Shortens the body, never the frame: greeting, ticket reference and signature always survive. */
function fitBody(body: string, frame: string, maxWords: number): string {
  const budget = maxWords - wordCount(frame);
  const words = body.split(/\s+/).filter(Boolean);
  if (words.length <= budget) return body;
  return `${words.slice(0, Math.max(budget - 1, 1)).join(' ')} …`;
}

/** Writes a reply the way each channel expects: formal email, semi-formal web, conversational WhatsApp. */
export function formatReply(input: ReplyFormatInput): string {
  const name = firstName(input.customerName);
  const body = input.body.trim();
  switch (input.channel) {
    case 'email': {
      const greeting = name ? `Dear ${name},` : 'Hello,';
      const closing = `Your ticket reference is ${input.ticketNumber}; reply to this email to continue the conversation.\n\nBest regards,\n${input.signature}`;
      return `${greeting}\n\n${fitBody(body, `${greeting} ${closing}`, CHANNEL_LIMITS.email.maxWords)}\n\n${closing}`;
    }
    case 'web_form': {
      const greeting = name ? `Hello ${name},` : 'Hello,';
      const closing = `Ticket ${input.ticketNumber}`;
      return `${greeting}\n\n${fitBody(body, `${greeting} ${closing}`, CHANNEL_LIMITS.web_form.maxWords)}\n\n${closing}`;
    }
    case 'whatsapp': {
      const greeting = name ? `Hi ${name}! ` : 'Hi! ';
      return `${greeting}${body}`;
    }
  }
}

/**
 * What a formatted reply gets wrong for its channel (empty when nothing): the eval harness and tests use it.
 * WhatsApp's preferred length is advice to the writer, reported separately as `long`.
 */
export function checkReplyFormat(channel: Channel, text: string, ticketNumber: string): { violations: string[]; long: boolean } {
  const violations: string[] = [];
  const words = wordCount(text);
  if (channel === 'email') {
    if (!/^(Dear|Hello|Hi)\b/.test(text)) violations.push('email_greeting');
    if (!text.includes(ticketNumber)) violations.push('email_ticket_reference');
    if (!/(Best|Kind) regards,\n.+\s*$/.test(text)) violations.push('email_signature');
    if (words > CHANNEL_LIMITS.email.maxWords) violations.push('email_too_long');
  } else if (channel === 'web_form') {
    if (!text.includes(ticketNumber)) violations.push('web_ticket_reference');
    if (words > CHANNEL_LIMITS.web_form.maxWords) violations.push('web_too_long');
  } else if (splitForWhatsapp(text).some((part) => part.length > CHANNEL_LIMITS.whatsapp.maxCharsPerMessage)) {
    violations.push('whatsapp_part_too_long');
  }
  return { violations, long: channel === 'whatsapp' && text.length > CHANNEL_LIMITS.whatsapp.preferredChars };
}

/** Splits a long WhatsApp reply at sentence boundaries so no part exceeds the provider's limit. */
export function splitForWhatsapp(text: string, max: number = CHANNEL_LIMITS.whatsapp.maxCharsPerMessage): string[] {
  if (text.length <= max) return [text];
  const sentences = text.match(/[^.!?\n]+(?:[.!?]+|\n+|$)\s*/g) ?? [text];
  const parts: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if ((current + sentence).length <= max) {
      current += sentence;
      continue;
    }
    if (current) parts.push(current.trim());
    // A single sentence longer than the limit is cut at a word boundary.
    let rest = sentence;
    while (rest.length > max) {
      const cut = rest.lastIndexOf(' ', max) > 0 ? rest.lastIndexOf(' ', max) : max;
      parts.push(rest.slice(0, cut).trim());
      rest = rest.slice(cut);
    }
    current = rest;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}
