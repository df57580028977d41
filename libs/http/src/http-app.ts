import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import { histogram, runHealthChecks, type HealthCheck, type Logger, type Registry } from '@cs/observability';

export interface HttpAppOptions {
  service: string;
  logger: Logger;
  registry: Registry;
  /** Readiness checks (database, bus, provider credentials). */
  readiness: HealthCheck[];
  /** JSON body cap; larger bodies get 413. */
  bodyLimit?: string;
  /** Returns false while the service drains on SIGTERM, so /readyz turns 503 first. */
  isAccepting?: () => boolean;
}

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    log: Logger;
  }
}

/**
 * An express app with what every service needs before its own routes: security headers, a request id
 * (X-Request-Id, echoed), a child logger per request, route-template latency metrics, /healthz, /readyz, /metrics.
 */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(helmet());
  app.use(requestContext(options));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    // Draining answers at once: the checks could wait on a database pool that in-flight work is still using.
    if (options.isAccepting && !options.isAccepting()) {
      res.status(503).json({ status: 'draining', components: [] });
      return;
    }
    const report = await runHealthChecks(options.readiness);
    const accepting = options.isAccepting?.() ?? true;
    const ready = accepting && report.status !== 'unhealthy';
    res.status(ready ? 200 : 503).json({ ...report, status: accepting ? report.status : 'draining' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(options.registry.contentType).send(await options.registry.metrics());
  });
  return app;
}

function requestContext(options: HttpAppOptions): RequestHandler {
  const latency = histogram(options.registry, 'http_request_duration_seconds', 'HTTP request latency by route template', ['method', 'route', 'status']);
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && /^[\w.-]{8,128}$/.test(incoming) ? incoming : randomUUID();
    req.log = options.logger.child({ requestId: req.id });
    res.setHeader('X-Request-Id', req.id);
    const end = latency.startTimer();
    res.on('finish', () => {
      // The route template, never the raw path: ids in labels would explode the series count.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}

/** JSON bodies only, capped; wrong content type → 415, too large → 413, malformed → 400. */
export function jsonBody(limit = '64kb'): RequestHandler[] {
  const requireJson: RequestHandler = (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return next();
    if (!req.is('application/json')) {
      res.status(415).json({ error: 'unsupported_media_type', message: 'Send the body as application/json' });
      return;
    }
    next();
  };
  return [requireJson, express.json({ limit, strict: true })];
}

/** Last handler: maps body-parser errors to 4xx and everything else to a 500 that leaks nothing. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const type = typeof err === 'object' && err !== null && 'type' in err ? String(err.type) : undefined;
    if (type === 'entity.too.large') {
      res.status(413).json({ error: 'payload_too_large', message: 'The request body is too large' });
      return;
    }
    if (type === 'entity.parse.failed') {
      res.status(400).json({ error: 'invalid_json', message: 'The request body is not valid JSON' });
      return;
    }
    (req.log ?? logger).error({ err }, 'unhandled error');
    res.status(500).json({ error: 'internal_error', message: 'Something went wrong on our side', requestId: req.id });
  };
}

export { express };
