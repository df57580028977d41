export type ComponentStatus = 'healthy' | 'degraded' | 'unhealthy';

export interface HealthCheck {
  name: string;
  /** A critical component makes the whole service unready when it is unhealthy. */
  critical: boolean;
  check(): Promise<{ status: ComponentStatus; detail?: string }>;
}

export interface HealthReport {
  status: ComponentStatus;
  components: Array<{ name: string; status: ComponentStatus; detail?: string; latencyMs: number }>;
}

/** Runs every check with a timeout; a check that throws or hangs is unhealthy. */
export async function runHealthChecks(checks: HealthCheck[], timeoutMs = 2000): Promise<HealthReport> {
  const components = await Promise.all(
    checks.map(async (c) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
        });
        const result = await Promise.race([c.check(), timeout]);
        return { name: c.name, ...result, latencyMs: Math.round(performance.now() - started) };
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        return { name: c.name, status: 'unhealthy' as const, detail, latencyMs: Math.round(performance.now() - started) };
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  const critical = new Set(checks.filter((c) => c.critical).map((c) => c.name));
  const status: ComponentStatus = components.some((c) => c.status === 'unhealthy' && critical.has(c.name))
    ? 'unhealthy'
    : components.some((c) => c.status !== 'healthy')
      ? 'degraded'
      : 'healthy';
  return { status, components };
}

/**
 * A provider's credentials as a readiness component: configured is healthy; missing is degraded, not unhealthy,
 * because every channel has a local fallback (replies recorded locally, the offline model), so the service still
 * serves. A service adds one per provider it uses to its readiness checks.
 */
export function credentialsCheck(provider: string, configured: boolean, whenMissing: string): HealthCheck {
  const result = configured ? { status: 'healthy' as const, detail: 'configured' } : { status: 'degraded' as const, detail: `not configured: ${whenMissing}` };
  return { name: `credentials:${provider}`, critical: false, check: async () => result };
}
