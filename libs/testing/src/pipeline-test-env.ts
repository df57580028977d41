import { testDatabaseUrl, testKafkaBrokers } from './infra-env';

/**
 * The environment a test gives services that run the pipeline on the real infrastructure: its own database schema and
 * topic prefix, fast consumer-group timing and short retry back-off. Suites add their channel's settings.
 */
export function pipelineTestEnv(isolation: { schema: string; topicPrefix: string }): Record<string, string> {
  return {
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: testDatabaseUrl() ?? '',
    DATABASE_SCHEMA: isolation.schema,
    KAFKA_BROKERS: (testKafkaBrokers() ?? []).join(','),
    KAFKA_TOPIC_PREFIX: isolation.topicPrefix,
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    OUTBOX_POLL_INTERVAL_MS: '100',
    HANDLER_MAX_ATTEMPTS: '3',
    HANDLER_BACKOFF_INITIAL_MS: '20',
    HANDLER_BACKOFF_MAX_MS: '100',
    DATA_DIR: '/tmp',
  };
}
