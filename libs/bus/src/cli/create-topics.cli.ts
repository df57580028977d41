import { baseEnv, ConfigError, kafkaEnv, loadConfig } from '@cs/config';
import { TOPIC_PARTITIONS } from '@cs/contracts';
import { createLogger } from '@cs/observability';
import { z } from 'zod';
import { createTopics } from '../kafka/kafka-admin';
import { kafkaOptionsFromEnv } from '../kafka/kafka-config';

/** `npm run kafka:topics`: creates every topic the contracts define, with their partition counts. Idempotent. */
async function main(): Promise<void> {
  const config = loadConfig('kafka-topics', z.object({ ...baseEnv, ...kafkaEnv }));
  const logger = createLogger({ service: 'kafka-topics', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  const { brokers, ...connection } = kafkaOptionsFromEnv(config);
  const topics = Object.entries(TOPIC_PARTITIONS).map(([topic, numPartitions]) => ({ topic: config.KAFKA_TOPIC_PREFIX + topic, numPartitions }));
  const created = await createTopics(brokers, topics, { ...connection, logger });
  logger.info({ created, existing: topics.length - created.length }, 'kafka topics are in place');
}

main().catch((err: unknown) => {
  // A ConfigError already lists every bad variable; print it plainly and fail the deploy step.
  process.stderr.write(`kafka:topics failed: ${err instanceof ConfigError || err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
