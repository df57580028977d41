import { runHealthChecks } from './health';

describe('runHealthChecks', () => {
  it('is unhealthy when a critical check fails, degraded when an optional one does', async () => {
    const ok = { name: 'db', critical: true, check: async () => ({ status: 'healthy' as const }) };
    const optionalDown = { name: 'openai', critical: false, check: async () => ({ status: 'unhealthy' as const }) };
    const criticalThrows = { name: 'kafka', critical: true, check: async () => { throw new Error('ECONNREFUSED'); } };
    expect((await runHealthChecks([ok])).status).toBe('healthy');
    expect((await runHealthChecks([ok, optionalDown])).status).toBe('degraded');
    const report = await runHealthChecks([ok, criticalThrows]);
    expect(report.status).toBe('unhealthy');
    expect(report.components.find((c) => c.name === 'kafka')?.detail).toBe('ECONNREFUSED');
  });

  it('treats a hanging check as unhealthy after the timeout', async () => {
    const hangs = { name: 'slow', critical: true, check: () => new Promise<never>(() => undefined) };
    const report = await runHealthChecks([hangs], 50);
    expect(report.status).toBe('unhealthy');
    expect(report.components[0]?.detail).toMatch(/timed out/);
  });
});
