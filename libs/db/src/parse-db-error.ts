import { DbError } from './db-errors';

/** SQLSTATE classes and codes where the same statement can succeed if tried again. */
const RETRIABLE_CLASSES = ['08', '53', '58'];
const RETRIABLE_CODES = new Set(['40001', '40P01', '55P03', '57014', '57P01', '57P02', '57P03']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * Maps a pg or PGlite error to a DbError by its SQLSTATE (never by its text): serialization failures,
 * deadlocks, lock/statement timeouts, shutdowns and lost connections are retriable; constraint violations
 * and bad SQL are not. A driver error without any code means the connection failed, which is retriable.
 */
export function parseDbError(err: unknown): DbError {
  if (err instanceof DbError) return err;
  const e = (err ?? {}) as { code?: unknown; message?: unknown; constraint?: unknown };
  const code = typeof e.code === 'string' ? e.code : undefined;
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (code && /^[0-9A-Z]{5}$/.test(code)) {
    if (code.startsWith('23')) {
      const constraint = typeof e.constraint === 'string' ? ` (${e.constraint})` : '';
      return new DbError(`DB_CONSTRAINT_${code}`, `constraint violation${constraint}: ${message}`, false, { cause: err });
    }
    const retriable = RETRIABLE_CODES.has(code) || RETRIABLE_CLASSES.includes(code.slice(0, 2));
    return new DbError(`DB_SQLSTATE_${code}`, message, retriable, { cause: err });
  }
  if (code && !NETWORK_CODES.has(code)) return new DbError(`DB_${code}`, message, false, { cause: err });
  return new DbError('DB_CONNECTION_FAILED', message, true, { cause: err });
}
