import { dirname, join } from 'node:path';
import { HourlyFigures, MAX_METRICS_RANGE_DAYS, OpsGauges, refreshRollups, type AlertThresholds, type ProviderCredentials } from '@cs/core';
import { gmailCredentialsConfigured } from '@cs/channel-gmail';
import { twilioSendingConfigured } from '@cs/channel-twilio-whatsapp';
import { express } from '@cs/http';
import type { Infrastructure, ServiceComponent } from '@cs/runtime';
import type { OpsApiEnv } from './ops-api.env';
import { createOpsRouter } from './ops.router';

/** The dashboard's static files, and the chart library served from its npm package (no CDN: works offline). */
export const OPS_PUBLIC_DIR = join(__dirname, '..', 'public', 'ops');
export const CHART_JS_FILE = join(dirname(require.resolve('chart.js')), 'chart.umd.min.js');

const DAY_MS = 86_400_000;

export function alertThresholds(env: OpsApiEnv): AlertThresholds {
  return { firstResponseP95Ms: env.OPS_ALERT_FIRST_RESPONSE_P95_MS, escalationRate: env.OPS_ALERT_ESCALATION_RATE, deadLetterGrowth: env.OPS_ALERT_DLQ_GROWTH };
}

export function providerCredentials(env: OpsApiEnv): ProviderCredentials[] {
  return [
    { name: 'gmail', configured: gmailCredentialsConfigured(env), whenMissing: 'email replies are recorded locally, not sent' },
    { name: 'twilio_whatsapp', configured: twilioSendingConfigured(env), whenMissing: 'WhatsApp replies are recorded locally, not sent' },
    { name: 'openai', configured: Boolean(env.OPENAI_API_KEY), whenMissing: 'the agent runs on the offline model' },
  ];
}

/**
 * ops-api: the metrics, digest, health, trace and dead-letter endpoints, the dashboard at /ops/, and a refresh loop
 * that keeps the daily rollups of the maximum range, the recent hours' figures and the alert gauges current. Also
 * mounted by the standalone.
 */
export async function startOpsApi(infra: Infrastructure, env: OpsApiEnv & { NODE_ENV: string }): Promise<ServiceComponent> {
  const thresholds = alertThresholds(env);
  // Hours stay fresh for two refresh intervals: the refresh loop below recomputes them before they go stale.
  const hourly = new HourlyFigures({ freshMs: 2 * env.OPS_REFRESH_INTERVAL_MS });
  const router = express.Router();
  router.use(
    createOpsRouter({
      db: infra.db,
      thresholds,
      hourly,
      auth: { token: env.OPS_API_TOKEN, production: env.NODE_ENV === 'production' },
      health: {
        bus: infra.bus,
        busName: infra.mode.bus === 'kafka' ? 'kafka' : 'event_bus',
        credentials: providerCredentials(env),
        outboxAge: { degradedMs: env.OPS_OUTBOX_DEGRADED_AGE_MS, unhealthyMs: env.OPS_OUTBOX_UNHEALTHY_AGE_MS },
      },
    }),
  );
  router.get('/ops/vendor/chart.umd.min.js', (_req, res) => res.sendFile(CHART_JS_FILE, { maxAge: '1d' }));
  router.use('/ops', express.static(OPS_PUBLIC_DIR, { index: 'index.html', maxAge: '5m' }));

  const gauges = new OpsGauges({ db: infra.db, registry: infra.registry, thresholds, windowMs: env.OPS_ALERT_WINDOW_MINUTES * 60_000, hourly });
  const logger = infra.logger.child({ component: 'ops-refresh' });
  let running: Promise<void> | undefined;
  const refresh = () => {
    running ??= (async () => {
      const now = new Date();
      const rolled = await refreshRollups(infra.db, { from: new Date(now.getTime() - MAX_METRICS_RANGE_DAYS * DAY_MS), to: now }, now);
      if (rolled > 0) logger.info({ days: rolled }, 'daily ops rollups computed');
      await hourly.refresh(infra.db, now);
      await gauges.refresh();
    })()
      .catch((err: unknown) => logger.warn({ err }, 'ops refresh failed; will retry'))
      .finally(() => (running = undefined));
  };
  refresh();
  const timer = setInterval(refresh, env.OPS_REFRESH_INTERVAL_MS);
  timer.unref();
  return {
    router,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
