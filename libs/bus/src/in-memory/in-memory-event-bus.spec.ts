import { AppError } from '@cs/domain';
import { Registry } from '@cs/observability';
import type { BusMessage, MessageHandler } from '../event-bus.port';
import { deferred } from '../wait';
import { InMemoryEventBus } from './in-memory-event-bus';
import { partitionForKey } from './key-partitioner';

const text = (m: BusMessage) => m.value.toString('utf8');
const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
/** A handler that records values and, for the values in `gates`, waits until the test opens the gate. */
function gated(seen: string[], gates: Record<string, Promise<void>> = {}): MessageHandler {
  return async (m) => {
    seen.push(text(m));
    await gates[text(m)];
  };
}

describe('InMemoryEventBus', () => {
  let bus: InMemoryEventBus;
  beforeEach(() => {
    bus = new InMemoryEventBus({ topicPartitions: { t: 2 }, redeliveryDelayMs: 10 });
  });
  afterEach(() => bus.close());

  it('stop() waits for the in-flight message, commits it, and delivers nothing more', async () => {
    const gate = deferred();
    const seen: string[] = [];
    const sub = await bus.subscribe({ groupId: 'g', topics: ['t'], handler: gated(seen, { m1: gate.promise }) });
    await bus.publish('t', [{ key: 'k', value: 'm1' }, { key: 'k', value: 'm2' }]);
    await settled();
    let stopped = false;
    const stopping = sub.stop().then(() => (stopped = true));
    await settled();
    expect(stopped).toBe(false);
    gate.resolve();
    await stopping;
    expect(seen).toEqual(['m1']);
    await expect(sub.stop()).resolves.toBeUndefined(); // idempotent
    const after: string[] = [];
    await bus.subscribe({ groupId: 'g', topics: ['t'], handler: gated(after) });
    await settled();
    expect(after).toEqual(['m2']); // m1 was committed by the graceful stop
  });

  it('stop({ drainTimeoutMs }) gives up on a hanging handler and leaves its message uncommitted', async () => {
    const seen: string[] = [];
    const sub = await bus.subscribe({ groupId: 'g', topics: ['t'], handler: gated(seen, { m1: new Promise(() => undefined) }) });
    await bus.publish('t', [{ key: 'k', value: 'm1' }]);
    await settled();
    const started = Date.now();
    await sub.stop({ drainTimeoutMs: 30 });
    expect(Date.now() - started).toBeLessThan(500);
    const next: string[] = [];
    await bus.subscribe({ groupId: 'g', topics: ['t'], handler: gated(next) });
    await settled();
    expect(next).toEqual(['m1']);
  });

  it('hands a partition to a joining member only after the previous owner finished its message', async () => {
    // Two partitions: alone, A owns both; when B joins, partition 1 moves to B.
    const key = ['a', 'b', 'c', 'd', 'e'].find((k) => partitionForKey(k, 2) === 1)!;
    const gate = deferred();
    const [seenA, seenB] = [[] as string[], [] as string[]];
    await bus.subscribe({ groupId: 'g', topics: ['t'], handler: gated(seenA, { m1: gate.promise }) });
    await bus.publish('t', [{ key, value: 'm1' }, { key, value: 'm2' }]);
    await settled();
    await bus.subscribe({ groupId: 'g', topics: ['t'], handler: gated(seenB) });
    await settled();
    expect(seenB).toEqual([]); // m2 waits: A still holds m1
    gate.resolve();
    await settled();
    expect(seenA).toEqual(['m1']);
    expect(seenB).toEqual(['m2']);
  });

  it('drops consumed messages: a group that subscribes later starts at the oldest one kept', async () => {
    const keepAll = new InMemoryEventBus({ retention: 'all' });
    for (const b of [bus, keepAll]) {
      const first: string[] = [];
      await b.subscribe({ groupId: 'first', topics: ['t'], handler: gated(first) });
      await b.publish('t', [{ key: 'k', value: 'old' }]);
      await settled();
      expect(first).toEqual(['old']);
      const late: string[] = [];
      await b.subscribe({ groupId: 'late', topics: ['t'], handler: gated(late) });
      await settled();
      expect(late).toEqual(b === keepAll ? ['old'] : []);
    }
    await keepAll.close();
  });

  it('counts produced, consumed, failed and redelivered messages when given a registry', async () => {
    const registry = new Registry();
    const measured = new InMemoryEventBus({ registry, redeliveryDelayMs: 5 });
    let failures = 1;
    await measured.subscribe({
      groupId: 'g',
      topics: ['t'],
      handler: async () => {
        if (failures-- > 0) throw new Error('transient');
      },
    });
    await measured.publish('t', [{ key: 'k', value: 'v' }]);
    await settled();
    await measured.close();
    const value = async (name: string) => (await registry.getSingleMetric(name)!.get()).values[0]?.value;
    expect(await value('cs_bus_messages_produced_total')).toBe(1);
    expect(await value('cs_bus_messages_consumed_total')).toBe(1);
    expect(await value('cs_bus_handler_errors_total')).toBe(1);
    expect(await value('cs_bus_redeliveries_total')).toBe(1);
  });

  it('fails like Kafka: unknown topics when auto-create is off, anything after close', async () => {
    const strict = new InMemoryEventBus({ autoCreateTopics: false });
    await expect(strict.publish('nope', [{ key: 'k', value: 'v' }])).rejects.toMatchObject({ code: 'BUS_UNKNOWN_TOPIC', retriable: false });
    await strict.close();
    await expect(strict.publish('nope', [])).rejects.toBeInstanceOf(AppError);
    expect(await strict.isHealthy()).toBe(false);
  });
});
