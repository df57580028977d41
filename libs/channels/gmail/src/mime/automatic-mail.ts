/** Header values the automatic-mail check reads (lower-case names). */
export type HeaderLookup = (name: string) => string | undefined;

const AUTO_SUBJECT = /^\s*(out of (the )?office|automatic reply|auto(matic)?[- ]?reply|autoreply|auto:|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[áa]tica|undeliverable:|undelivered mail|delivery status notification|mail delivery (failed|subsystem))/i;
const SYSTEM_SENDERS = /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply)@/i;

/**
 * Why a message was written by a machine rather than a customer (RFC 3834 Auto-Submitted, Precedence, vendor
 * auto-reply headers, bounces, out-of-office subjects), or undefined for a person's mail. Answering such mail
 * starts reply loops, so the channel skips it.
 */
export function automaticMailReason(header: HeaderLookup, fromAddress: string | undefined, subject: string | undefined): string | undefined {
  const autoSubmitted = header('auto-submitted')?.trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `auto-submitted:${autoSubmitted}`;
  const precedence = header('precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return `precedence:${precedence}`;
  if (header('x-autoreply') || header('x-autorespond') || header('x-autoresponse')) return 'x-autoreply';
  if (header('x-auto-response-suppress')?.toLowerCase().includes('all') && header('x-ms-exchange-generated-message-source')) return 'exchange-generated';
  if (/multipart\/report/i.test(header('content-type') ?? '')) return 'delivery-report';
  if (header('return-path')?.trim() === '<>') return 'null-sender';
  if (fromAddress && SYSTEM_SENDERS.test(fromAddress)) return 'system-sender';
  if (subject && AUTO_SUBJECT.test(subject)) return 'auto-reply-subject';
  return undefined;
}
