import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Bearer token when OPS_API_TOKEN is set. Without one, outside production, only loopback callers get in (the
 * embedded mode on a laptop), and a request relayed by a proxy counts as its original client, not as loopback.
 * In production without a token nothing gets in (the service also refuses to start that way).
 */
export function opsAuth(options: { token?: string; production: boolean }): RequestHandler {
  const expected = options.token ? digest(options.token) : undefined;
  return (req, res, next) => {
    if (expected) {
      const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
      if (match && timingSafeEqual(digest(match[1]!), expected)) return next();
      res.setHeader('WWW-Authenticate', 'Bearer realm="ops"');
      res.status(401).json({ error: 'unauthorized', message: 'Send the ops token as Authorization: Bearer <OPS_API_TOKEN>' });
      return;
    }
    if (!options.production && LOOPBACK.has(req.socket.remoteAddress ?? '') && LOOPBACK.has(req.ip ?? '')) return next();
    res.status(403).json({ error: 'forbidden', message: 'Without OPS_API_TOKEN the ops API answers local requests only' });
  };
}

// Comparing fixed-length digests keeps the comparison constant-time whatever the presented token's length.
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
