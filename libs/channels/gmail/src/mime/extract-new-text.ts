import EmailReplyParser from 'email-reply-parser';
import { convert } from 'html-to-text';

/** Where a forward begins (Gmail, Apple Mail, Thunderbird): what follows is the content, not history. */
const FORWARD_MARKERS = [
  /^-{5,}\s*Forwarded message\s*-{5,}\s*$/im,
  /^Begin forwarded message:\s*$/im,
  /^-{5,}\s*Forwarded Message\s*-{5,}\s*$/im,
];
const FORWARD_SUBJECT = /^\s*(fwd?|fw|tr|wg|rv)\s*:/i;

/** Quoted history in HTML mail: Gmail, Apple Mail/Thunderbird (cite), Outlook (reply header and what follows), Yahoo. */
const HTML_QUOTE_SELECTORS = ['div.gmail_quote', 'blockquote[type=cite]', 'div.moz-cite-prefix', 'div#divRplyFwdMsg', 'div#appendonsend', 'div.yahoo_quoted'];

const BASE_HTML_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'head', format: 'skip' },
  ],
};

export function htmlToText(html: string, options: { dropQuotes: boolean }): string {
  const selectors = options.dropQuotes
    ? [...BASE_HTML_OPTIONS.selectors, ...HTML_QUOTE_SELECTORS.map((selector) => ({ selector, format: 'skip' }))]
    : BASE_HTML_OPTIONS.selectors;
  let text = convert(html, { ...BASE_HTML_OPTIONS, selectors });
  // Outlook puts the quoted mail after the reply header as siblings, not inside it: cut at the horizontal rule it leaves.
  if (options.dropQuotes && /id="?divRplyFwdMsg/i.test(html)) text = text.split(/^-{20,}\s*$/m)[0] ?? text;
  return text;
}

function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function stripReply(text: string): string {
  return normalize(new EmailReplyParser().parseReply(text));
}

/**
 * The part of a customer's email that is new: the quoted history and the signature removed. A forward keeps the
 * forwarded message (it is what the customer wants us to read), after their own note.
 */
export function extractNewText(body: { text?: string; html?: string; subject?: string }): string {
  const full = normalize(body.text ?? (body.html ? htmlToText(body.html, { dropQuotes: false }) : ''));
  const marker = FORWARD_MARKERS.map((re) => re.exec(full)).find((m) => m !== null);
  if (marker) {
    const note = stripReply(full.slice(0, marker.index));
    const forwarded = full.slice(marker.index).trim();
    return normalize(note ? `${note}\n\n${forwarded}` : forwarded);
  }
  // A forward without a marker line (Outlook's "FW:"): everything is content.
  if (body.subject && FORWARD_SUBJECT.test(body.subject)) return full;
  if (body.text) return stripReply(body.text);
  return body.html ? stripReply(htmlToText(body.html, { dropQuotes: true })) : '';
}
