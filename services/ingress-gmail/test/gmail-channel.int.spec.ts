import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FirstResponseAgent } from '@cs/agent';
import { gmailIngressEnv } from '@cs/channel-gmail';
import { loadConfig } from '@cs/config';
import type { IsolatedTestDatabase } from '@cs/db';
import { startEgressEmail } from '@cs/egress-email';
import { createHttpApp, errorHandler } from '@cs/http';
import { startMessageProcessor } from '@cs/message-processor';
import { createInfrastructure, pipelineEnv, serviceEnvSchema, type Infrastructure } from '@cs/runtime';
import { describeWithInfra, eventually, FakeGmailServer, FakeGoogleOidc, gmailTestEnv, isolatedPipeline } from '@cs/testing';
import { startIngressGmail } from '../src/ingress-gmail.component';

const MAILBOX = 'support@brightdesk.test';
const AUDIENCE = 'https://support.brightdesk.test/webhooks/gmail';

function email(input: { from: string; subject: string; body: string; messageId: string; inReplyTo?: string; headers?: string }): string {
  return [
    `From: ${input.from}`,
    `To: Brightdesk Support <${MAILBOX}>`,
    `Subject: ${input.subject}`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: ${input.messageId}`,
    ...(input.inReplyTo ? [`In-Reply-To: ${input.inReplyTo}`, `References: ${input.inReplyTo}`] : []),
    ...(input.headers ? [input.headers] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="UTF-8"',
    '',
    input.body,
  ].join('\n');
}

/** The channel suites name what they wait for; the default 20 s is enough for every step. */
const waitFor = <T>(check: () => Promise<T | undefined> | T | undefined, what: string) => eventually(check, 20_000, what);

// The email channel end to end on real Kafka and PostgreSQL: Pub/Sub push (OIDC) → ingress-gmail → Kafka →
// message-processor → Kafka → egress-email → the real Gmail SDK → a local Gmail API.
describeWithInfra(['postgres', 'kafka'], 'Gmail channel: push → history sync → agent → reply in the thread', () => {
  const gmail = new FakeGmailServer(MAILBOX);
  const google = new FakeGoogleOidc();
  let schema: IsolatedTestDatabase;
  let infra: Infrastructure;
  let server: Server;
  let endpoint: string;
  const stops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    await Promise.all([gmail.start(), google.start()]);
    const isolated = await isolatedPipeline('tg');
    schema = isolated.schema;
    const env = loadConfig('test', serviceEnvSchema(0, { ...pipelineEnv, ...gmailIngressEnv }), {
      ...isolated.env,
      ...gmailTestEnv({ gmail, google, mailbox: MAILBOX, audience: AUDIENCE }),
    });
    infra = await createInfrastructure('test-gmail', env);
    infra.relay.start();
    const ingress = await startIngressGmail(infra, env);
    const processor = await startMessageProcessor(infra, env, new FirstResponseAgent());
    const egress = await startEgressEmail(infra, env);
    stops.push(() => ingress.stop(), () => processor.stop(), () => egress.stop());
    const app = createHttpApp({ service: 'test-gmail', logger: infra.logger, registry: infra.registry, readiness: [] });
    app.use(ingress.router!);
    app.use(errorHandler(infra.logger));
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/gmail`;
    // The watch started with the service is what sets the first history cursor.
    await waitFor(async () => ((await mailbox())?.history_id ? true : undefined), 'the first users.watch');
  }, 60_000);

  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    for (const stop of stops) await stop();
    await infra?.close();
    await schema?.close();
    await Promise.all([gmail.stop(), google.stop()]);
  }, 60_000);

  const mailbox = async () =>
    (await infra.db.query<{ history_id: string | null; watch_expires_at: Date | null; last_resync_at: Date | null }>('SELECT history_id::text AS history_id, watch_expires_at, last_resync_at FROM gmail_mailboxes WHERE email_address = $1', [MAILBOX])).rows[0];
  const count = async (sql: string, params: unknown[] = []) => Number((await infra.db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
  const push = (options: Parameters<FakeGoogleOidc['push']>[2] = {}) => google.push(endpoint, gmail.notification(), { audience: AUDIENCE, ...options });
  const repliesTo = (address: string) => gmail.sent.filter((m) => (m.headers.to ?? '').includes(address));

  it('renews users.watch at start and records its expiry', async () => {
    expect(gmail.watchCalls[0]).toEqual({ topicName: 'projects/brightdesk-test/topics/gmail', labelIds: ['INBOX'] });
    expect((await mailbox())?.watch_expires_at?.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000);
  });

  it('answers an email in its Gmail thread, and a follow-up in the same thread and conversation', async () => {
    const first = gmail.deliver(email({ from: 'Jane Doe <jane.doe@example.com>', subject: 'CSV export fails', body: 'Every export ends on an error page.', messageId: '<first@mail.example.com>' }));
    const res = await push();
    expect(res.status).toBe(204);
    const reply = await waitFor(() => repliesTo('jane.doe@example.com')[0], 'the reply in Gmail');
    expect(reply.requestedThreadId).toBe(first.threadId);
    expect(reply.threadId).toBe(first.threadId);
    expect(reply.headers.subject).toBe('Re: CSV export fails');
    expect(reply.headers['in-reply-to']).toBe('<first@mail.example.com>');
    expect(reply.headers.references).toContain('<first@mail.example.com>');
    expect(reply.body).toMatch(/TKT-[0-9A-Z]{6}/);
    // Gmail has the message before the egress worker commits the delivery as sent: wait for that commit.
    const delivered = await waitFor(async () => {
      const rows = (await infra.db.query<{ status: string; provider_message_id: string }>(`SELECT status, provider_message_id FROM deliveries WHERE reply_event_id = $1`, [`answer:email:${first.id}`])).rows;
      return rows[0]?.status === 'sent' ? rows[0] : undefined;
    }, 'the delivery recorded as sent');
    expect(delivered).toEqual({ status: 'sent', provider_message_id: reply.id });

    const followUp = gmail.deliver(email({ from: 'Jane Doe <jane.doe@example.com>', subject: 'Re: CSV export fails', body: 'It also fails for new boards.\n\nOn Mon, Support wrote:\n> old', messageId: '<second@mail.example.com>', inReplyTo: reply.headers['message-id'] }));
    expect(followUp.threadId).toBe(first.threadId);
    expect((await push()).status).toBe(204);
    const second = await waitFor(() => repliesTo('jane.doe@example.com')[1], 'the second reply');
    expect(second.threadId).toBe(first.threadId);
    const stored = await infra.db.query<{ body: string; conversation_id: string }>(`SELECT body, conversation_id FROM messages WHERE event_id IN ($1, $2) ORDER BY created_at`, [`email:${first.id}`, `email:${followUp.id}`]);
    expect(stored.rows.map((r) => r.body)).toEqual(['Every export ends on an error page.', 'It also fails for new boards.']);
    expect(new Set(stored.rows.map((r) => r.conversation_id)).size).toBe(1);
    // The replies we sent appear in the mailbox's history too; they are never answered.
    expect(await count(`SELECT count(*) AS n FROM messages WHERE direction = 'inbound' AND provider_message_id = ANY($1::text[])`, [gmail.sent.map((s) => s.id)])).toBe(0);
  });

  it('rejects pushes without a valid token and stores nothing', async () => {
    gmail.deliver(email({ from: 'Mallory <mallory@example.com>', subject: 'Spoofed', body: 'Should not be read yet', messageId: '<spoof@example.com>' }));
    const outbox = await count('SELECT count(*) AS n FROM outbox');
    const historyCalls = gmail.calls.history;
    const now = Math.floor(Date.now() / 1000);
    expect((await push({ token: null })).status).toBe(401);
    expect((await push({ token: google.signIdToken(AUDIENCE, {}, { key: FakeGoogleOidc.foreignKey() }) })).status).toBe(401);
    expect((await push({ token: google.signIdToken(AUDIENCE, { iat: now - 7200, exp: now - 3600 }) })).status).toBe(401);
    expect((await push({ token: google.signIdToken('https://elsewhere.example/push') })).status).toBe(403);
    expect((await push({ token: google.signIdToken(AUDIENCE, { email: 'intruder@evil.iam.gserviceaccount.com' }) })).status).toBe(403);
    expect(await count('SELECT count(*) AS n FROM outbox')).toBe(outbox);
    expect(gmail.calls.history).toBe(historyCalls);
    // The next genuine push picks the message up.
    expect((await push()).status).toBe(204);
    await waitFor(() => repliesTo('mallory@example.com')[0], 'the reply after a valid push');
  });

  it('turns ten concurrent deliveries of one push into one message and one reply', async () => {
    const message = gmail.deliver(email({ from: 'Sam Lee <sam.lee@example.org>', subject: 'Duplicate pushes', body: 'Is my data safe?', messageId: '<dup@example.org>' }));
    const responses = await Promise.all(Array.from({ length: 10 }, () => push()));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(204));
    await waitFor(() => repliesTo('sam.lee@example.org')[0], 'the reply');
    await new Promise((r) => setTimeout(r, 1500));
    expect(repliesTo('sam.lee@example.org')).toHaveLength(1);
    expect(await count('SELECT count(*) AS n FROM messages WHERE event_id = $1', [`email:${message.id}`])).toBe(1);
  });

  it('does not answer automatic mail (out of office, bounces)', async () => {
    const ooo = gmail.deliver(email({ from: 'Tom <tom@acme.example>', subject: 'Automatic reply: Re: Login loop', body: 'I am out of the office.', messageId: '<ooo@acme.example>', headers: 'Auto-Submitted: auto-replied' }));
    const bounce = gmail.deliver(email({ from: 'Mail Delivery Subsystem <mailer-daemon@googlemail.com>', subject: 'Delivery Status Notification (Failure)', body: 'Address not found', messageId: '<dsn@mx.google.com>' }));
    expect((await push()).status).toBe(204);
    await waitFor(async () => (Number((await mailbox())?.history_id) >= Number(bounce.historyId) ? true : undefined), 'the cursor to pass both');
    expect(await count('SELECT count(*) AS n FROM outbox WHERE event_id IN ($1, $2)', [`email:${ooo.id}`, `email:${bounce.id}`])).toBe(0);
  });

  it('resyncs from recent inbox mail when the history cursor has expired', async () => {
    const message = gmail.deliver(email({ from: 'Ana Silva <ana@example.pt>', subject: 'Missed while away', body: 'Hello, is anyone there?', messageId: '<resync@example.pt>' }));
    gmail.oldestHistoryId = gmail.historyId;
    const historyAtResync = gmail.historyId;
    expect((await push()).status).toBe(204);
    await waitFor(() => repliesTo('ana@example.pt')[0], 'the reply after a resync');
    const state = await mailbox();
    expect(state?.last_resync_at).not.toBeNull();
    // The cursor restarts at the profile's historyId read before the resync, past the message it recovered.
    expect(Number(state?.history_id)).toBeGreaterThanOrEqual(historyAtResync);
    expect(Number(state?.history_id)).toBeGreaterThanOrEqual(Number(message.historyId));
    // Messages the resync saw again were not ingested twice.
    expect(await count(`SELECT count(*) - count(DISTINCT event_id) AS n FROM outbox WHERE topic LIKE '%inbound%'`)).toBe(0);
    gmail.oldestHistoryId = 0;
  });

  it('retries Gmail 429/5xx on send until the reply is delivered, and dead-letters a permanent 400', async () => {
    gmail.failNext('send', 500, 503, 429, 500);
    gmail.deliver(email({ from: 'Lee <lee@example.net>', subject: 'Flaky Gmail', body: 'Please answer me.', messageId: '<flaky@example.net>' }));
    expect((await push()).status).toBe(204);
    await waitFor(() => repliesTo('lee@example.net')[0], 'the reply after retries');

    gmail.failNext('send', 400);
    const rejected = gmail.deliver(email({ from: 'Kim <kim@example.net>', subject: 'Rejected', body: 'This reply will be refused.', messageId: '<rejected@example.net>' }));
    expect((await push()).status).toBe(204);
    const letter = await waitFor(
      async () => (await infra.db.query<{ error_code: string; retriable: boolean; attempts: number; consumer_group: string }>('SELECT error_code, retriable, attempts, consumer_group FROM dead_letters WHERE event_id = $1', [`answer:email:${rejected.id}`])).rows[0],
      'the dead letter',
    );
    expect(letter).toEqual({ error_code: 'GMAIL_HTTP_400', retriable: false, attempts: 1, consumer_group: 'egress-email' });
    expect(repliesTo('kim@example.net')).toHaveLength(0);
  });
});
