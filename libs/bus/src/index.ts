export * from './event-bus.port';
export { BUS_ERROR } from './bus-errors';
export { InMemoryEventBus, type InMemoryEventBusOptions } from './in-memory/in-memory-event-bus';
export { partitionForKey } from './in-memory/key-partitioner';
export { KafkaEventBus } from './kafka/kafka-event-bus';
export {
  DEFAULT_CONSUMER_TUNING,
  kafkaOptionsFromEnv,
  type KafkaConnectionOptions,
  type KafkaConsumerTuning,
  type KafkaEnv,
  type KafkaEventBusOptions,
  type KafkaRetryOptions,
} from './kafka/kafka-config';
export { createTopics, type TopicSpec } from './kafka/kafka-admin';
export { NamespacedEventBus, withNamespace } from './namespaced-event-bus';
