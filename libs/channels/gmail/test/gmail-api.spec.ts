import { createGmailApi, createGoogleAuthClient, GMAIL_HISTORY_EXPIRED, gmailEnv } from '../src';
import { FakeGmailServer } from '@cs/testing';
import { z } from 'zod';

const RAW = 'From: Jane <jane@example.com>\nTo: support@brightdesk.test\nSubject: Hi\nMessage-ID: <m1@example.com>\n\nHello';

// The real @googleapis/gmail SDK and google-auth-library OAuth refresh flow against a local Gmail API.
describe('Gmail API adapter (real SDK, fake Gmail)', () => {
  const gmail = new FakeGmailServer();
  let api: ReturnType<typeof createGmailApi>;
  beforeAll(async () => {
    await gmail.start();
    const env = z.object(gmailEnv).parse({
      GMAIL_MAILBOX: gmail.mailbox,
      GMAIL_OAUTH_CLIENT_ID: 'client-id.apps.googleusercontent.com',
      GMAIL_OAUTH_CLIENT_SECRET: 'client-secret',
      GMAIL_OAUTH_REFRESH_TOKEN: '1//refresh-token',
      GOOGLE_OAUTH_TOKEN_URL: gmail.tokenUrl,
    });
    api = createGmailApi({ auth: createGoogleAuthClient(env), rootUrl: gmail.rootUrl, timeoutMs: 5000, backoff: { initialMs: 5, maxMs: 20 } });
  });
  afterAll(() => gmail.stop());

  it('reads added messages across history pages from a cursor and fetches them raw', async () => {
    gmail.historyPageSize = 50;
    const start = String(gmail.historyId);
    const delivered = Array.from({ length: 120 }, (_, i) => gmail.deliver(RAW.replace('m1@', `m${i}@`)));
    const listing = await api.listAddedMessages(start);
    expect(listing.added.map((m) => m.id)).toEqual(delivered.map((m) => m.id));
    expect(listing.historyId).toBe(String(gmail.historyId));
    expect(gmail.calls.history).toBe(3);
    expect(gmail.calls.token).toBe(1);
    const message = await api.getRawMessage(delivered[0]!.id);
    expect(message?.raw.toString('utf8')).toContain('Subject: Hi');
    expect(message?.labelIds).toContain('INBOX');
    expect(await api.getRawMessage('0000000000000000')).toBeNull();
  });

  it('reports an expired history cursor so the caller can resync', async () => {
    gmail.oldestHistoryId = gmail.historyId;
    await expect(api.listAddedMessages('1')).rejects.toMatchObject({ code: GMAIL_HISTORY_EXPIRED, retriable: false });
    gmail.oldestHistoryId = 0;
  });

  it('retries 429 and 5xx inside the call, and gives up on 4xx at once', async () => {
    gmail.failNext('send', 429, 503);
    const before = gmail.calls.send;
    const sent = await api.sendRaw(Buffer.from(RAW), 'thread-1');
    expect(sent.threadId).toBe('thread-1');
    expect(gmail.calls.send - before).toBe(3);
    gmail.failNext('send', 400);
    await expect(api.sendRaw(Buffer.from(RAW))).rejects.toMatchObject({ code: 'GMAIL_HTTP_400', retriable: false });
    gmail.failNext('send', 500, 500, 500);
    await expect(api.sendRaw(Buffer.from(RAW))).rejects.toMatchObject({ code: 'GMAIL_UNAVAILABLE', retriable: true });
  });

  it('starts a watch and reads the profile', async () => {
    const watch = await api.watch('projects/p/topics/gmail', ['INBOX']);
    expect(watch.expiration.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 3_600_000);
    expect(gmail.watchCalls.at(-1)).toEqual({ topicName: 'projects/p/topics/gmail', labelIds: ['INBOX'] });
    expect(await api.getProfile()).toEqual({ emailAddress: gmail.mailbox, historyId: String(gmail.historyId) });
  });
});
