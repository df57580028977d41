import { decodeEvent, inboundMessageSchema, type DeadLetterInput } from '@cs/contracts';
import { AppError } from '@cs/domain';
import { createLogger } from '@cs/observability';
import type { BusMessage } from '@cs/ports';
import { createReliableHandler } from '../src';

const logger = createLogger({ service: 'test', level: 'silent' });
const valid = {
  eventId: 'whatsapp:SM1', schemaVersion: 1, channel: 'whatsapp', providerMessageId: 'SM1', receivedAt: '2026-11-22T01:00:00.000Z',
  correlationId: 'corr-12345678', conversationKey: 'whatsapp:+14155550123', customer: { phone: '+14155550123' }, text: 'hi', attachments: [],
};
const message = (value: unknown): BusMessage => ({
  topic: 'cs.inbound.v1', partition: 3, offset: '42', key: 'k', timestamp: '0', headers: { 'x-correlation-id': 'corr-12345678' },
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});
const context = { heartbeat: jest.fn(async () => undefined) };

function setup(handle: () => Promise<void>, deadLetter = jest.fn(async (_l: DeadLetterInput) => undefined)) {
  const handler = createReliableHandler({
    consumerGroup: 'message-processor',
    decode: (m) => decodeEvent(inboundMessageSchema, 'InboundMessage', m.value),
    handle: jest.fn(handle),
    deadLetter,
    maxAttempts: 3,
    backoff: { initialMs: 1, maxMs: 2 },
    logger,
  });
  return { handler, deadLetter };
}

describe('createReliableHandler', () => {
  it('dead-letters an invalid payload at once with its source coordinates', async () => {
    const handle = jest.fn(async () => undefined);
    const { handler, deadLetter } = setup(handle);
    await handler(message({ nope: true }), context);
    expect(handle).not.toHaveBeenCalled();
    const letter = deadLetter.mock.calls[0]![0];
    expect(letter).toMatchObject({ error: { code: 'CONTRACT_VIOLATION', retriable: false }, attempts: 1, source: { topic: 'cs.inbound.v1', partition: 3, offset: '42', key: 'k' } });
    expect(letter.payload).toBe('{"nope":true}');
  });

  it('retries a retriable error up to maxAttempts, then dead-letters with the count', async () => {
    let calls = 0;
    const { handler, deadLetter } = setup(async () => {
      calls += 1;
      throw new AppError('DB_UNAVAILABLE', 'connection refused', { retriable: true });
    });
    await handler(message(valid), context);
    expect(calls).toBe(3);
    expect(deadLetter.mock.calls[0]![0]).toMatchObject({ originalEventId: 'whatsapp:SM1', error: { code: 'DB_UNAVAILABLE', retriable: true }, attempts: 3 });
    expect(context.heartbeat).toHaveBeenCalled();
  });

  it('succeeds after a transient failure without dead-lettering', async () => {
    let calls = 0;
    const { handler, deadLetter } = setup(async () => {
      calls += 1;
      if (calls === 1) throw new AppError('TIMEOUT', 'slow', { retriable: true });
    });
    await handler(message(valid), context);
    expect(calls).toBe(2);
    expect(deadLetter).not.toHaveBeenCalled();
  });

  it('does not retry a permanent error', async () => {
    let calls = 0;
    const { handler, deadLetter } = setup(async () => {
      calls += 1;
      throw new AppError('INVALID_NUMBER', 'not a WhatsApp number', { retriable: false });
    });
    await handler(message(valid), context);
    expect(calls).toBe(1);
    expect(deadLetter.mock.calls[0]![0].attempts).toBe(1);
  });

  it('throws (so the bus redelivers) when the group heartbeat fails, without dead-lettering the message', async () => {
    const handle = jest.fn(async () => undefined);
    const { handler, deadLetter } = setup(handle);
    // kafkajs during a rebalance: a protocol error with a code and retriable: false.
    const rebalancing = Object.assign(new Error('The group is rebalancing, so a rejoin is needed'), { code: 27, retriable: false });
    await expect(handler(message(valid), { heartbeat: jest.fn(async () => Promise.reject(rebalancing)) })).rejects.toBe(rebalancing);
    expect(handle).not.toHaveBeenCalled();
    expect(deadLetter).not.toHaveBeenCalled();
  });

  it('throws (so the bus redelivers) when the dead letter itself cannot be stored', async () => {
    const { handler } = setup(
      async () => {
        throw new AppError('X', 'x', { retriable: false });
      },
      jest.fn(async (_l: DeadLetterInput): Promise<undefined> => {
        throw new Error('database down');
      }),
    );
    await expect(handler(message(valid), context)).rejects.toThrow('database down');
  });
});
