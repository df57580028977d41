import { randomBytes } from 'node:crypto';
import { createTopics } from '@cs/bus';
import { TOPIC_PARTITIONS } from '@cs/contracts';
import { createIsolatedTestDatabase, type IsolatedTestDatabase } from '@cs/db';
import { testDatabaseUrl, testKafkaBrokers } from './infra-env';
import { pipelineTestEnv } from './pipeline-test-env';

/** Every topic of the pipeline under `prefix`, with its production partition count, on the test Kafka. */
export async function createPrefixedTopics(prefix: string): Promise<void> {
  await createTopics(testKafkaBrokers()!, Object.entries(TOPIC_PARTITIONS).map(([topic, numPartitions]) => ({ topic: prefix + topic, numPartitions })));
}

/**
 * A suite's own slice of the real infrastructure: a fresh topic prefix with every topic created, an isolated database
 * schema, and the pipeline environment pointing at both (channel suites add their settings to `env`).
 */
export async function isolatedPipeline(stem: string): Promise<{ prefix: string; schema: IsolatedTestDatabase; env: Record<string, string> }> {
  const prefix = `${stem}${randomBytes(4).toString('hex')}.`;
  await createPrefixedTopics(prefix);
  const schema = await createIsolatedTestDatabase({ url: testDatabaseUrl()! });
  return { prefix, schema, env: pipelineTestEnv({ schema: schema.schema!, topicPrefix: prefix }) };
}
