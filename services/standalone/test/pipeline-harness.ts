import { spawn, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { KafkaEventBus, withNamespace } from '@cs/bus';
import { OutboxRelay } from '@cs/core';
import { FirstResponseAgent } from '@cs/agent';
import { createIsolatedTestDatabase, type IsolatedTestDatabase } from '@cs/db';
import { startEgressWeb } from '@cs/egress-web';
import { createHttpApp, errorHandler } from '@cs/http';
import { startIngressWeb } from '@cs/ingress-web';
import { startMessageProcessor } from '@cs/message-processor';
import { createLogger, createMetricsRegistry } from '@cs/observability';
import type { CustomerAgent, EventBus } from '@cs/ports';
import type { Infrastructure, PipelineEnv } from '@cs/runtime';
import { createPrefixedTopics, pipelineTestEnv, testDatabaseUrl, testKafkaBrokers } from '@cs/testing';

export { eventually } from '@cs/testing';

export const TEST_PIPELINE_ENV: PipelineEnv = {
  CONVERSATION_RESUME_WINDOW_HOURS: 24,
  SUPPORT_SIGNATURE: 'Brightdesk Support',
  HANDLER_MAX_ATTEMPTS: 3,
  HANDLER_BACKOFF_INITIAL_MS: 20,
  HANDLER_BACKOFF_MAX_MS: 100,
};

/** Fast group timing for tests; the broker's minimum session timeout is 6 s. */
export const TEST_CONSUMER_TUNING = { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 10_000, maxWaitTimeMs: 100, partitionsConsumedConcurrently: 12 };

export interface TestPipeline {
  db: IsolatedTestDatabase;
  bus: EventBus;
  infra: Infrastructure;
  baseUrl: string;
  topicPrefix: string;
  stopWorkers(): Promise<void>;
  close(): Promise<void>;
}

/** Creates the prefixed topics of one test run (auto-creation is off on the broker, as in production). */
export const createTestTopics = createPrefixedTopics;

export function newTestBus(prefix: string): EventBus {
  return withNamespace(new KafkaEventBus({ brokers: testKafkaBrokers()!, clientId: 'cs-test', consumer: TEST_CONSUMER_TUNING, redeliveryDelayMs: 100 }), prefix);
}

/**
 * The whole pipeline in this process, on real Kafka (topics under a fresh prefix) and real PostgreSQL
 * (a fresh schema): ingress-web's HTTP API, the message-processor and egress-web consumers, the outbox relay.
 */
export async function startTestPipeline(options: { agent?: CustomerAgent; workers?: boolean; db?: IsolatedTestDatabase; topicPrefix?: string } = {}): Promise<TestPipeline> {
  const topicPrefix = options.topicPrefix ?? `t${randomBytes(4).toString('hex')}.`;
  if (!options.topicPrefix) await createTestTopics(topicPrefix);
  const db = options.db ?? (await createIsolatedTestDatabase({ url: testDatabaseUrl()!, poolMax: 20 }));
  const bus = newTestBus(topicPrefix);
  const logger = createLogger({ service: 'test-pipeline', level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const registry = createMetricsRegistry('test-pipeline', { defaultMetrics: false });
  const relay = new OutboxRelay({ db, bus, logger, pollIntervalMs: 100, failureBackoffMs: 200 });
  relay.start();
  const infra: Infrastructure = {
    service: 'test-pipeline', logger, registry, db, bus, relay, readiness: [],
    mode: { database: 'postgres', bus: 'kafka' },
    close: async () => undefined,
  };
  const ingress = await startIngressWeb(infra, { PUBLIC_BASE_URL: 'http://localhost', RATE_LIMIT_PER_IP_PER_MINUTE: 10_000, RATE_LIMIT_PER_EMAIL_PER_HOUR: 10_000 });
  const workers = options.workers === false
    ? []
    : [await startMessageProcessor(infra, TEST_PIPELINE_ENV, options.agent ?? new FirstResponseAgent()), await startEgressWeb(infra, TEST_PIPELINE_ENV)];
  const app = createHttpApp({ service: 'test-pipeline', logger, registry, readiness: [] });
  app.use(ingress.router!);
  app.use(errorHandler(logger));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
    s.keepAliveTimeout = 65_000;
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const stopWorkers = async () => {
    for (const w of workers.splice(0)) await w.stop();
  };
  return {
    db, bus, infra, baseUrl, topicPrefix, stopWorkers,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopWorkers();
      await relay.stop();
      await bus.close();
      if (!options.db) await db.close();
    },
  };
}

export const VALID_FORM = {
  name: 'Jane Doe',
  email: 'jane.doe@example.com',
  phone: '+14155550123',
  subject: 'CSV export fails',
  category: 'technical',
  priority: 'high',
  message: 'Every time I export my board to CSV I get an error page.',
};

export async function submitForm(baseUrl: string, form: Record<string, unknown> = VALID_FORM) {
  const res = await fetch(`${baseUrl}/api/v1/support/form`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(form) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { ticketId: string; statusToken: string } };
}

export async function getTicket(baseUrl: string, ticketId: string, token: string) {
  const res = await fetch(`${baseUrl}/api/v1/tickets/${ticketId}`, { headers: { 'x-ticket-token': token } });
  return { status: res.status, body: (await res.json()) as { status: string; messages: Array<{ direction: string; body: string }> } };
}

const ROOT = join(__dirname, '..', '..', '..');

/** Runs one service's real main.ts as its own OS process on this test's schema and topic prefix. */
export function spawnService(service: string, isolation: { schema: string; topicPrefix: string }, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'services', service, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...pipelineTestEnv(isolation), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
