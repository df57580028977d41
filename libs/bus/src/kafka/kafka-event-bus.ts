import { AppError } from '@cs/domain';
import type { Logger } from '@cs/observability';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { BUS_ERROR, assertValidPublish, assertValidSubscription } from '../bus-errors';
import { createBusMetrics, type BusMetrics } from '../bus-metrics';
import type { EventBus, OutgoingMessage, SubscribeOptions, Subscription } from '../event-bus.port';
import { KafkaHealthProbe } from './kafka-admin';
import { createKafkaClient, silentLogger, toKafkaRetry } from './kafka-client';
import { DEFAULT_CONSUMER_TUNING, type KafkaConsumerTuning, type KafkaEventBusOptions } from './kafka-config';
import { KafkaSubscription } from './kafka-subscription';
import { parseKafkaError } from './parse-kafka-error';

/**
 * The event bus on Apache Kafka (kafkajs). publish() resolves once every in-sync replica has the messages
 * (acks=all, idempotent producer: a retried send never duplicates or reorders). Each subscribe() is its own
 * consumer in its group. No signal handler is installed here: a service's main.ts calls close() on SIGTERM
 * (subscriptions first, with a drain timeout below the pod's grace period, then the producer).
 */
export class KafkaEventBus implements EventBus {
  private readonly kafka: Kafka;
  private readonly logger: Logger;
  private readonly metrics: BusMetrics;
  private readonly tuning: KafkaConsumerTuning;
  private readonly health: KafkaHealthProbe;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private producer: Promise<Producer> | undefined;
  private closed = false;

  constructor(private readonly options: KafkaEventBusOptions) {
    this.logger = options.logger ?? silentLogger();
    this.kafka = createKafkaClient({ ...options, logger: this.logger });
    this.metrics = createBusMetrics(options.registry);
    this.tuning = { ...DEFAULT_CONSUMER_TUNING, ...options.consumer };
    this.health = new KafkaHealthProbe(this.kafka, options.healthCacheMs ?? 3_000);
  }

  /** Throws a retriable AppError when Kafka cannot take the messages now, a permanent one when it never will. */
  async publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    this.assertOpen();
    assertValidPublish(topic, messages);
    if (messages.length === 0) return;
    try {
      const producer = await this.connectedProducer();
      await producer.send({
        topic,
        acks: -1,
        messages: messages.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      });
    } catch (err) {
      this.metrics.produceFailed(topic, messages.length);
      throw parseKafkaError(err, `publish to ${topic}`);
    }
    this.metrics.produced(topic, messages.length);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    this.assertOpen();
    assertValidSubscription(options.groupId, options.topics);
    const subscription = new KafkaSubscription({
      kafka: this.kafka,
      subscribe: options,
      tuning: this.tuning,
      redeliveryDelayMs: options.redeliveryDelayMs ?? this.options.redeliveryDelayMs ?? 1_000,
      metrics: this.metrics,
      logger: this.logger,
      retry: this.options.retry,
    });
    try {
      await subscription.start();
    } catch (err) {
      await subscription.stop().catch(() => undefined);
      throw parseKafkaError(err, `subscribe ${options.groupId}`);
    }
    this.subscriptions.add(subscription);
    // Stopped directly or through close(): either way it is no longer ours to close.
    return { stop: (stopOptions) => subscription.stop(stopOptions).finally(() => this.subscriptions.delete(subscription)) };
  }

  isHealthy(): Promise<boolean> {
    return this.closed ? Promise.resolve(false) : this.health.check();
  }

  /** Stops every subscription gracefully (in-flight messages finish and commit), then disconnects the producer. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    const producer = await this.producer?.catch(() => undefined);
    await Promise.allSettled([producer?.disconnect(), this.health.close()]);
  }

  // Connected on first use, so building the bus never blocks a service's start; a failed connect is retried next call.
  private connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    const producer = this.kafka.producer({
      idempotent: true,
      // One request in flight per broker connection: a retried batch can never overtake the next one.
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
      // Topics come from the kafka:topics CLI with their partition counts, never from a typo on a permissive broker.
      allowAutoTopicCreation: false,
      retry: toKafkaRetry(this.options.producerRetry ?? { retries: 5 }),
    });
    const connecting = producer.connect().then(() => producer);
    this.producer = connecting;
    connecting.catch(() => {
      if (this.producer === connecting) this.producer = undefined;
    });
    return connecting;
  }

  private assertOpen(): void {
    if (this.closed) throw new AppError(BUS_ERROR.closed, 'the event bus is closed', { retriable: false });
  }
}
