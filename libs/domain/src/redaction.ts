/**
 * Card-like digit runs: 12 to 19 digits, optionally split by spaces or dashes.
 * They are masked before text reaches the model or a log line.
 */
const CARD_LIKE = /(?<!\d)\d(?:[ -]?\d){11,18}(?!\d)/g;
const SECRET_LIKE = /\b(?:sk|rk|pk)-[A-Za-z0-9_-]{16,}\b|\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bBearer\s+[A-Za-z0-9._~+/-]{20,}=*/g;
const PASSWORD_LIKE = /\b(password|passcode|pwd|pin)\s*[:=]\s*\S+/gi;

export const REDACTED_CARD = '[REDACTED CARD]';
export const REDACTED_SECRET = '[REDACTED SECRET]';

/** Masks card numbers, API keys, bearer tokens and `password: ...` pairs in free text. */
export function redactSensitiveText(text: string): string {
  return text
    .replace(CARD_LIKE, REDACTED_CARD)
    .replace(SECRET_LIKE, REDACTED_SECRET)
    .replace(PASSWORD_LIKE, (_m, word: string) => `${word}: ${REDACTED_SECRET}`);
}

/** Keeps a hint of an email address for operators without logging it: "j***@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** "+14155550123" -> "+1415***0123"; enough to tell two numbers apart in a log, not to dial one. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '***';
  return `${phone.slice(0, 5)}***${phone.slice(-4)}`;
}
