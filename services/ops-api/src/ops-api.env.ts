import { z } from 'zod';
import { agentEnv } from '@cs/agent';
import { gmailEnv } from '@cs/channel-gmail';
import { twilioWhatsappEnv } from '@cs/channel-twilio-whatsapp';

/**
 * ops-api's own settings. The providers' settings are read only to report whether their credentials are configured
 * (the same variables the channel services read; ops-api never calls a provider).
 */
export const opsApiEnv = {
  /** Bearer token for /api/v1/metrics|health|messages|dead-letters. Required in production; unset elsewhere = loopback only. */
  OPS_API_TOKEN: z.string().min(24, 'use at least 24 characters (e.g. openssl rand -hex 32)').optional(),
  OPS_ALERT_FIRST_RESPONSE_P95_MS: z.coerce.number().int().min(1).default(3000),
  OPS_ALERT_ESCALATION_RATE: z.coerce.number().min(0).max(1).default(0.25),
  /** Dead letters allowed within the alert window; 0 = any growth alerts. */
  OPS_ALERT_DLQ_GROWTH: z.coerce.number().int().min(0).default(0),
  /** Trailing window the Prometheus alert gauges are evaluated over. */
  OPS_ALERT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  /** How often the gauges and the daily rollups are refreshed. */
  OPS_REFRESH_INTERVAL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
  OPS_OUTBOX_DEGRADED_AGE_MS: z.coerce.number().int().min(1000).default(30_000),
  OPS_OUTBOX_UNHEALTHY_AGE_MS: z.coerce.number().int().min(1000).default(300_000),
  ...gmailEnv,
  ...twilioWhatsappEnv,
  OPENAI_API_KEY: agentEnv.OPENAI_API_KEY,
};
export const opsApiEnvSchema = z.object(opsApiEnv);
export type OpsApiEnv = z.infer<typeof opsApiEnvSchema>;

/** OPS_API_TOKEN is mandatory in production: without it the ops API would be open or closed by accident. */
export function opsApiConfigProblems(env: { NODE_ENV: string; OPS_API_TOKEN?: string }): string[] {
  return env.NODE_ENV === 'production' && !env.OPS_API_TOKEN ? ['required when NODE_ENV=production'] : [];
}
