import { describeWithInfra, testKafkaBrokers } from '@cs/testing';
import { createTopics, KafkaEventBus } from '../src';
import { runEventBusConformance } from './event-bus.conformance';

// Timings shrunk so joins and rebalances settle in well under a second (the broker's minimum session is 6 s).
const TEST_TUNING = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 200,
  rebalanceTimeoutMs: 5_000,
  maxWaitTimeMs: 100,
  partitionsConsumedConcurrently: 4,
  commitIntervalMs: 100,
};
const TEST_RETRY = { retries: 5, initialRetryTimeMs: 100, maxRetryTimeMs: 1_000 };

describeWithInfra(['kafka'], 'KafkaEventBus', () => {
  const brokers = () => testKafkaBrokers() ?? [];

  runEventBusConformance(
    'kafka',
    async () => {
      const bus = new KafkaEventBus({ brokers: brokers(), clientId: 'bus-conformance', consumer: TEST_TUNING, retry: TEST_RETRY, producerRetry: TEST_RETRY });
      return {
        bus,
        createTopic: async (name, partitions) => {
          await createTopics(brokers(), [{ topic: name, numPartitions: partitions }]);
        },
      };
    },
    { redeliveryDelayMs: 300, deliveryTimeoutMs: 10_000 },
  );
});
