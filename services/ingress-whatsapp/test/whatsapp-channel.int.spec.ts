import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FirstResponseAgent, readCustomerHistory } from '@cs/agent';
import { gmailIngressEnv } from '@cs/channel-gmail';
import { twilioWhatsappEnv } from '@cs/channel-twilio-whatsapp';
import { loadConfig } from '@cs/config';
import { encodeEvent, outboundReplySchema, TOPICS, type OutboundReplyInput } from '@cs/contracts';
import type { IsolatedTestDatabase } from '@cs/db';
import { startEgressEmail } from '@cs/egress-email';
import { startEgressWeb } from '@cs/egress-web';
import { startEgressWhatsapp } from '@cs/egress-whatsapp';
import { createHttpApp, errorHandler, express } from '@cs/http';
import { startIngressGmail } from '@cs/ingress-gmail';
import { ingressWebEnv, startIngressWeb } from '@cs/ingress-web';
import { startMessageProcessor } from '@cs/message-processor';
import type { AgentRequest, CustomerAgent } from '@cs/ports';
import { createInfrastructure, pipelineEnv, serviceEnvSchema, type Infrastructure } from '@cs/runtime';
import { describeWithInfra, eventually, FakeGmailServer, FakeGoogleOidc, FakeTwilioServer, gmailTestEnv, isolatedPipeline } from '@cs/testing';
import { startIngressWhatsapp } from '../src/ingress-whatsapp.component';

const PUBLIC_BASE = 'https://support.brightdesk.test';
const SENDER = 'whatsapp:+14155238886';
const TEMPLATE = 'HX0123456789abcdef0123456789abcdef';
const MAILBOX = 'support@brightdesk.test';
const GMAIL_AUDIENCE = `${PUBLIC_BASE}/webhooks/gmail`;
const LONG_ANSWER = Array.from({ length: 80 }, (_, i) => `Step ${i + 1} of the export guide explains one more setting in detail.`).join(' ');

/** The offline first-response agent, with a long answer on request (for the 1600-character split). */
class ScriptedAgent implements CustomerAgent {
  private readonly inner = new FirstResponseAgent();
  async decide(request: AgentRequest) {
    const decision = await this.inner.decide(request);
    return request.event.text.includes('long answer') ? { ...decision, text: LONG_ANSWER } : decision;
  }
}

/** The channel suites name what they wait for; the default 20 s is enough for every step. */
const waitFor = <T>(check: () => Promise<T | undefined> | T | undefined, what: string) => eventually(check, 20_000, what);

// The WhatsApp channel end to end on real Kafka and PostgreSQL: signed Twilio webhook → ingress-whatsapp → Kafka →
// message-processor → Kafka → egress-whatsapp → the real twilio SDK → a local Twilio; plus one customer across the
// web form, WhatsApp and Gmail.
describeWithInfra(['postgres', 'kafka'], 'WhatsApp channel: webhook → agent → reply in the chat; one customer across channels', () => {
  const twilio = new FakeTwilioServer();
  const gmail = new FakeGmailServer(MAILBOX);
  const google = new FakeGoogleOidc();
  let schema: IsolatedTestDatabase;
  let infra: Infrastructure;
  let server: Server;
  let base: string;
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    await Promise.all([twilio.start(), gmail.start(), google.start()]);
    const isolated = await isolatedPipeline('tw');
    schema = isolated.schema;
    const env = loadConfig('test', serviceEnvSchema(0, { ...pipelineEnv, ...ingressWebEnv, ...gmailIngressEnv, ...twilioWhatsappEnv }), {
      ...isolated.env,
      RATE_LIMIT_PER_IP_PER_MINUTE: '10000',
      RATE_LIMIT_PER_EMAIL_PER_HOUR: '10000',
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_WHATSAPP_FROM: SENDER,
      TWILIO_WEBHOOK_BASE_URL: PUBLIC_BASE,
      TWILIO_TEMPLATE_CONTENT_SID: TEMPLATE,
      TWILIO_API_BASE_URL: twilio.baseUrl,
      ...gmailTestEnv({ gmail, google, mailbox: MAILBOX, audience: GMAIL_AUDIENCE }),
    });
    infra = await createInfrastructure('test-whatsapp', env);
    infra.relay.start();
    const ingresses = [await startIngressWhatsapp(infra, env), await startIngressGmail(infra, env), await startIngressWeb(infra, env)];
    const workers = [
      await startMessageProcessor(infra, env, new ScriptedAgent()),
      await startEgressWhatsapp(infra, env),
      await startEgressEmail(infra, env),
      await startEgressWeb(infra, env),
    ];
    stops.push(...ingresses.map((c) => () => c.stop()), ...workers.map((w) => () => w.stop()));
    const app = createHttpApp({ service: 'test-whatsapp', logger: infra.logger, registry: infra.registry, readiness: [] });
    const router = express.Router();
    for (const c of ingresses) if (c.router) router.use(c.router);
    app.use(router);
    app.use(errorHandler(infra.logger));
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // Twilio calls the public URL; in the test, a "proxy" routes it here. Signatures stay over the public URL.
    twilio.routeCallback = (url) => url.replace(PUBLIC_BASE, base);
    await waitFor(async () => ((await infra.db.query('SELECT 1 FROM gmail_mailboxes WHERE history_id IS NOT NULL')).rowCount > 0 ? true : undefined), 'the Gmail watch');
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const stop of stops) await stop();
    await infra?.close();
    await schema?.close();
    await Promise.all([twilio.stop(), gmail.stop(), google.stop()]);
  }, 60_000);

  const count = async (sql: string, params: unknown[] = []) => Number((await infra.db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
  const webhook = (params: Record<string, string>, options: { signedUrl?: string; signature?: string | null } = {}) =>
    twilio.callWebhook(`${base}/webhooks/whatsapp`, params, { signedUrl: `${PUBLIC_BASE}/webhooks/whatsapp`, ...options });
  const replyEvent = (phone: string, overrides: Partial<OutboundReplyInput> = {}): OutboundReplyInput => ({
    eventId: `answer:whatsapp:SM${randomBytes(16).toString('hex')}`,
    schemaVersion: 1,
    replyId: randomBytes(8).toString('hex'),
    channel: 'whatsapp',
    kind: 'answer',
    inReplyToEventId: 'whatsapp:SMearlier',
    correlationId: randomBytes(8).toString('hex'),
    conversationId: randomBytes(8).toString('hex'),
    ticketNumber: 'TKT-8F3K2Q',
    recipient: { phone, displayName: 'Pat Doe' },
    text: 'Here is the answer you asked for.',
    createdAt: new Date().toISOString(),
    ...overrides,
  });
  const publishReply = (reply: OutboundReplyInput) => infra.bus.publish(TOPICS.outboundWhatsapp, [{ key: `whatsapp:${reply.recipient.phone}`, value: encodeEvent(outboundReplySchema, 'OutboundReply', reply) }]);

  it('answers a WhatsApp message in the same chat from the configured sender, and records delivery callbacks', async () => {
    const params = twilio.inboundParams({ from: '+14155550101', body: 'Hi, how do I export my board?', profileName: 'Ana' });
    const res = await webhook(params);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    expect(await res.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const reply = await waitFor(() => twilio.messagesTo('+14155550101')[0], 'the reply on WhatsApp');
    expect(reply.from).toBe(SENDER);
    expect(reply.body).toMatch(/^Hi Ana! .*TKT-[0-9A-Z]{6}/);
    expect(reply.statusCallback).toBe(`${PUBLIC_BASE}/webhooks/whatsapp/status?reply=${encodeURIComponent(`answer:whatsapp:${params.MessageSid}`)}&part=0`);
    const delivery = async () => (await infra.db.query<{ status: string }>('SELECT status FROM deliveries WHERE reply_event_id = $1', [`answer:whatsapp:${params.MessageSid}`])).rows[0]?.status;
    await waitFor(async () => ((await delivery()) === 'sent' ? true : undefined), 'the delivery record');
    expect((await twilio.sendStatus(reply.sid, 'read')).status).toBe(204);
    expect((await twilio.sendStatus(reply.sid, 'delivered')).status).toBe(204);
    expect(await delivery()).toBe('read');
  });

  it('rejects unsigned, mis-signed and tampered webhooks with 403 and stores nothing', async () => {
    const outbox = await count('SELECT count(*) AS n FROM outbox');
    const params = twilio.inboundParams({ from: '+14155550102', body: 'forged' });
    expect((await webhook(params, { signature: null })).status).toBe(403);
    expect((await webhook(params, { signature: 'c2lnbmF0dXJlIG9mIHNvbWV0aGluZyBlbHNl' })).status).toBe(403);
    // Signed for the URL the service sees rather than the public one Twilio calls.
    expect((await webhook(params, { signedUrl: `${base}/webhooks/whatsapp` })).status).toBe(403);
    const tampered = await fetch(`${base}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': (await import('twilio')).default.getExpectedTwilioSignature(twilio.authToken, `${PUBLIC_BASE}/webhooks/whatsapp`, params) },
      body: new URLSearchParams({ ...params, Body: 'changed in flight' }).toString(),
    });
    expect(tampered.status).toBe(403);
    expect((await twilio.callWebhook(`${base}/webhooks/whatsapp/status`, { MessageSid: params.MessageSid!, MessageStatus: 'failed' }, { signature: null })).status).toBe(403);
    expect(await count('SELECT count(*) AS n FROM outbox')).toBe(outbox);
  });

  it('turns the same webhook delivered ten times at once into one message and one reply', async () => {
    const params = twilio.inboundParams({ from: '+14155550103', body: 'Do you have a mobile app?' });
    const responses = await Promise.all(Array.from({ length: 10 }, () => webhook(params)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    await waitFor(() => twilio.messagesTo('+14155550103')[0], 'the reply');
    await new Promise((r) => setTimeout(r, 1500));
    expect(twilio.messagesTo('+14155550103')).toHaveLength(1);
    expect(await count('SELECT count(*) AS n FROM messages WHERE event_id = $1', [`whatsapp:${params.MessageSid}`])).toBe(1);
  });

  it('acknowledges media it cannot read, once, and describes it on the event', async () => {
    const params = twilio.inboundParams({ from: '+14155550104', body: '', media: [{ url: `${twilio.baseUrl}/media/ME1`, contentType: 'image/jpeg' }] });
    const first = await (await webhook(params)).text();
    expect(first).toContain('<Message>');
    expect(first).toContain("can't open attachments");
    expect(await (await webhook(params)).text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const stored = await waitFor(
      async () => (await infra.db.query<{ body: string; attachments: Array<{ contentType: string; providerRef: string }> }>('SELECT body, attachments FROM messages WHERE event_id = $1', [`whatsapp:${params.MessageSid}`])).rows[0],
      'the stored message',
    );
    expect(stored.attachments).toEqual([{ filename: 'media-1.jpg', contentType: 'image/jpeg', sizeBytes: 0, providerRef: `${twilio.baseUrl}/media/ME1` }]);
    expect(stored.body).toContain('image/jpeg');
  });

  it('splits a long reply at sentence boundaries into parts of at most 1600 characters', async () => {
    const params = twilio.inboundParams({ from: '+14155550105', body: 'Please give me the long answer about exports.' });
    await webhook(params);
    const sent = async () => (await infra.db.query('SELECT 1 FROM deliveries WHERE reply_event_id = $1 AND status = $2', [`answer:whatsapp:${params.MessageSid}`, 'sent'])).rowCount > 0;
    await waitFor(async () => ((await sent()) ? true : undefined), 'every part');
    const parts = twilio.messagesTo('+14155550105');
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(parts.every((p) => p.body!.length <= 1600 && /\.$/.test(p.body!))).toBe(true);
    expect(parts.map((p) => p.body).join(' ')).toContain(LONG_ANSWER);
    expect(new Set(parts.map((p) => p.statusCallback)).size).toBe(parts.length);
  });

  it('sends the approved template outside the 24-hour window', async () => {
    const reply = replyEvent('+14155550106');
    await publishReply(reply);
    const sent = await waitFor(() => twilio.messagesTo('+14155550106')[0], 'the template');
    expect(sent).toMatchObject({ contentSid: TEMPLATE, contentVariables: { '1': 'Pat', '2': 'TKT-8F3K2Q' }, from: SENDER });
    expect(sent.body).toBeUndefined();
  });

  it('retries Twilio 429/500 until delivered, and dead-letters an invalid number', async () => {
    twilio.failNext(429, 500, 500, 503);
    await publishReply(replyEvent('+14155550107'));
    await waitFor(() => twilio.messagesTo('+14155550107')[0], 'the reply after retries');

    twilio.rejectNumber('+14155550108');
    const doomed = replyEvent('+14155550108');
    await publishReply(doomed);
    const letter = await waitFor(
      async () => (await infra.db.query<{ error_code: string; retriable: boolean; consumer_group: string }>('SELECT error_code, retriable, consumer_group FROM dead_letters WHERE event_id = $1', [doomed.eventId])).rows[0],
      'the dead letter',
    );
    expect(letter).toEqual({ error_code: 'TWILIO_21211', retriable: false, consumer_group: 'egress-whatsapp' });
  });

  it('knows one customer across the web form, WhatsApp and email, with one chronological history', async () => {
    const email = 'jane.cross@example.com';
    const phone = '+14155550777';
    const form = await fetch(`${base}/api/v1/support/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Jane Cross', email, phone, subject: 'Export question', category: 'technical', priority: 'medium', message: 'How do I export a board to CSV?' }),
    });
    expect(form.status).toBe(201);
    await waitFor(async () => ((await count(`SELECT count(*) AS n FROM messages WHERE channel = 'web_form' AND direction = 'outbound'`)) > 0 ? true : undefined), 'the web reply');
    await webhook(twilio.inboundParams({ from: phone, body: 'Following up on WhatsApp', profileName: 'Jane' }));
    await waitFor(() => twilio.messagesTo(phone)[0], 'the WhatsApp reply');
    gmail.deliver(`From: Jane Cross <Jane.Cross@example.com>\nTo: ${MAILBOX}\nSubject: And by email\nMessage-ID: <cross@example.com>\n\nAnd one more question by email.`);
    expect((await google.push(`${base}/webhooks/gmail`, gmail.notification(), { audience: GMAIL_AUDIENCE })).status).toBe(204);
    await waitFor(() => gmail.sent.find((m) => m.headers.to?.includes(email)), 'the email reply');

    const owners = await infra.db.query<{ customer_id: string }>(`SELECT DISTINCT customer_id FROM customer_identifiers WHERE value IN ($1, $2)`, [email, phone]);
    expect(owners.rows).toHaveLength(1);
    const customerId = owners.rows[0]!.customer_id;
    const history = await readCustomerHistory(infra.db, customerId, 30);
    expect(history.filter((h) => h.from === 'customer').map((h) => h.channel)).toEqual(['web_form', 'whatsapp', 'email']);
    expect(history.map((h) => h.channel)).toEqual(['web_form', 'web_form', 'whatsapp', 'whatsapp', 'email', 'email']);
    expect(history.map((h) => h.at)).toEqual([...history.map((h) => h.at)].sort());

    // Weak evidence never merges: same name from another number, similar addresses.
    await webhook(twilio.inboundParams({ from: '+14155550778', body: 'Hi, Jane again from my other phone', profileName: 'Jane Cross' }));
    gmail.deliver(`From: Jane Cross <jane.cross+work@example.com>\nTo: ${MAILBOX}\nSubject: Work account\nMessage-ID: <cross2@example.com>\n\nSame person, maybe.`);
    gmail.deliver(`From: Jane Cross <jane.cros@example.com>\nTo: ${MAILBOX}\nSubject: Typo account\nMessage-ID: <cross3@example.com>\n\nSimilar address.`);
    expect((await google.push(`${base}/webhooks/gmail`, gmail.notification(), { audience: GMAIL_AUDIENCE })).status).toBe(204);
    const others = await waitFor(async () => {
      const rows = (await infra.db.query<{ customer_id: string }>(`SELECT customer_id FROM customer_identifiers WHERE value IN ('+14155550778', 'jane.cross+work@example.com', 'jane.cros@example.com')`)).rows;
      return rows.length === 3 ? rows : undefined;
    }, 'the other identities');
    expect(new Set([customerId, ...others.map((r) => r.customer_id)]).size).toBe(4);
    expect(await count('SELECT count(*) AS n FROM customer_identifiers WHERE customer_id = $1', [customerId])).toBe(2);
  });
});
