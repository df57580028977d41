import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeEvent, outboundReplySchema, TOPICS, type OutboundReplyInput } from '@cs/contracts';
import type { EventBus, SqlClient } from '@cs/ports';
import { createInfrastructure, runtimeEnvSchema, type Infrastructure } from '@cs/runtime';
import { eventually } from '@cs/testing';
import { startEgressEmail, type EgressEmailEnv } from '../src/egress-email.worker';

// egress-email on the embedded adapters (PGlite, in-process bus): what it does without Gmail credentials, and that a
// redelivered reply is sent once. The Gmail API path runs end to end in services/ingress-gmail/test.
describe('egress-email (embedded)', () => {
  let infra: Infrastructure;
  let db: SqlClient;
  let bus: EventBus;
  let worker: { stop(): Promise<void> };
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-egress-email-'));

  beforeAll(async () => {
    // The embedded adapters exactly as the standalone mode builds them: PGlite under DATA_DIR, the in-process bus.
    infra = await createInfrastructure('test', runtimeEnvSchema.parse({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), { allowInMemoryBus: true });
    ({ db, bus } = infra);
    const env = {
      CONVERSATION_RESUME_WINDOW_HOURS: 24, SUPPORT_SIGNATURE: 'Brightdesk', HANDLER_MAX_ATTEMPTS: 2, HANDLER_BACKOFF_INITIAL_MS: 5, HANDLER_BACKOFF_MAX_MS: 10,
      GMAIL_FROM_NAME: 'Brightdesk Support', GMAIL_API_ROOT_URL: 'https://gmail.googleapis.com/', GOOGLE_OAUTH_TOKEN_URL: 'https://oauth2.googleapis.com/token', GMAIL_API_TIMEOUT_MS: 1000,
      DATA_DIR: dataDir,
    } satisfies EgressEmailEnv;
    worker = await startEgressEmail(infra, env);
  }, 30_000);

  afterAll(async () => {
    await worker.stop();
    await infra.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const reply: OutboundReplyInput = {
    eventId: 'answer:email:local-1',
    schemaVersion: 1,
    replyId: '5f0c7a3e-2222-4b4b-8e8e-abcdefabcdef',
    channel: 'email',
    kind: 'answer',
    inReplyToEventId: 'email:local-1',
    correlationId: '0b7d4c1e-1111-4a4a-9f9f-123456789abc',
    conversationId: '7a9c2b1d-3333-4c4c-9d9d-fedcbafedcba',
    ticketNumber: 'TKT-8F3K2Q',
    recipient: { email: 'jane@example.com', displayName: 'Jane' },
    subject: 'Re: Export',
    text: 'Dear Jane,\n\nHere is how to export.',
    threading: { gmailThreadId: 'thread-1', messageId: '<m1@example.com>', references: [] },
    createdAt: new Date().toISOString(),
  };

  it('records replies as .eml files without Gmail credentials, once per reply however often it is delivered', async () => {
    const value = encodeEvent(outboundReplySchema, 'OutboundReply', reply);
    await bus.publish(TOPICS.outboundEmail, [{ key: 'k', value }, { key: 'k', value }, { key: 'k', value }]);
    const dir = join(dataDir, 'sent', 'email');
    await eventually(async () => ((await db.query(`SELECT 1 FROM deliveries WHERE reply_event_id = $1 AND status = 'sent'`, [reply.eventId])).rowCount ? true : undefined), 5_000, 'the delivery recorded');
    await new Promise((r) => setTimeout(r, 200));
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const eml = readFileSync(join(dir, files[0]!), 'utf8');
    expect(eml).toContain('In-Reply-To: <m1@example.com>');
    expect(eml).toContain('Subject: Re: Export');
    expect(eml).toContain('From: Brightdesk Support <support@localhost>');
  });
});
