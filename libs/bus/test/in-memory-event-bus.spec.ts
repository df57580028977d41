import { InMemoryEventBus } from '../src';
import { runEventBusConformance } from './event-bus.conformance';

runEventBusConformance(
  'in-memory',
  async () => {
    const bus = new InMemoryEventBus({ autoCreateTopics: false });
    return { bus, createTopic: async (name, partitions) => bus.createTopic(name, partitions) };
  },
  { redeliveryDelayMs: 50, deliveryTimeoutMs: 2_000 },
);
