import { encodeEvent, inboundMessageSchema, makeEventId, TOPICS, type InboundMessageInput } from '@cs/contracts';
import { listDeadLetters, replayDeadLetters } from '@cs/core';
import { FirstResponseAgent } from '@cs/agent';
import { AppError } from '@cs/domain';
import type { AgentRequest, CustomerAgent } from '@cs/ports';
import { describeWithInfra } from '@cs/testing';
import { eventually, getTicket, startTestPipeline, submitForm, VALID_FORM, type TestPipeline } from './pipeline-harness';

/** An agent that fails permanently while `failing` is set, like a model provider rejecting the request. */
class SwitchableAgent implements CustomerAgent {
  failing = false;
  calls = 0;
  private readonly inner = new FirstResponseAgent();
  async decide(request: AgentRequest) {
    this.calls += 1;
    if (this.failing) throw new AppError('AGENT_REJECTED', 'model rejected the request', { retriable: false });
    return this.inner.decide(request);
  }
}

function inboundEvent(providerMessageId: string, overrides: Partial<InboundMessageInput> = {}): InboundMessageInput {
  return {
    eventId: makeEventId('whatsapp', providerMessageId),
    schemaVersion: 1,
    channel: 'whatsapp',
    providerMessageId,
    receivedAt: new Date().toISOString(),
    correlationId: `corr-${providerMessageId}`,
    conversationKey: 'whatsapp:+14155550199',
    customer: { phone: '+14155550199', displayName: 'Sam' },
    text: 'hi, how do i export my board?',
    attachments: [],
    ...overrides,
  };
}

async function count(p: TestPipeline, sql: string, params: unknown[] = []): Promise<number> {
  const result = await p.db.query<{ n: string }>(sql, params);
  return Number(result.rows[0]?.n ?? 0);
}

describeWithInfra(['postgres', 'kafka'], 'web form → Kafka → message-processor → egress-web', () => {
  let pipeline: TestPipeline;
  const agent = new SwitchableAgent();

  beforeAll(async () => {
    pipeline = await startTestPipeline({ agent });
  }, 60_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  it('returns a ticket number at once and shows the reply on the ticket', async () => {
    const { status, body } = await submitForm(pipeline.baseUrl);
    expect(status).toBe(201);
    expect(body.ticketId).toMatch(/^TKT-[0-9A-Z]{6}$/);
    expect(body.statusToken.length).toBeGreaterThanOrEqual(43);
    const ticket = await eventually(async () => {
      const t = await getTicket(pipeline.baseUrl, body.ticketId, body.statusToken);
      return t.body.messages.some((m) => m.direction === 'outbound') ? t : undefined;
    }, 20_000, 'the reply on the ticket');
    expect(ticket.status).toBe(200);
    expect(ticket.body.messages.map((m) => m.direction)).toEqual(['inbound', 'outbound']);
    expect(ticket.body.messages[1]!.body).toContain(body.ticketId);
    // The customer's email and phone now identify one customer.
    expect(await count(pipeline, `SELECT count(DISTINCT customer_id) AS n FROM customer_identifiers WHERE value IN ($1, $2)`, [VALID_FORM.email, VALID_FORM.phone])).toBe(1);
  });

  it('does not show a ticket to someone without its token', async () => {
    const { body } = await submitForm(pipeline.baseUrl, { ...VALID_FORM, email: 'other@example.com' });
    expect((await getTicket(pipeline.baseUrl, body.ticketId, 'wrong-token-wrong-token-wrong-token-wrong-tok')).status).toBe(404);
    expect((await getTicket(pipeline.baseUrl, 'TKT-ZZZZZZ', body.statusToken)).status).toBe(404);
  });

  it('rejects invalid input with field errors and stores nothing', async () => {
    // Earlier tests' replies may still reach the outbox meanwhile: count only what these submissions could have stored.
    const stored = async () => count(pipeline, `SELECT count(*) AS n FROM outbox WHERE payload LIKE '%not-an-email%' OR payload LIKE '%xxxxxxxxxx%'`);
    const before = await stored();
    const { status, body } = await submitForm(pipeline.baseUrl, { ...VALID_FORM, email: 'not-an-email', message: 'short', category: 'sales' });
    expect(status).toBe(400);
    const fields = (body.fields as Array<{ field: string }>).map((f) => f.field).sort();
    expect(fields).toEqual(['category', 'email', 'message']);
    const wrongType = await fetch(`${pipeline.baseUrl}/api/v1/support/form`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(wrongType.status).toBe(415);
    const tooBig = await fetch(`${pipeline.baseUrl}/api/v1/support/form`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...VALID_FORM, message: 'x'.repeat(100_000) }),
    });
    expect(tooBig.status).toBe(413);
    expect(await stored()).toBe(before);
    expect(before).toBe(0);
  });

  it('stores one message and sends one reply when the same event arrives 10 times at once', async () => {
    const event = inboundEvent(`dup-${Date.now()}`);
    const payload = encodeEvent(inboundMessageSchema, 'InboundMessage', event);
    await Promise.all(Array.from({ length: 10 }, () => pipeline.bus.publish(TOPICS.inbound, [{ key: event.conversationKey, value: payload }])));
    await eventually(async () => ((await count(pipeline, `SELECT count(*) AS n FROM outbox WHERE event_id = $1 AND published_at IS NOT NULL`, [`answer:${event.eventId}`])) === 1 ? true : undefined));
    // Give the nine duplicates time to be consumed, then count.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count(pipeline, 'SELECT count(*) AS n FROM messages WHERE event_id = $1', [event.eventId])).toBe(1);
    expect(await count(pipeline, `SELECT count(*) AS n FROM messages WHERE direction = 'outbound' AND event_id LIKE $1`, [`%:${event.eventId}`])).toBe(1);
    expect(await count(pipeline, 'SELECT count(*) AS n FROM processed_events WHERE event_id = $1', [event.eventId])).toBe(1);
  });

  it('dead-letters a poison message at once without stalling its partition', async () => {
    const key = 'whatsapp:+14155550100';
    await pipeline.bus.publish(TOPICS.inbound, [{ key, value: '{"not":"an inbound message"}' }]);
    const next = inboundEvent(`after-poison-${Date.now()}`, { conversationKey: key, customer: { phone: '+14155550100' } });
    await pipeline.bus.publish(TOPICS.inbound, [{ key, value: encodeEvent(inboundMessageSchema, 'InboundMessage', next) }]);
    await eventually(async () => ((await count(pipeline, 'SELECT count(*) AS n FROM messages WHERE event_id = $1', [next.eventId])) === 1 ? true : undefined));
    const letters = await listDeadLetters(pipeline.db);
    const poison = letters.find((l) => l.error_code === 'CONTRACT_VIOLATION');
    expect(poison).toMatchObject({ retriable: false, attempts: 1, source_topic: TOPICS.inbound, consumer_group: 'message-processor' });
    expect(await count(pipeline, `SELECT count(*) AS n FROM outbox WHERE topic = $1`, [TOPICS.deadLetter])).toBeGreaterThanOrEqual(1);
  });

  it('dead-letters a failing message, tells the customer, and a replay processes it once', async () => {
    agent.failing = true;
    const event = inboundEvent(`fails-${Date.now()}`, { conversationKey: 'whatsapp:+14155550111', customer: { phone: '+14155550111' } });
    await pipeline.bus.publish(TOPICS.inbound, [{ key: event.conversationKey, value: encodeEvent(inboundMessageSchema, 'InboundMessage', event) }]);
    const letter = await eventually(async () => (await listDeadLetters(pipeline.db)).find((l) => l.event_id === event.eventId));
    expect(letter).toMatchObject({ error_code: 'AGENT_REJECTED', retriable: false, attempts: 1 });
    expect(await count(pipeline, `SELECT count(*) AS n FROM messages WHERE event_id = $1`, [`failure_notice:${event.eventId}`])).toBe(1);

    agent.failing = false;
    await replayDeadLetters({ db: pipeline.db, relay: pipeline.infra.relay }, { ids: [letter.id] });
    await eventually(async () => ((await count(pipeline, 'SELECT count(*) AS n FROM messages WHERE event_id = $1', [`answer:${event.eventId}`])) === 1 ? true : undefined));
    // A second replay of the same letter is harmless: the event is already processed.
    await replayDeadLetters({ db: pipeline.db, relay: pipeline.infra.relay }, { ids: [letter.id] });
    await new Promise((r) => setTimeout(r, 1500));
    expect(await count(pipeline, 'SELECT count(*) AS n FROM messages WHERE event_id = $1', [event.eventId])).toBe(1);
    expect(await count(pipeline, 'SELECT count(*) AS n FROM messages WHERE event_id = $1', [`answer:${event.eventId}`])).toBe(1);
  });
});
