import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { InMemoryEventBus } from '@cs/bus';
import { OutboxRelay } from '@cs/core';
import { createHttpApp, errorHandler } from '@cs/http';
import { createLogger, createMetricsRegistry, type Registry } from '@cs/observability';
import type { EventBus, SqlClient } from '@cs/ports';
import type { Infrastructure } from '@cs/runtime';
import { startOpsApi } from '../src/ops-api.component';
import { opsApiEnvSchema } from '../src/ops-api.env';

export interface TestOpsApi {
  base: string;
  registry: Registry;
  close(): Promise<void>;
}

/** ops-api as the service runs it (its component behind the shared HTTP app), on the given database and bus. */
export async function startTestOpsApi(
  db: SqlClient,
  options: { env?: Record<string, string>; bus?: EventBus; mode?: Infrastructure['mode'] } = {},
): Promise<TestOpsApi> {
  const logger = createLogger({ service: 'test-ops', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const registry = createMetricsRegistry('test-ops', { defaultMetrics: false });
  const bus = options.bus ?? new InMemoryEventBus();
  const relay = new OutboxRelay({ db, bus, logger });
  const infra: Infrastructure = {
    service: 'test-ops', logger, registry, db, bus, relay, readiness: [],
    mode: options.mode ?? { database: db.kind, bus: 'in-memory' },
    close: async () => undefined,
  };
  const { NODE_ENV = 'test', ...rest } = options.env ?? {};
  const env = { ...opsApiEnvSchema.parse({ OPS_REFRESH_INTERVAL_MS: '3600000', ...rest }), NODE_ENV };
  const component = await startOpsApi(infra, env);
  const app = createHttpApp({ service: 'test-ops', logger, registry, readiness: [] });
  app.use(component.router!);
  app.use(errorHandler(logger));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    registry,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await component.stop();
    },
  };
}
