import { randomUUID } from 'node:crypto';
import type { BusMessage, EventBus, MessageHandler, OutgoingMessage } from '../src';
import { Recorder } from './recorder';

export interface ConformanceHarness {
  bus: EventBus;
  createTopic(name: string, partitions: number): Promise<void>;
}

export interface ConformanceOptions {
  /** Redelivery delay the suite sets on its subscriptions. */
  redeliveryDelayMs: number;
  /** Upper bound for any expected delivery. */
  deliveryTimeoutMs: number;
}

/** One handler call as a test saw it. */
interface Seen {
  consumer: string;
  key: string;
  seq: number;
  partition: number;
  offset: string;
  at: number;
  ok: boolean;
}

const unique = (prefix: string) => `conf-${prefix}-${randomUUID().slice(0, 8)}`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const message = (key: string, seq: number): OutgoingMessage => ({ key, value: JSON.stringify({ key, seq }), headers: { 'x-seq': String(seq) } });

/** What the handler does with a message: finish, throw, or hang forever. */
type Behaviour = (seen: Seen) => 'ok' | 'fail' | 'hang';

function recording(recorder: Recorder<Seen>, consumer: string, behaviour: Behaviour = () => 'ok'): MessageHandler {
  return async (m: BusMessage) => {
    const body = JSON.parse(m.value.toString('utf8')) as { key: string; seq: number };
    expect(m.key).toBe(body.key);
    expect(m.headers['x-seq']).toBe(String(body.seq));
    const seen: Seen = { consumer, ...body, partition: m.partition, offset: m.offset, at: Date.now(), ok: true };
    const verdict = behaviour(seen);
    // A little asynchronous work, so partitions handled concurrently really interleave.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 2));
    recorder.push({ ...seen, ok: verdict === 'ok' });
    if (verdict === 'fail') throw new Error(`scripted failure of ${body.key}#${body.seq}`);
    if (verdict === 'hang') await new Promise(() => undefined);
  };
}

/**
 * The behaviour every EventBus adapter must show. Each test uses fresh topic and group names, so adapters that
 * share a broker across tests (Kafka) need no cleanup between them.
 */
export function runEventBusConformance(name: string, makeBus: () => Promise<ConformanceHarness>, opts: ConformanceOptions): void {
  describe(`EventBus conformance: ${name}`, () => {
    let harness: ConformanceHarness;
    const { redeliveryDelayMs, deliveryTimeoutMs } = opts;
    const within = deliveryTimeoutMs;

    beforeEach(async () => {
      harness = await makeBus();
    });
    afterEach(async () => {
      await harness.bus.close();
    });

    it('keeps per-key order with several keys over several partitions, including messages published before subscribing', async () => {
      const { bus } = harness;
      const topic = unique('order');
      await harness.createTopic(topic, 4);
      const keys = range(8).map((i) => `customer-${i}`);
      const publishRound = (round: number) => bus.publish(topic, keys.flatMap((k) => range(5).map((i) => message(k, round * 5 + i))));
      await publishRound(0);
      await publishRound(1);
      const recorder = new Recorder<Seen>();
      await bus.subscribe({ groupId: unique('g'), topics: [topic], handler: recording(recorder, 'a'), redeliveryDelayMs });
      await publishRound(2);
      await publishRound(3);
      await recorder.until('every message', (items) => items.length >= keys.length * 20, within);
      for (const key of keys) {
        const mine = recorder.items.filter((s) => s.key === key);
        expect(mine.map((s) => s.seq)).toEqual(range(20));
        expect(new Set(mine.map((s) => s.partition)).size).toBe(1);
      }
      expect(new Set(recorder.items.map((s) => s.partition)).size).toBeGreaterThan(1);
    });

    it('redelivers a failed message after the delay, at the same offset, while later messages of its partition wait', async () => {
      const { bus } = harness;
      const topic = unique('retry');
      await harness.createTopic(topic, 3);
      const recorder = new Recorder<Seen>();
      let failuresLeft = 2;
      const behaviour: Behaviour = (s) => (s.seq === 1 && failuresLeft-- > 0 ? 'fail' : 'ok');
      await bus.subscribe({ groupId: unique('g'), topics: [topic], handler: recording(recorder, 'a', behaviour), redeliveryDelayMs });
      await bus.publish(topic, range(5).map((seq) => message('order-1', seq)));
      await recorder.until('all five handled', (items) => items.filter((s) => s.ok).length === 5, within);
      expect(recorder.items.map((s) => `${s.seq}:${s.ok ? 'ok' : 'fail'}`)).toEqual(['0:ok', '1:fail', '1:fail', '1:ok', '2:ok', '3:ok', '4:ok']);
      const attempts = recorder.items.filter((s) => s.seq === 1);
      expect(new Set(attempts.map((s) => s.offset)).size).toBe(1);
      for (let i = 1; i < attempts.length; i++) expect(attempts[i]!.at - attempts[i - 1]!.at).toBeGreaterThanOrEqual(redeliveryDelayMs - 5);
    });

    it('keeps other partitions flowing while one waits for a redelivery', async () => {
      const { bus } = harness;
      const topic = unique('flow');
      await harness.createTopic(topic, 3);
      const recorder = new Recorder<Seen>();
      let failed = false;
      const behaviour: Behaviour = (s) => (s.key === 'stuck' && !failed ? ((failed = true), 'fail') : 'ok');
      const longDelay = Math.max(1500, redeliveryDelayMs);
      await bus.subscribe({ groupId: unique('g'), topics: [topic], handler: recording(recorder, 'a', behaviour), redeliveryDelayMs: longDelay });
      await bus.publish(topic, [message('stuck', 0)]);
      await recorder.until('the first failure', (items) => items.length === 1, within);
      await bus.publish(topic, range(6).map((i) => message(`other-${i}`, 0)));
      await recorder.until('everything handled', (items) => items.filter((s) => s.ok).length === 7, within + longDelay);
      const stuck = recorder.items.find((s) => s.key === 'stuck' && s.ok)!;
      const others = recorder.items.filter((s) => s.key.startsWith('other-'));
      const elsewhere = others.filter((s) => s.partition !== stuck.partition);
      expect(elsewhere.length).toBeGreaterThan(0);
      for (const s of elsewhere) expect(s.at).toBeLessThan(stuck.at);
      for (const s of others.filter((o) => o.partition === stuck.partition)) expect(s.at).toBeGreaterThanOrEqual(stuck.at);
    });

    it('gives a message whose consumer died mid-handler to the next consumer of the group', async () => {
      const { bus } = harness;
      const topic = unique('crash');
      const groupId = unique('g');
      await harness.createTopic(topic, 2);
      const recorder = new Recorder<Seen>();
      await bus.publish(topic, [message('order-7', 0), message('order-7', 1)]);
      const first = await bus.subscribe({ groupId, topics: [topic], handler: recording(recorder, 'a', (s) => (s.seq === 1 ? 'hang' : 'ok')), redeliveryDelayMs });
      await recorder.until('the hanging handler to start', (items) => items.some((s) => s.seq === 1), within);
      // Abrupt stop: the handler never resolves, so its message must stay uncommitted.
      const stopping = Date.now();
      await first.stop({ drainTimeoutMs: 0 });
      expect(Date.now() - stopping).toBeLessThan(within);
      await bus.subscribe({ groupId, topics: [topic], handler: recording(recorder, 'b'), redeliveryDelayMs });
      await recorder.until('the second consumer to get it', (items) => items.some((s) => s.consumer === 'b'), within);
      // seq 0 was committed before the crash and is not delivered again; seq 1 is.
      expect(recorder.items.filter((s) => s.consumer === 'b').map((s) => s.seq)).toEqual([1]);
    });

    it('splits the partitions between two consumers of one group', async () => {
      const { bus } = harness;
      const topic = unique('split');
      const groupId = unique('g');
      await harness.createTopic(topic, 4);
      const recorder = new Recorder<Seen>();
      await bus.subscribe({ groupId, topics: [topic], handler: recording(recorder, 'a'), redeliveryDelayMs });
      await bus.subscribe({ groupId, topics: [topic], handler: recording(recorder, 'b'), redeliveryDelayMs });
      await bus.publish(topic, range(20).flatMap((i) => [message(`k-${i}`, 0), message(`k-${i}`, 1)]));
      await recorder.until('all forty', (items) => items.length >= 40, within);
      const by = (consumer: string) => recorder.items.filter((s) => s.consumer === consumer);
      const ids = (items: Seen[]) => new Set(items.map((s) => `${s.key}#${s.seq}`));
      const [a, b] = [by('a'), by('b')];
      expect(a.length).toBeGreaterThan(0);
      expect(b.length).toBeGreaterThan(0);
      expect(recorder.items).toHaveLength(40);
      expect(new Set([...ids(a), ...ids(b)]).size).toBe(40);
      const partitionsOfA = new Set(a.map((s) => s.partition));
      expect(b.some((s) => partitionsOfA.has(s.partition))).toBe(false);
    });

    it('loses nothing across a consumer restart and does not redeliver what was committed', async () => {
      const { bus } = harness;
      const topic = unique('restart');
      const groupId = unique('g');
      await harness.createTopic(topic, 3);
      const recorder = new Recorder<Seen>();
      const keys = range(6).map((i) => `r-${i}`);
      await bus.publish(topic, keys.map((k) => message(k, 0)));
      const first = await bus.subscribe({ groupId, topics: [topic], handler: recording(recorder, 'a'), redeliveryDelayMs });
      await recorder.until('the first batch', (items) => items.length === keys.length, within);
      await first.stop();
      await bus.publish(topic, keys.map((k) => message(k, 1)));
      await bus.subscribe({ groupId, topics: [topic], handler: recording(recorder, 'b'), redeliveryDelayMs });
      await recorder.until('the batch published while stopped', (items) => items.filter((s) => s.consumer === 'b').length === keys.length, within);
      expect(recorder.items.filter((s) => s.consumer === 'b').every((s) => s.seq === 1)).toBe(true);
      expect(recorder.items).toHaveLength(keys.length * 2);
    });
  });
}
