import type { Request, Response } from 'express';
import { opsApiConfigProblems } from './ops-api.env';
import { opsAuth } from './ops-auth';

function call(handler: ReturnType<typeof opsAuth>, request: { remote: string; ip?: string; authorization?: string }) {
  const req = { socket: { remoteAddress: request.remote }, ip: request.ip ?? request.remote, get: () => request.authorization } as unknown as Request;
  const result = { status: 0, next: false };
  const res = { setHeader: () => res, status: (code: number) => ((result.status = code), res), json: () => res } as unknown as Response;
  handler(req, res, () => (result.next = true));
  return result;
}

describe('opsAuth', () => {
  it('lets only loopback callers in when no token is set outside production', () => {
    const auth = opsAuth({ production: false });
    expect(call(auth, { remote: '127.0.0.1' }).next).toBe(true);
    expect(call(auth, { remote: '::1' }).next).toBe(true);
    expect(call(auth, { remote: '10.0.0.7' })).toEqual({ status: 403, next: false });
    // Relayed by a local proxy for a remote client: not local.
    expect(call(auth, { remote: '127.0.0.1', ip: '203.0.113.9' })).toEqual({ status: 403, next: false });
  });

  it('lets nobody in without a token in production', () => {
    expect(call(opsAuth({ production: true }), { remote: '127.0.0.1' })).toEqual({ status: 403, next: false });
  });

  it('requires the bearer token when one is set, from anywhere', () => {
    const auth = opsAuth({ token: 'x'.repeat(32), production: true });
    expect(call(auth, { remote: '10.0.0.7', authorization: `Bearer ${'x'.repeat(32)}` }).next).toBe(true);
    expect(call(auth, { remote: '127.0.0.1' })).toEqual({ status: 401, next: false });
    expect(call(auth, { remote: '10.0.0.7', authorization: 'Bearer short' })).toEqual({ status: 401, next: false });
  });
});

describe('opsApiConfigProblems', () => {
  it('requires OPS_API_TOKEN in production only', () => {
    expect(opsApiConfigProblems({ NODE_ENV: 'production' })).toEqual(['required when NODE_ENV=production']);
    expect(opsApiConfigProblems({ NODE_ENV: 'production', OPS_API_TOKEN: 'x'.repeat(32) })).toEqual([]);
    expect(opsApiConfigProblems({ NODE_ENV: 'development' })).toEqual([]);
  });
});
