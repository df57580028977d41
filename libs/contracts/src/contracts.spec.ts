import {
  decodeEvent,
  encodeEvent,
  inboundMessageSchema,
  outboundReplySchema,
  deadLetterSchema,
  makeEventId,
  outboundTopicFor,
  ContractViolationError,
  TOPICS,
  TOPIC_PARTITIONS,
  type InboundMessageInput,
} from './index';

const inbound: InboundMessageInput = {
  eventId: makeEventId('email', '18c2f0a1b2'),
  schemaVersion: 1,
  channel: 'email',
  providerMessageId: '18c2f0a1b2',
  receivedAt: '2026-11-22T01:00:00.000Z',
  correlationId: '0b7d4c1e-1111-4a4a-9f9f-123456789abc',
  conversationKey: 'email:thread-1',
  customer: { email: 'jane@example.com', displayName: 'Jane' },
  subject: 'Cannot export CSV',
  text: 'Hello, export fails.',
  attachments: [{ filename: 'shot.png', contentType: 'image/png', sizeBytes: 1234 }],
  threading: { gmailThreadId: 'thread-1', messageId: '<abc@mail.example.com>', references: [] },
};

describe('inbound message contract', () => {
  it('round-trips through encode/decode with defaults applied', () => {
    const decoded = decodeEvent(inboundMessageSchema, 'InboundMessage', encodeEvent(inboundMessageSchema, 'InboundMessage', inbound));
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(decoded.value.eventId).toBe('email:18c2f0a1b2');
      expect(decoded.value.attachments).toHaveLength(1);
      expect(decoded.value.threading?.references).toEqual([]);
    }
  });

  it('refuses to encode an invalid payload with field paths', () => {
    const bad = { ...inbound, channel: 'sms', customer: { displayName: 'x' } } as unknown as InboundMessageInput;
    expect(() => encodeEvent(inboundMessageSchema, 'InboundMessage', bad)).toThrow(ContractViolationError);
    try {
      encodeEvent(inboundMessageSchema, 'InboundMessage', bad);
    } catch (err) {
      const paths = (err as ContractViolationError).issues.map((i) => i.path);
      expect(paths).toEqual(expect.arrayContaining(['channel', 'customer']));
      expect((err as ContractViolationError).retriable).toBe(false);
    }
  });

  it('decodes garbage to an error instead of throwing', () => {
    const notJson = decodeEvent(inboundMessageSchema, 'InboundMessage', Buffer.from('{nope'));
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.error).toBeInstanceOf(SyntaxError);
    const wrongVersion = decodeEvent(inboundMessageSchema, 'InboundMessage', JSON.stringify({ ...inbound, schemaVersion: 2 }));
    expect(wrongVersion.ok).toBe(false);
    expect(decodeEvent(inboundMessageSchema, 'InboundMessage', null).ok).toBe(false);
  });

  it('rejects a non-E.164 phone', () => {
    const result = inboundMessageSchema.safeParse({ ...inbound, customer: { phone: '0044 20 1234' } });
    expect(result.success).toBe(false);
  });
});

describe('outbound reply and dead letter contracts', () => {
  it('accepts a well-formed reply and rejects an empty text', () => {
    const reply = {
      eventId: 'reply:email:18c2f0a1b2',
      schemaVersion: 1,
      replyId: '5f0c7a3e-2222-4b4b-8e8e-abcdefabcdef',
      channel: 'email',
      kind: 'answer',
      inReplyToEventId: 'email:18c2f0a1b2',
      correlationId: inbound.correlationId,
      conversationId: '7a9c2b1d-3333-4c4c-9d9d-fedcbafedcba',
      ticketNumber: 'TKT-8F3K2Q',
      recipient: { email: 'jane@example.com' },
      text: 'Hi Jane',
      createdAt: '2026-11-22T01:00:01.000Z',
    };
    expect(outboundReplySchema.safeParse(reply).success).toBe(true);
    expect(outboundReplySchema.safeParse({ ...reply, text: '' }).success).toBe(false);
  });

  it('requires source coordinates and an error code on a dead letter', () => {
    const letter = {
      eventId: 'dlq:cs.inbound.v1:3:42',
      schemaVersion: 1,
      deadLetterId: '9e8d7c6b-4444-4d4d-8c8c-0123456789ab',
      source: { topic: TOPICS.inbound, partition: 3, offset: '42', key: 'k' },
      payload: '{}',
      error: { code: 'CONTRACT_VIOLATION', message: 'bad', retriable: false },
      attempts: 1,
      consumerGroup: 'message-processor',
      failedAt: '2026-11-22T01:00:02.000Z',
    };
    expect(deadLetterSchema.parse(letter).headers).toEqual({});
    expect(deadLetterSchema.safeParse({ ...letter, source: { ...letter.source, offset: '-1' } }).success).toBe(false);
  });
});

describe('topics', () => {
  it('routes each channel to its own outbound topic and gives the inbound topic at least 6 partitions', () => {
    expect(new Set([outboundTopicFor('email'), outboundTopicFor('whatsapp'), outboundTopicFor('web_form')]).size).toBe(3);
    expect(TOPIC_PARTITIONS[TOPICS.inbound]).toBeGreaterThanOrEqual(6);
  });
});
