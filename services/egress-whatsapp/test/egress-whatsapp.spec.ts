import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeEvent, outboundReplySchema, TOPICS, type OutboundReplyInput } from '@cs/contracts';
import type { EventBus, SqlClient } from '@cs/ports';
import { createInfrastructure, runtimeEnvSchema, type Infrastructure } from '@cs/runtime';
import { eventually } from '@cs/testing';
import { startEgressWhatsapp, type EgressWhatsappEnv } from '../src/egress-whatsapp.worker';

// egress-whatsapp on the embedded adapters (PGlite, in-process bus) without Twilio credentials: the same window,
// template and split decisions, recorded to a file. The Twilio path runs end to end in services/ingress-whatsapp/test.
describe('egress-whatsapp (embedded)', () => {
  let infra: Infrastructure;
  let db: SqlClient;
  let bus: EventBus;
  let worker: { stop(): Promise<void> };
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-egress-whatsapp-'));
  const recorded = () => readFileSync(join(dataDir, 'sent', 'whatsapp.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

  beforeAll(async () => {
    // The embedded adapters exactly as the standalone mode builds them: PGlite under DATA_DIR, the in-process bus.
    infra = await createInfrastructure('test', runtimeEnvSchema.parse({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { allowInMemoryBus: true });
    ({ db, bus } = infra);
    const env = {
      CONVERSATION_RESUME_WINDOW_HOURS: 24, SUPPORT_SIGNATURE: 'Brightdesk', HANDLER_MAX_ATTEMPTS: 2, HANDLER_BACKOFF_INITIAL_MS: 5, HANDLER_BACKOFF_MAX_MS: 10,
      TWILIO_TEMPLATE_CONTENT_SID: 'HX0123456789abcdef0123456789abcdef', TWILIO_API_BASE_URL: 'https://api.twilio.com', TWILIO_API_TIMEOUT_MS: 1000,
      TWILIO_STATUS_CALLBACKS: true, WHATSAPP_SEND_RATE_PER_SECOND: 50, WHATSAPP_SESSION_WINDOW_HOURS: 24, DATA_DIR: dataDir,
    } satisfies EgressWhatsappEnv;
    worker = await startEgressWhatsapp(infra, env);
    // A chat whose customer wrote an hour ago: inside the 24-hour window.
    const customer = (await db.query<{ id: string }>(`INSERT INTO customers (display_name) VALUES ('Sam') RETURNING id`)).rows[0]!.id;
    const conversation = (await db.query<{ id: string }>(`INSERT INTO conversations (customer_id, channel, conversation_key) VALUES ($1, 'whatsapp', 'whatsapp:+14155550123') RETURNING id`, [customer])).rows[0]!.id;
    await db.query(`INSERT INTO messages (conversation_id, direction, channel, author, body, created_at) VALUES ($1, 'inbound', 'whatsapp', 'customer', 'hi', now() - interval '1 hour')`, [conversation]);
  }, 30_000);

  afterAll(async () => {
    await worker.stop();
    await infra.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const reply = (eventId: string, phone: string, text: string): OutboundReplyInput => ({
    eventId, schemaVersion: 1, replyId: '5f0c7a3e-2222-4b4b-8e8e-abcdefabcdef', channel: 'whatsapp', kind: 'answer', inReplyToEventId: 'whatsapp:SM1',
    correlationId: '0b7d4c1e-1111-4a4a-9f9f-123456789abc', conversationId: '7a9c2b1d-3333-4c4c-9d9d-fedcbafedcba', ticketNumber: 'TKT-8F3K2Q',
    recipient: { phone, displayName: 'Sam Lee' }, text, createdAt: new Date().toISOString(),
  });
  const sent = (eventId: string) =>
    eventually(async () => ((await db.query(`SELECT 1 FROM deliveries WHERE reply_event_id = $1 AND status = 'sent'`, [eventId])).rowCount ? true : undefined), 5_000, 'the delivery recorded');

  it('splits a long reply in the window, sends the template outside it, and sends a redelivered reply once', async () => {
    const long = reply('answer:whatsapp:SMlong', '+14155550123', 'One clear sentence about the export settings. '.repeat(80).trim());
    const value = encodeEvent(outboundReplySchema, 'OutboundReply', long);
    await bus.publish(TOPICS.outboundWhatsapp, [{ key: 'a', value }, { key: 'a', value }]);
    await sent(long.eventId);
    const outside = reply('answer:whatsapp:SMold', '+14155550999', 'You will not see this text.');
    await bus.publish(TOPICS.outboundWhatsapp, [{ key: 'b', value: encodeEvent(outboundReplySchema, 'OutboundReply', outside) }]);
    await sent(outside.eventId);
    const messages = recorded();
    const parts = messages.filter((m) => m.to === '+14155550123');
    expect(parts).toHaveLength(3);
    expect(parts.every((p) => String(p.body).length <= 1600)).toBe(true);
    expect(messages.filter((m) => m.to === '+14155550999')).toEqual([expect.objectContaining({ contentSid: 'HX0123456789abcdef0123456789abcdef', contentVariables: { '1': 'Sam', '2': 'TKT-8F3K2Q' } })]);
    expect(Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM delivery_parts WHERE reply_event_id = $1', [long.eventId])).rows[0]!.n)).toBe(3);
  });
});
