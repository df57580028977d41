import type { KafkaConsumerTuning, KafkaRetryOptions } from '../src';

/** Timings shrunk so joins and rebalances settle in well under a second (the broker's minimum session is 6 s). */
export const TEST_TUNING: KafkaConsumerTuning = {
  sessionTimeoutMs: 6_000,
  heartbeatIntervalMs: 200,
  rebalanceTimeoutMs: 5_000,
  maxWaitTimeMs: 100,
  partitionsConsumedConcurrently: 4,
  commitIntervalMs: 100,
};

export const TEST_RETRY: KafkaRetryOptions = { retries: 5, initialRetryTimeMs: 100, maxRetryTimeMs: 1_000 };
