import { AppError } from '@cs/domain';
import { createLogger, type Logger, type Registry } from '@cs/observability';
import { BUS_ERROR, assertValidPublish, assertValidSubscription, invalidBusRequest } from '../bus-errors';
import { createBusMetrics, type BusMetrics } from '../bus-metrics';
import type { EventBus, OutgoingMessage, SubscribeOptions, Subscription } from '../event-bus.port';
import { MessageDelivery } from '../message-delivery';
import { InMemoryConsumerGroup } from './in-memory-consumer-group';
import { partitionForKey } from './key-partitioner';
import { PartitionLog } from './partition-log';

export interface InMemoryEventBusOptions {
  /** Partitions of a topic created without a count. Default 6. */
  defaultPartitions?: number;
  /** Partition counts per topic name, e.g. TOPIC_PARTITIONS from @cs/contracts. */
  topicPartitions?: Record<string, number>;
  /** Create unknown topics on first publish/subscribe. Default true; false mirrors Kafka with auto-create off. */
  autoCreateTopics?: boolean;
  /**
   * 'consumed' (default): a message is dropped once every group that ever subscribed to its topic committed past it,
   * so memory stays bounded while consumers keep up; a group subscribing later starts at the oldest kept message.
   * Before any group subscribed, everything is kept. 'all': nothing is ever dropped (memory grows with traffic).
   */
  retention?: 'consumed' | 'all';
  /** Default redelivery delay for subscriptions that set none. Default 1000 ms. */
  redeliveryDelayMs?: number;
  logger?: Logger;
  registry?: Registry;
}

/**
 * The event bus inside one process (embedded mode, unit tests): Kafka's semantics without Kafka — key-hashed
 * partitions, consumer groups sharing partitions, commits only after the handler resolves, redelivery on failure.
 * Nothing survives the process: durability comes from the database the handlers write to.
 */
export class InMemoryEventBus implements EventBus {
  private readonly topics = new Map<string, PartitionLog[]>();
  private readonly groups = new Map<string, InMemoryConsumerGroup>();
  private readonly subscriptions = new Set<Subscription>();
  private readonly metrics: BusMetrics;
  private readonly logger: Logger;
  private closed = false;

  constructor(private readonly options: InMemoryEventBusOptions = {}) {
    this.metrics = createBusMetrics(options.registry);
    this.logger = options.logger ?? createLogger({ service: 'bus', level: 'silent' });
  }

  /** Idempotent: an existing topic keeps its partitions. */
  createTopic(topic: string, partitions?: number): void {
    if (this.topics.has(topic)) return;
    const count = partitions ?? this.options.topicPartitions?.[topic] ?? this.options.defaultPartitions ?? 6;
    if (!Number.isInteger(count) || count < 1) throw invalidBusRequest(`topic ${topic}: partitions must be a positive integer`);
    this.topics.set(topic, Array.from({ length: count }, (_, p) => new PartitionLog(topic, p)));
  }

  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    assertValidPublish(topic, messages);
    const partitions = this.partitionsOf(topic);
    for (const message of messages) partitions[partitionForKey(message.key, partitions.length)]!.append(message);
    this.metrics.produced(topic, messages.length);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    const { groupId, topics, handler } = options;
    assertValidSubscription(groupId, topics);
    for (const topic of topics) this.partitionsOf(topic);
    const delivery = new MessageDelivery({ groupId, handler, metrics: this.metrics, logger: this.logger });
    const member = this.group(groupId).join({
      topics: [...new Set(topics)],
      delivery,
      redeliveryDelayMs: options.redeliveryDelayMs ?? this.options.redeliveryDelayMs ?? 1000,
      fromBeginning: options.fromBeginning ?? true,
    });
    const subscription: Subscription = {
      stop: async (stopOptions) => {
        this.subscriptions.delete(subscription);
        await member.stop(stopOptions);
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async isHealthy(): Promise<boolean> {
    return !this.closed;
  }

  /** Stops every subscription gracefully (in-flight messages finish); publishing afterwards fails. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError(BUS_ERROR.closed, 'the event bus is closed', { retriable: false });
  }

  private partitionsOf(topic: string): PartitionLog[] {
    if (!this.topics.has(topic)) {
      if (this.options.autoCreateTopics === false) {
        throw new AppError(BUS_ERROR.unknownTopic, `unknown topic ${topic} (auto-create is off)`, { retriable: false });
      }
      this.createTopic(topic);
    }
    return this.topics.get(topic)!;
  }

  private group(groupId: string): InMemoryConsumerGroup {
    let group = this.groups.get(groupId);
    if (!group) {
      group = new InMemoryConsumerGroup(groupId, (topic) => this.partitionsOf(topic), (log) => this.trim(log));
      this.groups.set(groupId, group);
    }
    return group;
  }

  private trim(log: PartitionLog): void {
    if (this.options.retention === 'all') return;
    let low = Infinity;
    for (const group of this.groups.values()) {
      if (!group.knows(log.topic)) continue;
      const committed = group.committedOffset(log.topic, log.partition);
      if (committed === undefined) return;
      low = Math.min(low, committed);
    }
    if (Number.isFinite(low)) log.trimBefore(low);
  }
}
