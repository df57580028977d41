import { kafkaEnv } from '@cs/config';
import type { Logger, Registry } from '@cs/observability';
import type { z } from 'zod';

/** Consumer-group timing. Defaults suit production; tests shrink them so rebalances take well under a second. */
export interface KafkaConsumerTuning {
  /** A member silent this long is evicted. The broker bounds it (group.min.session.timeout.ms, 6 s by default). */
  sessionTimeoutMs: number;
  /** At most this often a heartbeat is sent; it is also how soon a member notices a rebalance. About a third of the session timeout. */
  heartbeatIntervalMs: number;
  /** How long the broker waits for every member to rejoin, i.e. to finish its in-flight messages. */
  rebalanceTimeoutMs: number;
  /** Long-poll of an empty fetch: bounds how late a rebalance, a stop or a resumed partition is noticed. */
  maxWaitTimeMs: number;
  /** Partitions one consumer processes at once (each partition still strictly in order). */
  partitionsConsumedConcurrently: number;
  /** Handled offsets are committed after every batch and at least this often within a long batch. */
  commitIntervalMs: number;
}

export const DEFAULT_CONSUMER_TUNING: KafkaConsumerTuning = {
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  rebalanceTimeoutMs: 60_000,
  maxWaitTimeMs: 1_000,
  partitionsConsumedConcurrently: 4,
  commitIntervalMs: 1_000,
};

/** kafkajs-style exponential backoff, in our own type so no SDK type leaks out of this folder. */
export interface KafkaRetryOptions {
  retries?: number;
  initialRetryTimeMs?: number;
  maxRetryTimeMs?: number;
}

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId?: string;
  ssl?: boolean;
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Retries of metadata, group and commit requests (and the base of every other retry). */
  retry?: KafkaRetryOptions;
  /** kafkajs's own log lines go here (default: silent). */
  logger?: Logger;
}

export interface KafkaEventBusOptions extends KafkaConnectionOptions {
  /**
   * publish() retries this much inside the call, then throws a retriable AppError so the caller can fall back
   * (outbox, 503). Bounded on purpose: an idempotent producer would otherwise retry forever.
   */
  producerRetry?: KafkaRetryOptions;
  consumer?: Partial<KafkaConsumerTuning>;
  /** Default redelivery delay for subscriptions that set none. Default 1000 ms. */
  redeliveryDelayMs?: number;
  /** isHealthy() asks the cluster at most this often. Default 3000 ms. */
  healthCacheMs?: number;
  registry?: Registry;
}

export type KafkaEnv = z.infer<z.ZodObject<typeof kafkaEnv>>;

/** Maps the shared KAFKA_* settings (from @cs/config's kafkaEnv) to connection options. */
export function kafkaOptionsFromEnv(env: KafkaEnv): KafkaConnectionOptions {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = env;
  if (mechanism && (!username || !password)) {
    throw new Error('KAFKA_SASL_MECHANISM is set: KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required too');
  }
  return {
    brokers: env.KAFKA_BROKERS,
    clientId: env.KAFKA_CLIENT_ID,
    ssl: env.KAFKA_SSL,
    ...(mechanism && username && password ? { sasl: { mechanism, username, password } } : {}),
  };
}
