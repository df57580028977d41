import { randomBytes, createHash, timingSafeEqual } from 'node:crypto';

// Crockford-style alphabet without 0/O, 1/I/L, U: readable over the phone.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "TKT-8F3K2Q": 30^6 ≈ 729 million values; the unique index catches the rare collision and the caller retries. */
export function generateTicketNumber(): string {
  const bytes = randomBytes(6);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `TKT-${out}`;
}

export const TICKET_NUMBER_PATTERN = /^TKT-[2-9A-HJKMNP-TV-Z]{6}$/;

/** 256-bit token handed to the customer once; only its hash is stored. */
export function generateStatusToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashStatusToken(token) };
}

export function hashStatusToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function statusTokenMatches(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashStatusToken(token), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
