import type { EventBus, OutgoingMessage, SubscribeOptions, Subscription } from './event-bus.port';

/**
 * Puts every topic and consumer group of a bus under a prefix (KAFKA_TOPIC_PREFIX), so several environments or
 * test runs can share one cluster. Handlers still see the unprefixed topic names the contracts define.
 */
export class NamespacedEventBus implements EventBus {
  constructor(
    private readonly inner: EventBus,
    private readonly prefix: string,
  ) {}

  publish(topic: string, messages: OutgoingMessage[]): Promise<void> {
    return this.inner.publish(this.prefix + topic, messages);
  }

  subscribe(options: SubscribeOptions): Promise<Subscription> {
    const strip = (topic: string) => (topic.startsWith(this.prefix) ? topic.slice(this.prefix.length) : topic);
    return this.inner.subscribe({
      ...options,
      groupId: this.prefix + options.groupId,
      topics: options.topics.map((t) => this.prefix + t),
      handler: (message, context) => options.handler({ ...message, topic: strip(message.topic) }, context),
    });
  }

  isHealthy(): Promise<boolean> {
    return this.inner.isHealthy();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** Wraps the bus only when a prefix is configured. */
export function withNamespace(bus: EventBus, prefix: string | undefined): EventBus {
  return prefix ? new NamespacedEventBus(bus, prefix) : bus;
}
