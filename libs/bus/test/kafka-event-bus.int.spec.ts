import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { join } from 'node:path';
import { describeWithInfra, testKafkaBrokers } from '@cs/testing';
import { createTopics, KafkaEventBus } from '../src';
import { runEventBusConformance } from './event-bus.conformance';
import { TEST_RETRY, TEST_TUNING } from './kafka-test-tuning';
import { Recorder } from './recorder';

describeWithInfra(['kafka'], 'KafkaEventBus', () => {
  const brokers = () => testKafkaBrokers() ?? [];
  const makeBus = () => new KafkaEventBus({ brokers: brokers(), clientId: 'bus-int', consumer: TEST_TUNING, retry: TEST_RETRY, producerRetry: TEST_RETRY });
  const newTopic = async (partitions: number) => {
    const topic = `int-${randomUUID().slice(0, 8)}`;
    await createTopics(brokers(), [{ topic, numPartitions: partitions }]);
    return topic;
  };

  runEventBusConformance(
    'kafka',
    async () => ({ bus: makeBus(), createTopic: async (name, partitions) => void (await createTopics(brokers(), [{ topic: name, numPartitions: partitions }])) }),
    { redeliveryDelayMs: 300, deliveryTimeoutMs: 10_000 },
  );

  describe('Kafka specifics', () => {
    let bus: KafkaEventBus;
    beforeEach(() => {
      bus = makeBus();
    });
    afterEach(() => bus.close());

    it('creates topics idempotently and reports healthy', async () => {
      const topic = await newTopic(2);
      await expect(createTopics(brokers(), [{ topic, numPartitions: 2 }])).resolves.toEqual([]);
      expect(await bus.isHealthy()).toBe(true);
    });

    it('keeps a handler that outlives the session timeout alive through its heartbeats (no redelivery)', async () => {
      const topic = await newTopic(1);
      const calls = new Recorder<string>();
      await bus.subscribe({
        groupId: `g-${randomUUID()}`,
        topics: [topic],
        handler: async (m, { heartbeat }) => {
          calls.push(m.value.toString());
          if (m.value.toString() !== 'long') return;
          for (let i = 0; i < 15; i++) {
            await new Promise((resolve) => setTimeout(resolve, 500));
            await heartbeat();
          }
        },
      });
      await bus.publish(topic, [{ key: 'k', value: 'long' }, { key: 'k', value: 'after' }]);
      await calls.until('the message after the long one', (items) => items.includes('after'), 15_000);
      expect(calls.items).toEqual(['long', 'after']);
    }, 20_000);

    it('gives the message of a consumer killed mid-handler (SIGKILL) to the next member once its session expires', async () => {
      const topic = await newTopic(2);
      const groupId = `g-${randomUUID()}`;
      await bus.publish(topic, [{ key: 'k', value: 'orphan' }]);
      const fixture = join(__dirname, 'fixtures', 'hanging-consumer.fixture.ts');
      const child = spawn(process.execPath, ['--import', 'tsx', fixture, brokers().join(','), topic, groupId], { stdio: ['ignore', 'pipe', 'inherit'] });
      try {
        const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
        expect(chunk.toString()).toContain('started 0');
      } finally {
        child.kill('SIGKILL');
      }
      const seen = new Recorder<string>();
      await bus.subscribe({ groupId, topics: [topic], handler: async (m) => seen.push(m.value.toString()) });
      await seen.until('the orphaned message', (items) => items.length > 0, TEST_TUNING.sessionTimeoutMs + 5_000);
      expect(seen.items).toEqual(['orphan']);
    }, 30_000);
  });
});
