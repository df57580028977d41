import { z } from 'zod';
import { baseEnv, booleanFromEnv, kafkaEnv } from '@cs/config';

/**
 * Infrastructure settings every service shares. Without DATABASE_URL the embedded PGlite database under DATA_DIR is used;
 * without KAFKA_BROKERS the in-process bus (only meaningful when every service runs in one process).
 */
export const runtimeEnv = {
  ...baseEnv,
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Schema to use first on the search_path (several environments or test runs in one database). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lowercase SQL identifier').optional(),
  DATA_DIR: z.string().default('.data'),
  KAFKA_BROKERS: kafkaEnv.KAFKA_BROKERS.optional(),
  KAFKA_CLIENT_ID: kafkaEnv.KAFKA_CLIENT_ID,
  KAFKA_SSL: kafkaEnv.KAFKA_SSL,
  KAFKA_SASL_MECHANISM: kafkaEnv.KAFKA_SASL_MECHANISM,
  KAFKA_SASL_USERNAME: kafkaEnv.KAFKA_SASL_USERNAME,
  KAFKA_SASL_PASSWORD: kafkaEnv.KAFKA_SASL_PASSWORD,
  KAFKA_TOPIC_PREFIX: kafkaEnv.KAFKA_TOPIC_PREFIX,
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(6000).max(300_000).default(30_000),
  /** Partitions one consumer works on at once (each still in order): the worker's concurrency while it waits on I/O. */
  KAFKA_PARTITIONS_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(12),
  MIGRATE_ON_START: booleanFromEnv.default(false),
  OUTBOX_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(25_000),
  /**
   * On SIGTERM, how long /readyz answers 503 while HTTP still serves, so load balancers stop routing here before the
   * server closes (Kubernetes removes a terminating pod from its endpoints asynchronously). Part of SHUTDOWN_TIMEOUT_MS.
   */
  SHUTDOWN_DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
};

export const runtimeEnvSchema = z.object(runtimeEnv);
export type RuntimeEnv = z.infer<typeof runtimeEnvSchema>;

/** Settings of the message pipeline (processor and egress workers). */
export const pipelineEnv = {
  CONVERSATION_RESUME_WINDOW_HOURS: z.coerce.number().min(0).max(24 * 90).default(24),
  SUPPORT_SIGNATURE: z.string().min(2).default('The Brightdesk Support Team'),
  HANDLER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(4),
  HANDLER_BACKOFF_INITIAL_MS: z.coerce.number().int().min(1).max(60_000).default(200),
  HANDLER_BACKOFF_MAX_MS: z.coerce.number().int().min(1).max(300_000).default(5_000),
};
export const pipelineEnvSchema = z.object(pipelineEnv);
export type PipelineEnv = z.infer<typeof pipelineEnvSchema>;
