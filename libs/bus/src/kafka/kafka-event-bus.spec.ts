import { KafkaEventBus } from './kafka-event-bus';

// No broker needed: nothing listens on port 1, so every connection is refused at once.
describe('KafkaEventBus without a reachable broker', () => {
  const bus = new KafkaEventBus({
    brokers: ['127.0.0.1:1'],
    retry: { retries: 0 },
    producerRetry: { retries: 1, initialRetryTimeMs: 20 },
    healthCacheMs: 60_000,
  });
  afterAll(() => bus.close());

  it('fails publish with a retriable AppError, so the caller can fall back to its outbox', async () => {
    await expect(bus.publish('t', [{ key: 'k', value: 'v' }])).rejects.toMatchObject({ name: 'AppError', code: 'KAFKA_CONNECTION_ERROR', retriable: true });
  });

  it('reports unhealthy, and caches the answer', async () => {
    expect(await bus.isHealthy()).toBe(false);
    const started = Date.now();
    expect(await bus.isHealthy()).toBe(false);
    expect(Date.now() - started).toBeLessThan(5);
  });

  it('refuses work after close', async () => {
    const closed = new KafkaEventBus({ brokers: ['127.0.0.1:1'] });
    await closed.close();
    await expect(closed.publish('t', [])).rejects.toMatchObject({ code: 'BUS_CLOSED', retriable: false });
    await expect(closed.subscribe({ groupId: 'g', topics: ['t'], handler: async () => undefined })).rejects.toMatchObject({ code: 'BUS_CLOSED' });
  });
});
