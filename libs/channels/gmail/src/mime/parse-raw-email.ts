import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';
import type { AttachmentDescriptor } from '@cs/contracts';
import { automaticMailReason } from './automatic-mail';
import { extractNewText } from './extract-new-text';

export interface ParsedEmail {
  from?: { address: string; name?: string };
  subject?: string;
  /** RFC 5322 ids with angle brackets. */
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  date?: Date;
  /** What the customer wrote in this message: quoted history and signature removed. */
  newText: string;
  attachments: AttachmentDescriptor[];
  /** Set when a machine wrote it (auto-reply, bounce, bulk): the channel does not answer those. */
  automatic?: string;
}

function headerText(value: HeaderValue | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  if (typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return String(value);
}

function firstAddress(address: AddressObject | undefined): ParsedEmail['from'] {
  const first = address?.value.find((a) => a.address);
  if (!first?.address) return undefined;
  const name = first.name?.trim();
  return { address: first.address.trim().toLowerCase(), ...(name ? { name } : {}) };
}

function angleIds(value: string | string[] | undefined): string[] {
  const all = (Array.isArray(value) ? value : value ? [value] : []).flatMap((v) => v.match(/<[^<>\s]+>/g) ?? []);
  return [...new Set(all)];
}

/**
 * Parses a raw RFC 2822 message with mailparser (multipart, HTML-only, quoted-printable, base64, any charset it
 * knows) into what the channel needs. Attachments are described, never dropped silently.
 */
export async function parseRawEmail(raw: Buffer | string, options: { attachmentRef?: (index: number) => string } = {}): Promise<ParsedEmail> {
  // No HTML-to-text here: an HTML-only mail is converted by extractNewText, which first drops the quoted part.
  const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
  const from = firstAddress(mail.from);
  const subject = mail.subject?.trim() || undefined;
  const header = (name: string) => headerText(mail.headers.get(name));
  const attachments: AttachmentDescriptor[] = mail.attachments.map((a, index) => ({
    filename: (a.filename ?? `${a.related ? 'inline' : 'attachment'}-${index + 1}`).slice(0, 512),
    contentType: a.contentType.slice(0, 255),
    sizeBytes: a.size,
    ...(options.attachmentRef ? { providerRef: options.attachmentRef(index) } : {}),
  }));
  return {
    from,
    subject,
    messageId: angleIds(mail.messageId)[0],
    inReplyTo: angleIds(mail.inReplyTo)[0],
    references: angleIds(mail.references),
    date: mail.date,
    newText: extractNewText({ text: mail.text || undefined, html: mail.html || undefined, subject }),
    attachments,
    automatic: automaticMailReason(header, from?.address, subject),
  };
}
