import { readFileSync } from 'node:fs';
import { gmail, type gmail_v1 } from '@googleapis/gmail';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { JWT, OAuth2Client } from 'google-auth-library';
import { AppError } from '@cs/domain';
import type { GmailEnv } from './gmail.env';
import { parseGmailError } from './parse-gmail-error';

export interface GmailMessageRef {
  id: string;
  threadId: string;
}

export interface GmailRawMessage extends GmailMessageRef {
  labelIds: string[];
  internalDate: Date;
  /** The RFC 2822 message as Gmail stores it. */
  raw: Buffer;
}

/** The Gmail operations the channel needs, free of SDK types. Errors are AppErrors (see parseGmailError). */
export interface GmailApi {
  /** Messages added after `startHistoryId`, every page, and the mailbox's current historyId. GMAIL_HISTORY_EXPIRED when the cursor is too old. */
  listAddedMessages(startHistoryId: string): Promise<{ added: GmailMessageRef[]; historyId: string }>;
  listRecentInboxMessages(max: number): Promise<GmailMessageRef[]>;
  /** null when the message is gone (deleted between the notification and the fetch). */
  getRawMessage(id: string): Promise<GmailRawMessage | null>;
  sendRaw(raw: Buffer, threadId?: string): Promise<GmailMessageRef>;
  watch(topicName: string, labelIds: string[]): Promise<{ historyId: string; expiration: Date }>;
  getProfile(): Promise<{ emailAddress: string; historyId: string }>;
}

export const GMAIL_HISTORY_EXPIRED = 'GMAIL_HISTORY_EXPIRED';
const GMAIL_SCOPES = ['https://www.googleapis.com/auth/gmail.readonly', 'https://www.googleapis.com/auth/gmail.send'];
/** Node's own fetch: gaxios would otherwise import node-fetch dynamically, which buys nothing on Node 24. */
export const GOOGLE_TRANSPORT = { fetchImplementation: globalThis.fetch };

/** Service account with domain-wide delegation impersonating the mailbox, or an OAuth refresh token. */
export function createGoogleAuthClient(env: GmailEnv): OAuth2Client {
  const keyJson = env.GOOGLE_SERVICE_ACCOUNT_KEY ?? (env.GOOGLE_SERVICE_ACCOUNT_KEY_FILE ? readFileSync(env.GOOGLE_SERVICE_ACCOUNT_KEY_FILE, 'utf8') : undefined);
  if (keyJson) {
    const key = JSON.parse(keyJson) as { client_email?: string; private_key?: string };
    if (!key.client_email || !key.private_key) throw new Error('the service account key needs client_email and private_key');
    return new JWT({ email: key.client_email, key: key.private_key, scopes: GMAIL_SCOPES, subject: env.GMAIL_MAILBOX, transporterOptions: GOOGLE_TRANSPORT });
  }
  const client = new OAuth2Client({
    clientId: env.GMAIL_OAUTH_CLIENT_ID,
    clientSecret: env.GMAIL_OAUTH_CLIENT_SECRET,
    endpoints: { oauth2TokenUrl: env.GOOGLE_OAUTH_TOKEN_URL },
    transporterOptions: GOOGLE_TRANSPORT,
  });
  client.setCredentials({ refresh_token: env.GMAIL_OAUTH_REFRESH_TOKEN });
  return client;
}

export interface GmailApiOptions {
  auth: OAuth2Client;
  rootUrl: string;
  timeoutMs: number;
  /** Attempts per call for retriable failures (the short, in-call tier; the consumer retries the message after). */
  attempts?: number;
  backoff?: { initialMs: number; maxMs: number };
}

export function createGmailApi(options: GmailApiOptions): GmailApi {
  // The SDK's own retry is off: one policy, ours, decides what is worth retrying.
  const client: gmail_v1.Gmail = gmail({ version: 'v1', auth: options.auth, rootUrl: options.rootUrl, timeout: options.timeoutMs, retry: false, ...GOOGLE_TRANSPORT });
  const policy = retry(handleWhen((err) => err instanceof AppError && err.retriable), {
    maxAttempts: Math.max(0, (options.attempts ?? 3) - 1),
    backoff: new ExponentialBackoff({ initialDelay: options.backoff?.initialMs ?? 100, maxDelay: options.backoff?.maxMs ?? 1_000 }),
  });
  const call = <T>(operation: string, fn: () => Promise<T>): Promise<T> =>
    policy.execute(async () => {
      try {
        return await fn();
      } catch (err) {
        throw parseGmailError(err, operation);
      }
    });
  const userId = 'me';

  return {
    async listAddedMessages(startHistoryId) {
      const added = new Map<string, GmailMessageRef>();
      let pageToken: string | undefined;
      let historyId = startHistoryId;
      do {
        let page: gmail_v1.Schema$ListHistoryResponse;
        try {
          page = await call('history.list', async () => (await client.users.history.list({ userId, startHistoryId, historyTypes: ['messageAdded'], pageToken, maxResults: 500 })).data);
        } catch (err) {
          // Gmail keeps history for about a week; an older cursor is answered 404 and the caller resyncs.
          if (err instanceof AppError && err.code === 'GMAIL_HTTP_404') throw new AppError(GMAIL_HISTORY_EXPIRED, 'the Gmail history cursor has expired', { retriable: false, cause: err });
          throw err;
        }
        for (const record of page.history ?? []) {
          for (const { message } of record.messagesAdded ?? []) {
            if (message?.id && message.threadId) added.set(message.id, { id: message.id, threadId: message.threadId });
          }
        }
        historyId = page.historyId ?? historyId;
        pageToken = page.nextPageToken ?? undefined;
      } while (pageToken);
      return { added: [...added.values()], historyId };
    },

    async listRecentInboxMessages(max) {
      const data = await call('messages.list', async () => (await client.users.messages.list({ userId, labelIds: ['INBOX'], maxResults: max })).data);
      return (data.messages ?? []).filter((m) => m.id && m.threadId).map((m) => ({ id: m.id!, threadId: m.threadId! }));
    },

    async getRawMessage(id) {
      try {
        const data = await call('messages.get', async () => (await client.users.messages.get({ userId, id, format: 'raw' })).data);
        if (!data.raw || !data.id || !data.threadId) return null;
        return {
          id: data.id,
          threadId: data.threadId,
          labelIds: data.labelIds ?? [],
          internalDate: new Date(Number(data.internalDate ?? Date.now())),
          raw: Buffer.from(data.raw, 'base64url'),
        };
      } catch (err) {
        if (err instanceof AppError && err.code === 'GMAIL_HTTP_404') return null;
        throw err;
      }
    },

    async sendRaw(raw, threadId) {
      const data = await call('messages.send', async () => (await client.users.messages.send({ userId, requestBody: { raw: raw.toString('base64url'), threadId } })).data);
      return { id: data.id ?? '', threadId: data.threadId ?? threadId ?? '' };
    },

    async watch(topicName, labelIds) {
      const data = await call('users.watch', async () => (await client.users.watch({ userId, requestBody: { topicName, labelIds, labelFilterBehavior: 'include' } })).data);
      return { historyId: String(data.historyId), expiration: new Date(Number(data.expiration)) };
    },

    async getProfile() {
      const data = await call('users.getProfile', async () => (await client.users.getProfile({ userId })).data);
      return { emailAddress: String(data.emailAddress).toLowerCase(), historyId: String(data.historyId) };
    },
  };
}

export function createGmailApiFromEnv(env: GmailEnv): GmailApi {
  return createGmailApi({ auth: createGoogleAuthClient(env), rootUrl: env.GMAIL_API_ROOT_URL, timeoutMs: env.GMAIL_API_TIMEOUT_MS });
}
