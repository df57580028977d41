import type { Logger } from '@cs/observability';
import type { Consumer, EachBatchPayload, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import type { BusMetrics } from '../bus-metrics';
import type { BusMessage, StopOptions, SubscribeOptions, Subscription } from '../event-bus.port';
import { MessageDelivery } from '../message-delivery';
import { delay } from '../wait';
import type { KafkaConsumerTuning } from './kafka-config';
import { toKafkaRetry } from './kafka-client';

export interface KafkaSubscriptionOptions {
  kafka: Kafka;
  subscribe: SubscribeOptions;
  tuning: KafkaConsumerTuning;
  redeliveryDelayMs: number;
  metrics: BusMetrics;
  logger: Logger;
  retry?: Parameters<typeof toKafkaRetry>[0];
}

/**
 * One kafkajs consumer in a group. Offsets are resolved only after the handler resolved (eachBatchAutoResolve off)
 * and kafkajs commits only resolved offsets, so a commit never passes an unhandled message.
 * A failure stops that partition's batch and pauses the partition for the redelivery delay; the next fetch starts at
 * the first unresolved offset, i.e. the failed message. Other partitions keep flowing meanwhile.
 */
export class KafkaSubscription implements Subscription {
  private readonly consumer: Consumer;
  private readonly delivery: MessageDelivery;
  private readonly abandon = new AbortController();
  private readonly resumeTimers = new Set<NodeJS.Timeout>();
  // Partitions whose lag this consumer reports ("topic:partition"); the rest belong to other members.
  private readonly lagReported = new Map<string, { topic: string; partition: number }>();
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: KafkaSubscriptionOptions) {
    const { kafka, subscribe, tuning, metrics, logger } = options;
    this.consumer = kafka.consumer({
      groupId: subscribe.groupId,
      sessionTimeout: tuning.sessionTimeoutMs,
      heartbeatInterval: tuning.heartbeatIntervalMs,
      rebalanceTimeout: tuning.rebalanceTimeoutMs,
      maxWaitTimeInMs: tuning.maxWaitTimeMs,
      allowAutoTopicCreation: false,
      retry: toKafkaRetry(options.retry),
    });
    this.delivery = new MessageDelivery({ groupId: subscribe.groupId, handler: subscribe.handler, metrics, logger });
    // kafkajs restarts a crashed consumer itself when the cause is retriable; a permanent crash must be visible.
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      logger.error({ err: payload.error, groupId: subscribe.groupId, restart: payload.restart }, 'kafka consumer crashed');
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => this.keepLagOf(payload.memberAssignment));
  }

  /** Resolves once the consumer has joined its group and received its partitions. */
  async start(): Promise<void> {
    const { subscribe, tuning } = this.options;
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: subscribe.topics, fromBeginning: subscribe.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: true,
      autoCommitInterval: tuning.commitIntervalMs,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: tuning.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  stop(options: StopOptions = {}): Promise<void> {
    this.stopping ??= this.shutdown(options);
    return this.stopping;
  }

  private async shutdown({ drainTimeoutMs }: StopOptions): Promise<void> {
    for (const timer of this.resumeTimers) clearTimeout(timer);
    this.keepLagOf({});
    // disconnect() = stop (no new batches; waits for the batch in flight, which commits what it resolved),
    // leave the group (partitions move at once instead of after the session timeout), close the sockets.
    const disconnected = this.consumer.disconnect();
    if (drainTimeoutMs !== undefined) {
      const timeout = new AbortController();
      await Promise.race([disconnected, delay(drainTimeoutMs, timeout.signal)]);
      timeout.abort();
      // Handlers still running are left behind: their batch returns without resolving, so nothing past them is committed.
      this.abandon.abort();
    }
    await disconnected;
  }

  private async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale, pause }: EachBatchPayload) {
    const context = { heartbeat };
    // Lag from the batch's own high watermark: free (no admin request), current whenever the partition is fetched.
    if (!batch.isEmpty()) this.reportLag(batch.topic, batch.partition, Number(batch.highWatermark) - Number(batch.firstOffset()));
    for (const record of batch.messages) {
      // Stopping or a seek/rebalance made the rest of this batch stale: leave it unresolved, it is fetched again.
      if (!isRunning() || isStale() || this.abandon.signal.aborted) return;
      const message = toBusMessage(batch.topic, batch.partition, record);
      const outcome = await this.delivery.run(message, context, this.abandon.signal);
      if (outcome === 'abandoned') return;
      if (outcome === 'failed') return this.pauseForRedelivery(pause);
      resolveOffset(record.offset);
      this.reportLag(batch.topic, batch.partition, Number(batch.highWatermark) - Number(record.offset) - 1);
      await commitOffsetsIfNecessary();
      // Also lets a rebalance surface here (kafkajs throws it; the runner rejoins after committing resolved offsets).
      await heartbeat();
    }
  }

  private reportLag(topic: string, partition: number, lag: number): void {
    this.lagReported.set(`${topic}:${partition}`, { topic, partition });
    this.options.metrics.consumerLag(topic, this.options.subscribe.groupId, partition, lag);
  }

  /** After a rebalance, stops reporting partitions that moved to another member (their lag is theirs to report). */
  private keepLagOf(assignment: Record<string, number[]>): void {
    for (const [key, { topic, partition }] of this.lagReported) {
      if (assignment[topic]?.includes(partition)) continue;
      this.options.metrics.clearConsumerLag(topic, this.options.subscribe.groupId, partition);
      this.lagReported.delete(key);
    }
  }

  private pauseForRedelivery(pause: EachBatchPayload['pause']): void {
    if (this.stopping) return;
    const resume = pause();
    const timer = setTimeout(() => {
      this.resumeTimers.delete(timer);
      resume();
    }, this.options.redeliveryDelayMs);
    this.resumeTimers.add(timer);
  }
}

function toBusMessage(topic: string, partition: number, record: KafkaMessage): BusMessage {
  return {
    topic,
    partition,
    offset: record.offset,
    key: record.key ? record.key.toString('utf8') : null,
    value: record.value ?? Buffer.alloc(0),
    headers: toHeaders(record.headers),
    timestamp: record.timestamp,
  };
}

// Kafka allows repeated header names; the last one wins, as with Java's lastHeader().
function toHeaders(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) out[name] = Buffer.isBuffer(value) ? value.toString('utf8') : value;
  }
  return out;
}
