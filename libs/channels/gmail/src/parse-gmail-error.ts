import { AppError } from '@cs/domain';

/** Gmail answers 403 (not 429) when a usage limit is hit; these reasons are worth a retry. */
const RETRIABLE_403_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'backendError']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'EPIPE', 'TimeoutError', 'AbortError', 'UND_ERR_SOCKET']);

interface GaxiosLike {
  status?: number;
  code?: string | number;
  response?: { status?: number; data?: { error?: { errors?: Array<{ reason?: string }>; status?: string } | string } };
}

/**
 * Maps anything the Gmail SDK (gaxios) or its auth client throws to an AppError:
 * 429 and 5xx (and 403 usage limits) are retriable, other 4xx permanent, network failures retriable.
 */
export function parseGmailError(err: unknown, operation: string): AppError {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as GaxiosLike;
  const status = typeof e.status === 'number' ? e.status : e.response?.status;
  const data = e.response?.data;
  const reason = typeof data?.error === 'object' ? data.error.errors?.[0]?.reason : undefined;
  const message = `Gmail ${operation} failed${status ? ` with HTTP ${status}` : ''}${reason ? ` (${reason})` : ''}`;
  if (status === undefined) {
    const code = typeof e.code === 'string' ? e.code : undefined;
    const network = code !== undefined && NETWORK_CODES.has(code);
    return new AppError(network ? 'GMAIL_UNREACHABLE' : 'GMAIL_UNEXPECTED', message, { retriable: true, cause: err });
  }
  if (status === 429) return new AppError('GMAIL_RATE_LIMITED', message, { retriable: true, cause: err });
  if (status >= 500) return new AppError('GMAIL_UNAVAILABLE', message, { retriable: true, cause: err });
  if (status === 403 && reason && RETRIABLE_403_REASONS.has(reason)) return new AppError('GMAIL_RATE_LIMITED', message, { retriable: true, cause: err });
  // The token endpoint answers 400 invalid_grant for a revoked refresh token: permanent until someone reconnects.
  if (data?.error === 'invalid_grant') return new AppError('GMAIL_AUTH_REVOKED', message, { retriable: false, cause: err });
  return new AppError(`GMAIL_HTTP_${status}`, message, { retriable: false, cause: err });
}
