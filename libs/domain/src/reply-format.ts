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

function truncateWords(text: string, maxWords: number): string {
  const words = text.split(/\s+/);
  if (words.length <= maxWords) return text;
  return `${words.slice(0, maxWords - 1).join(' ')} …`;
}

/** Writes a reply the way each channel expects: formal email, semi-formal web, conversational WhatsApp. */
export function formatReply(input: ReplyFormatInput): string {
  const name = firstName(input.customerName);
  const body = input.body.trim();
  switch (input.channel) {
    case 'email': {
      const greeting = name ? `Dear ${name},` : 'Hello,';
      const text = `${greeting}\n\n${body}\n\nYour ticket reference is ${input.ticketNumber}; reply to this email to continue the conversation.\n\nBest regards,\n${input.signature}`;
      return truncateWords(text, CHANNEL_LIMITS.email.maxWords);
    }
    case 'web_form': {
      const greeting = name ? `Hello ${name},` : 'Hello,';
      return truncateWords(`${greeting}\n\n${body}\n\nTicket ${input.ticketNumber}`, CHANNEL_LIMITS.web_form.maxWords);
    }
    case 'whatsapp': {
      const greeting = name ? `Hi ${name}! ` : 'Hi! ';
      return `${greeting}${body}`;
    }
  }
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
