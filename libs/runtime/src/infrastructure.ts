import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { InMemoryEventBus, KafkaEventBus, kafkaOptionsFromEnv, withNamespace } from '@cs/bus';
import { TOPIC_PARTITIONS } from '@cs/contracts';
import { OutboxRelay } from '@cs/core';
import { createSqlClient, migrate } from '@cs/db';
import { createLogger, createMetricsRegistry, type HealthCheck, type Logger, type Registry } from '@cs/observability';
import type { EventBus, SqlClient } from '@cs/ports';
import type { RuntimeEnv } from './runtime.env';

export interface Infrastructure {
  service: string;
  logger: Logger;
  registry: Registry;
  db: SqlClient;
  bus: EventBus;
  relay: OutboxRelay;
  readiness: HealthCheck[];
  mode: { database: 'postgres' | 'pglite'; bus: 'kafka' | 'in-memory' };
  close(): Promise<void>;
}

/** Builds the adapters a service runs on from its environment; the same use cases run on either set. */
export interface InfrastructureOptions {
  allowInMemoryBus?: boolean;
  /**
   * Whether an unreachable bus makes the service unready. Ingress services say no: their outbox keeps accepting
   * while Kafka is down, so pulling them out of the load balancer would refuse customers for nothing.
   */
  busCriticalForReadiness?: boolean;
}

export async function createInfrastructure(service: string, env: RuntimeEnv, options: InfrastructureOptions = {}): Promise<Infrastructure> {
  const logger = createLogger({ service, level: env.LOG_LEVEL, pretty: env.LOG_PRETTY });
  const registry = createMetricsRegistry(service);
  let db: SqlClient;
  if (env.DATABASE_URL) {
    db = await createSqlClient({
      url: env.DATABASE_URL,
      poolMax: env.DATABASE_POOL_MAX,
      applicationName: service,
      ...(env.DATABASE_SCHEMA ? { searchPath: [env.DATABASE_SCHEMA, 'public'] } : {}),
      onPoolError: (err) => logger.warn({ err }, 'idle database connection failed'),
    });
  } else {
    const dataDir = resolve(env.DATA_DIR, 'pglite');
    mkdirSync(dataDir, { recursive: true });
    db = await createSqlClient({ pglite: { dataDir } });
  }
  if (env.MIGRATE_ON_START || !env.DATABASE_URL) {
    const result = await migrate(db);
    if (result.applied.length > 0) logger.info({ applied: result.applied.map((m) => m.name) }, 'database migrated');
  }
  let bus: EventBus;
  if (env.KAFKA_BROKERS) {
    const kafka = new KafkaEventBus({
      ...kafkaOptionsFromEnv({ ...env, KAFKA_BROKERS: env.KAFKA_BROKERS }),
      clientId: `${env.KAFKA_CLIENT_ID}-${service}`,
      consumer: {
        sessionTimeoutMs: env.KAFKA_SESSION_TIMEOUT_MS,
        heartbeatIntervalMs: Math.floor(env.KAFKA_SESSION_TIMEOUT_MS / 10),
        partitionsConsumedConcurrently: env.KAFKA_PARTITIONS_CONCURRENCY,
      },
      logger,
      registry,
    });
    bus = withNamespace(kafka, env.KAFKA_TOPIC_PREFIX);
  } else if (options.allowInMemoryBus) {
    bus = new InMemoryEventBus({ topicPartitions: TOPIC_PARTITIONS, logger, registry });
  } else {
    throw new Error(`${service} runs as its own process and needs KAFKA_BROKERS (the in-process bus only works in the standalone mode)`);
  }
  const relay = new OutboxRelay({ db, bus, logger: logger.child({ component: 'outbox-relay' }), pollIntervalMs: env.OUTBOX_POLL_INTERVAL_MS });
  const readiness: HealthCheck[] = [
    { name: 'database', critical: true, check: async () => (await db.query('SELECT 1'), { status: 'healthy' }) },
    { name: 'bus', critical: options.busCriticalForReadiness ?? true, check: async () => ({ status: (await bus.isHealthy()) ? 'healthy' : 'unhealthy' }) },
  ];
  return {
    service,
    logger,
    registry,
    db,
    bus,
    relay,
    readiness,
    mode: { database: env.DATABASE_URL ? 'postgres' : 'pglite', bus: env.KAFKA_BROKERS ? 'kafka' : 'in-memory' },
    async close() {
      await relay.stop();
      await bus.close();
      await db.close();
    },
  };
}
