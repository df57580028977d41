import { credentialsCheck, runHealthChecks, type HealthCheck, type HealthReport } from '@cs/observability';
import type { Queryable } from '@cs/ports';
import { getPipelineBacklog, type PipelineBacklog } from './pipeline-backlog.query';

export interface ProviderCredentials {
  /** e.g. "gmail", "twilio_whatsapp", "openai". */
  name: string;
  configured: boolean;
  /** What happens without them, for the operator reading the report. */
  whenMissing: string;
}

export interface OpsHealthOptions {
  db: Queryable;
  bus: { isHealthy(): Promise<boolean> };
  /** "kafka" in the distributed mode, "event_bus" for the in-process bus. */
  busName: string;
  credentials: ProviderCredentials[];
  /** The oldest unpublished outbox row: older than `degradedMs` is degraded, older than `unhealthyMs` unhealthy. */
  outboxAge: { degradedMs: number; unhealthyMs: number };
  timeoutMs?: number;
}

/**
 * The aggregate health ops-api reports: database and bus are critical (unhealthy → 503); a stuck outbox, pending
 * dead letters and missing provider credentials degrade it (200) without making it unavailable.
 */
export async function getOpsHealth(options: OpsHealthOptions): Promise<HealthReport & { checkedAt: string }> {
  // The outbox and DLQ checks share one query; a database that is down fails them all, each with the reason.
  let backlog: Promise<PipelineBacklog> | undefined;
  const snapshot = () => (backlog ??= getPipelineBacklog(options.db));
  const checks: HealthCheck[] = [
    { name: 'database', critical: true, check: async () => (await options.db.query('SELECT 1'), { status: 'healthy' }) },
    {
      name: options.busName,
      critical: true,
      check: async () => ((await options.bus.isHealthy()) ? { status: 'healthy' } : { status: 'unhealthy', detail: 'no broker reachable' }),
    },
    {
      name: 'outbox',
      critical: false,
      check: async () => {
        const { outboxBacklog, outboxOldestAgeMs } = await snapshot();
        const detail = `${outboxBacklog} unpublished, oldest ${Math.round(outboxOldestAgeMs / 1000)} s`;
        if (outboxOldestAgeMs > options.outboxAge.unhealthyMs) return { status: 'unhealthy', detail };
        return { status: outboxOldestAgeMs > options.outboxAge.degradedMs ? 'degraded' : 'healthy', detail };
      },
    },
    {
      name: 'dead_letters',
      critical: false,
      check: async () => {
        const { deadLettersPending, lastDeadLetterAt } = await snapshot();
        if (deadLettersPending === 0) return { status: 'healthy', detail: 'none pending' };
        return { status: 'degraded', detail: `${deadLettersPending} pending (latest ${lastDeadLetterAt}); npm run dlq -- list` };
      },
    },
    ...options.credentials.map((c) => credentialsCheck(c.name, c.configured, c.whenMissing)),
  ];
  const report = await runHealthChecks(checks, options.timeoutMs ?? 2000);
  return { ...report, checkedAt: new Date().toISOString() };
}

/** 200 for healthy and degraded, 503 for unhealthy. */
export function healthHttpStatus(status: HealthReport['status']): 200 | 503 {
  return status === 'unhealthy' ? 503 : 200;
}
