import type { Request, Response } from 'express';
import type { z } from 'zod';
import {
  evaluateAlerts,
  getChannelMetrics,
  getDailyDigest,
  getMessageTrace,
  getMetricsSeries,
  getOpsHealth,
  healthHttpStatus,
  listDeadLetters,
  MAX_METRICS_RANGE_DAYS,
  type AlertThresholds,
  type HourlyFigures,
  type OpsHealthOptions,
} from '@cs/core';
import { express, sendValidationError } from '@cs/http';
import type { SqlClient } from '@cs/ports';
import { opsAuth } from './ops-auth';
import { deadLettersQuerySchema, digestQuerySchema, metricsWindowQuerySchema, traceParamsSchema } from './ops-query.schema';

export interface OpsRouterOptions {
  db: SqlClient;
  thresholds: AlertThresholds;
  /** The recent hours' figures ops-api keeps warm; windows' edges are read from it. */
  hourly: HourlyFigures;
  health: Omit<OpsHealthOptions, 'db'>;
  auth: { token?: string; production: boolean };
}

function parse<S extends z.ZodType>(schema: S, input: unknown, res: Response): z.infer<S> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  sendValidationError(res, parsed.error);
  return undefined;
}

/** Answers with what `work` returns; its failures go to the error handler (a 500 that leaks nothing). */
const handle = (work: (req: Request, res: Response) => Promise<unknown>): express.RequestHandler => async (req, res, next) => {
  try {
    res.setHeader('Cache-Control', 'no-store');
    const body = await work(req, res);
    if (body !== undefined && !res.headersSent) res.json(body);
  } catch (err) {
    next(err);
  }
};

/** The ops endpoints (docs/openapi.yaml, docs/operations.md); every one behind the ops token. */
export function createOpsRouter(options: OpsRouterOptions): express.Router {
  const { db, thresholds } = options;
  const rollups = { hourly: options.hourly };
  const router = express.Router();
  const api = express.Router();
  router.use('/api/v1', api);
  api.use(['/metrics', '/health', '/messages', '/dead-letters'], opsAuth(options.auth));

  api.get('/metrics/channels', handle(async (req, res) => {
    const window = parse(metricsWindowQuerySchema, req.query, res);
    if (!window) return undefined;
    const report = await getChannelMetrics(db, window, rollups);
    return { ...report, maxRangeDays: MAX_METRICS_RANGE_DAYS, thresholds, alerts: evaluateAlerts(report, thresholds) };
  }));

  api.get('/metrics/series', handle(async (req, res) => {
    const window = parse(metricsWindowQuerySchema, req.query, res);
    return window && getMetricsSeries(db, window, window.bucket, rollups);
  }));

  api.get('/metrics/digest', handle(async (req, res) => {
    const date = parse(digestQuerySchema, req.query, res);
    return date && getDailyDigest(db, date, rollups);
  }));

  api.get('/health', handle(async (_req, res) => {
    const report = await getOpsHealth({ db, ...options.health });
    res.status(healthHttpStatus(report.status));
    return report;
  }));

  api.get('/messages/:eventId/trace', handle(async (req, res) => {
    const params = parse(traceParamsSchema, req.params, res);
    if (!params) return undefined;
    const trace = await getMessageTrace(db, params.eventId);
    if (!trace) res.status(404);
    return trace ?? { error: 'not_found', message: 'Nothing is known about this event id' };
  }));

  // The dashboard's dead-letter table: what failed and why, never the payload (it holds customer data).
  api.get('/dead-letters', handle(async (req, res) => {
    const query = parse(deadLettersQuerySchema, req.query, res);
    if (!query) return undefined;
    const rows = await listDeadLetters(db, { limit: query.limit });
    return {
      deadLetters: rows.map((d) => ({
        id: d.id, eventId: d.event_id, topic: d.source_topic, consumerGroup: d.consumer_group, code: d.error_code,
        error: d.error_message.slice(0, 300), retriable: d.retriable, attempts: d.attempts, failedAt: new Date(d.failed_at).toISOString(),
      })),
    };
  }));
  return router;
}
