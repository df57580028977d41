import { z } from 'zod';
import { MAX_METRICS_RANGE_DAYS } from '@cs/core';

const DAY_MS = 86_400_000;
const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2025-03-10T00:00:00Z' });

/** ?from=&to= : default the last 24 h; `to` after `from`; at most MAX_METRICS_RANGE_DAYS apart. */
export const metricsWindowQuerySchema = z
  .object({ from: isoDateTime.optional(), to: isoDateTime.optional(), bucket: z.enum(['hour', 'day']).optional() })
  .transform(({ from, to, bucket }) => {
    const end = to ? new Date(to) : new Date();
    return { from: from ? new Date(from) : new Date(end.getTime() - DAY_MS), to: end, bucket };
  })
  .superRefine((w, ctx) => {
    if (w.from >= w.to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' });
    else if (w.to.getTime() - w.from.getTime() > MAX_METRICS_RANGE_DAYS * DAY_MS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `the range may span at most ${MAX_METRICS_RANGE_DAYS} days` });
    }
    if (w.bucket === 'hour' && w.to.getTime() - w.from.getTime() > 7 * DAY_MS) ctx.addIssue({ code: 'custom', path: ['bucket'], message: 'hourly buckets for at most 7 days' });
  });

/** ?date=YYYY-MM-DD (UTC); default yesterday, the last complete day. */
export const digestQuerySchema = z
  .object({ date: z.iso.date({ error: 'must be a date, YYYY-MM-DD' }).optional() })
  .transform(({ date }) => date ?? new Date(Date.now() - DAY_MS).toISOString().slice(0, 10))
  .refine((date) => date <= new Date().toISOString().slice(0, 10), { message: 'must not be in the future', path: ['date'] });

export const traceParamsSchema = z.object({ eventId: z.string().min(3).max(600) });

export const deadLettersQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) });
