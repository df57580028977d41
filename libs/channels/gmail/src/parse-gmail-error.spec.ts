import { AppError } from '@cs/domain';
import { parseGmailError } from './parse-gmail-error';

const gaxios = (status: number, reason?: string, error?: unknown) =>
  Object.assign(new Error('request failed'), { status, response: { status, data: error ?? { error: { errors: reason ? [{ reason }] : [] } } } });

describe('parseGmailError', () => {
  it.each([
    [429, undefined, 'GMAIL_RATE_LIMITED', true],
    [500, undefined, 'GMAIL_UNAVAILABLE', true],
    [503, 'backendError', 'GMAIL_UNAVAILABLE', true],
    [403, 'userRateLimitExceeded', 'GMAIL_RATE_LIMITED', true],
    [403, 'insufficientPermissions', 'GMAIL_HTTP_403', false],
    [400, 'invalidArgument', 'GMAIL_HTTP_400', false],
    [404, 'notFound', 'GMAIL_HTTP_404', false],
  ])('HTTP %d (%s) → %s, retriable %s', (status, reason, code, retriable) => {
    const error = parseGmailError(gaxios(status, reason), 'messages.send');
    expect(error).toBeInstanceOf(AppError);
    expect({ code: error.code, retriable: error.retriable }).toEqual({ code, retriable });
    expect(error.cause).toBeDefined();
  });

  it('treats a revoked refresh token as permanent and network failures as retriable', () => {
    expect(parseGmailError(gaxios(400, undefined, { error: 'invalid_grant' }), 'token')).toMatchObject({ code: 'GMAIL_AUTH_REVOKED', retriable: false });
    expect(parseGmailError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), 'history.list')).toMatchObject({ code: 'GMAIL_UNREACHABLE', retriable: true });
  });
});
