import { rateLimit, type Options as RateLimitOptions } from 'express-rate-limit';
import { supportFormSchema, type SupportFormAccepted } from '@cs/contracts';
import { getTicketForCustomer, submitWebForm, type IngestDeps } from '@cs/core';
import { TICKET_NUMBER_PATTERN } from '@cs/domain';
import { express, jsonBody, parseBody } from '@cs/http';

export interface SupportFormRouterOptions extends IngestDeps {
  /** Base URL customers reach the API at, for the status link. */
  publicBaseUrl: string;
  rateLimits: { perIpPerMinute: number; perEmailPerHour: number };
  bodyLimit?: string;
}

function limiter(options: Partial<RateLimitOptions>) {
  return rateLimit({
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res, _next, opts) => {
      const resetTime = (req as typeof req & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = resetTime ? Math.max(1, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : Math.ceil(opts.windowMs / 1000);
      res.setHeader('Retry-After', String(seconds));
      res.status(429).json({ error: 'rate_limited', message: `Too many requests; try again in ${seconds} seconds` });
    },
    ...options,
  });
}

/** POST /api/v1/support/form and GET /api/v1/tickets/:ticketId. */
export function createSupportFormRouter(options: SupportFormRouterOptions): express.Router {
  const router = express.Router();
  const perIp = limiter({ windowMs: 60_000, limit: options.rateLimits.perIpPerMinute });
  const perEmail = limiter({
    windowMs: 3_600_000,
    limit: options.rateLimits.perEmailPerHour,
    keyGenerator: (req) => `email:${String(req.body?.email ?? '').trim().toLowerCase()}`,
    skip: (req) => typeof req.body?.email !== 'string',
  });

  router.post('/api/v1/support/form', perIp, ...jsonBody(options.bodyLimit ?? '32kb'), perEmail, async (req, res, next) => {
    const form = parseBody(supportFormSchema, req, res);
    if (!form) return;
    try {
      const receipt = await submitWebForm(options, form, req.id);
      const body: SupportFormAccepted = {
        ticketId: receipt.ticket.number,
        status: receipt.ticket.status,
        message: `Thanks ${form.name.split(' ')[0]}, we received your request. Your ticket number is ${receipt.ticket.number}; keep the status link to follow it.`,
        createdAt: receipt.ticket.created_at.toISOString(),
        statusToken: receipt.statusToken,
        statusUrl: `${options.publicBaseUrl}/tickets.html#${receipt.ticket.number}.${receipt.statusToken}`,
      };
      req.log.info({ ticket: receipt.ticket.number, submissionId: receipt.submissionId }, 'support form accepted');
      res.status(201).location(`/api/v1/tickets/${receipt.ticket.number}`).json(body);
    } catch (err) {
      next(err);
    }
  });

  router.get('/api/v1/tickets/:ticketId', perIp, async (req, res, next) => {
    const token = req.get('x-ticket-token') ?? (typeof req.query.token === 'string' ? req.query.token : undefined);
    const ticketId = String(req.params.ticketId ?? '').toUpperCase();
    if (!token) {
      res.status(401).json({ error: 'token_required', message: 'Pass the status token as the X-Ticket-Token header or ?token=' });
      return;
    }
    if (!TICKET_NUMBER_PATTERN.test(ticketId)) {
      res.status(404).json({ error: 'not_found', message: 'No such ticket' });
      return;
    }
    try {
      const view = await getTicketForCustomer(options.db, ticketId, token);
      if (!view) {
        res.status(404).json({ error: 'not_found', message: 'No such ticket' });
        return;
      }
      res.setHeader('Cache-Control', 'no-store');
      res.json(view);
    } catch (err) {
      next(err);
    }
  });
  return router;
}
