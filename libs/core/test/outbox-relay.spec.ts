import { createIsolatedTestDatabase, type IsolatedTestDatabase } from '@cs/db';
import { createLogger } from '@cs/observability';
import type { EventBus, OutgoingMessage } from '@cs/ports';
import { enqueueOutbox, OutboxRelay } from '../src';

class RecordingBus implements EventBus {
  down = false;
  published: Array<{ topic: string; message: OutgoingMessage }> = [];
  async publish(topic: string, messages: OutgoingMessage[]) {
    if (this.down) throw new Error('broker unreachable');
    for (const message of messages) this.published.push({ topic, message });
  }
  async subscribe(): Promise<never> {
    throw new Error('not used');
  }
  async isHealthy() {
    return !this.down;
  }
  async close() {}
}

describe('OutboxRelay', () => {
  let db: IsolatedTestDatabase;
  const logger = createLogger({ service: 'test', level: 'silent' });
  beforeAll(async () => {
    db = await createIsolatedTestDatabase();
  }, 30_000);
  afterAll(() => db.close());

  const enqueue = (n: number, topic = 't') =>
    db.transaction(async (tx) => {
      for (let i = 0; i < n; i++) await enqueueOutbox(tx, { topic, key: `k${i}`, payload: `{"i":${i}}`, eventId: `${topic}:${i}` });
    });

  it('publishes committed rows in order and marks them, once', async () => {
    const bus = new RecordingBus();
    const relay = new OutboxRelay({ db, bus, logger });
    await enqueue(3, 'ordered');
    expect(await relay.relayOnce()).toBe(3);
    expect(bus.published.map((p) => String(p.message.value))).toEqual(['{"i":0}', '{"i":1}', '{"i":2}']);
    expect(await relay.relayOnce()).toBe(0);
  });

  it('ignores a second enqueue of the same eventId', async () => {
    await enqueue(1, 'dedupe');
    await enqueue(1, 'dedupe');
    const rows = await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE topic = 'dedupe'`);
    expect(rows.rows[0]!.n).toBe('1');
  });

  it('keeps rows when the bus is down and publishes them after the back-off', async () => {
    const bus = new RecordingBus();
    const relay = new OutboxRelay({ db, bus, logger, failureBackoffMs: 50 });
    await relay.relayOnce();
    bus.down = true;
    await enqueue(2, 'outage');
    await expect(relay.relayOnce()).rejects.toThrow('broker unreachable');
    const pending = await db.query<{ last_error: string }>(`SELECT last_error FROM outbox WHERE topic = 'outage' AND published_at IS NULL`);
    expect(pending.rows.map((r) => r.last_error)).toEqual(['broker unreachable', 'broker unreachable']);
    bus.down = false;
    expect(await relay.relayOnce()).toBe(0); // still backing off
    await new Promise((r) => setTimeout(r, 80));
    expect(await relay.relayOnce()).toBe(2);
    expect(bus.published.filter((p) => p.topic === 'outage')).toHaveLength(2);
  });

  it('relays in the background after a kick and stops cleanly', async () => {
    const bus = new RecordingBus();
    const relay = new OutboxRelay({ db, bus, logger, pollIntervalMs: 10_000 });
    await relay.relayOnce();
    relay.start();
    await enqueue(1, 'kicked');
    relay.kick();
    for (let i = 0; i < 50 && bus.published.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(bus.published.map((p) => p.topic)).toEqual(['kicked']);
    await relay.stop();
  });
});
