import { AppError } from '@cs/domain';
import type { Admin, Kafka } from 'kafkajs';
import { delay } from '../wait';
import { createKafkaClient, silentLogger } from './kafka-client';
import type { KafkaConnectionOptions } from './kafka-config';
import { parseKafkaError } from './parse-kafka-error';

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  /** Default: the broker's default.replication.factor. */
  replicationFactor?: number;
}

/**
 * Creates the topics that do not exist yet and waits for their leaders; safe to run on every deploy.
 * Existing topics are left alone (a smaller partition count is only logged: adding partitions moves keys).
 * Returns the names it created.
 */
export async function createTopics(
  brokers: string[],
  topics: TopicSpec[],
  options: Omit<KafkaConnectionOptions, 'brokers'> = {},
): Promise<string[]> {
  const logger = options.logger ?? silentLogger();
  const admin = createKafkaClient({ ...options, brokers }).admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.topic));
    await warnAboutFewerPartitions(admin, topics.filter((t) => existing.has(t.topic)), logger);
    if (missing.length === 0) return [];
    // false = "already exists": another process created them between listTopics and here.
    await admin.createTopics({
      waitForLeaders: false,
      topics: missing.map((t) => ({ topic: t.topic, numPartitions: t.numPartitions, replicationFactor: t.replicationFactor ?? -1 })),
    });
    await waitForLeaders(admin, missing.map((t) => t.topic));
    logger.info({ topics: missing.map((t) => t.topic) }, 'created kafka topics');
    return missing.map((t) => t.topic);
  } catch (err) {
    throw parseKafkaError(err, 'create topics');
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * kafkajs's own waitForLeaders tolerates only LEADER_NOT_AVAILABLE, but a KRaft broker may answer
 * UNKNOWN_TOPIC_OR_PARTITION for a moment after creating a topic (admin/index.js retryOnLeaderNotAvailable).
 * There is no notification for "leaders elected", so this polls briefly.
 */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      if (metadata.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (err) {
      if (!parseKafkaError(err, 'wait for leaders').retriable || Date.now() > deadline) throw err;
    }
    if (Date.now() > deadline) throw new AppError('KAFKA_TOPIC_LEADERS_TIMEOUT', `no leaders for ${topics.join(', ')} after ${timeoutMs} ms`, { retriable: true });
    await delay(100);
  }
}

async function warnAboutFewerPartitions(admin: Admin, topics: TopicSpec[], logger: ReturnType<typeof silentLogger>) {
  if (topics.length === 0) return;
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) });
  for (const spec of topics) {
    const actual = metadata.find((m) => m.name === spec.topic)?.partitions.length ?? 0;
    if (actual < spec.numPartitions) logger.warn({ topic: spec.topic, actual, wanted: spec.numPartitions }, 'kafka topic has fewer partitions than configured');
  }
}

/**
 * isHealthy() for readiness probes: one cheap metadata request, cached, and never two at once, so a probe
 * storm does not become a broker storm. The admin client is created once and reconnects by itself.
 */
export class KafkaHealthProbe {
  private admin: Admin | undefined;
  private last: { at: number; healthy: boolean } | undefined;
  private pending: Promise<boolean> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly cacheMs: number,
  ) {}

  check(): Promise<boolean> {
    if (this.last && Date.now() - this.last.at < this.cacheMs) return Promise.resolve(this.last.healthy);
    this.pending ??= this.probe().then((healthy) => {
      this.last = { at: Date.now(), healthy };
      this.pending = undefined;
      return healthy;
    });
    return this.pending;
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  private async probe(): Promise<boolean> {
    try {
      // One quick retry only: a readiness probe wants an answer within its own timeout, not a backoff.
      this.admin ??= this.kafka.admin({ retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 500 } });
      await this.admin.connect();
      const { brokers } = await this.admin.describeCluster();
      return brokers.length > 0;
    } catch {
      return false;
    }
  }
}
