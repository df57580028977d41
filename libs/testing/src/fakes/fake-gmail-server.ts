import { randomBytes } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import { FakeHttpServer } from './fake-http-server';

export interface FakeGmailMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  historyId: string;
  internalDate: number;
  raw: Buffer;
  messageIdHeader?: string;
}

export interface FakeSentMail extends FakeGmailMessage {
  /** The threadId the client asked for (undefined when none). */
  requestedThreadId?: string;
  /** Header lines of the sent message, lower-cased names, unfolded. */
  headers: Record<string, string>;
  body: string;
}

type Operation = 'history' | 'get' | 'list' | 'send' | 'watch' | 'profile' | 'token';

function headersOf(raw: Buffer): { headers: Record<string, string>; body: string } {
  const text = raw.toString('utf8').replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = split >= 0 ? text.slice(0, split) : text;
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: split >= 0 ? text.slice(split + 2) : '' };
}

const googleError = (res: Response, status: number, reason: string, message = reason) =>
  res.status(status).json({ error: { code: status, message, errors: [{ message, domain: 'global', reason }], status: reason.toUpperCase() } });

/**
 * The Gmail API (v1) for one mailbox, as the @googleapis/gmail SDK calls it at `rootUrl`, plus Google's OAuth token
 * endpoint. Messages are kept as raw RFC 2822 bytes; threads follow References/In-Reply-To like Gmail's; every added
 * message (sent ones too, labelled SENT) is a history record. Failures can be scripted per operation.
 */
export class FakeGmailServer extends FakeHttpServer {
  readonly messages = new Map<string, FakeGmailMessage>();
  readonly sent: FakeSentMail[] = [];
  readonly history: Array<{ id: string; messageId: string }> = [];
  readonly watchCalls: Array<{ topicName: string; labelIds: string[] }> = [];
  readonly calls: Record<Operation, number> = { history: 0, get: 0, list: 0, send: 0, watch: 0, profile: 0, token: 0 };
  historyId = 1000;
  /** history.list from a startHistoryId below this answers 404 (Gmail keeps about a week of history). */
  oldestHistoryId = 0;
  /** Records per history page at most (Gmail's own cap is 500), so paging can be exercised. */
  historyPageSize = 500;
  private readonly failures: Record<Operation, number[]> = { history: [], get: [], list: [], send: [], watch: [], profile: [], token: [] };
  readonly accessToken = `ya29.${randomBytes(16).toString('hex')}`;

  constructor(readonly mailbox = 'support@brightdesk.test') {
    super();
    const app = this.app;
    app.use(express.json({ limit: '30mb' }));
    app.use(express.urlencoded({ extended: false }));
    app.post('/token', (_req, res) => {
      if (this.failed('token', res)) return;
      res.json({ access_token: this.accessToken, expires_in: 3599, token_type: 'Bearer', scope: 'https://www.googleapis.com/auth/gmail.readonly https://www.googleapis.com/auth/gmail.send' });
    });
    const api = express.Router();
    api.use((req, res, next) => (req.get('authorization') === `Bearer ${this.accessToken}` ? next() : googleError(res, 401, 'authError', 'Invalid Credentials')));
    api.get('/users/:userId/profile', (_req, res) => {
      if (this.failed('profile', res)) return;
      res.json({ emailAddress: this.mailbox, messagesTotal: this.messages.size, threadsTotal: new Set([...this.messages.values()].map((m) => m.threadId)).size, historyId: String(this.historyId) });
    });
    api.get('/users/:userId/history', (req, res) => this.listHistory(req, res));
    api.get('/users/:userId/messages', (req, res) => {
      if (this.failed('list', res)) return;
      const label = typeof req.query.labelIds === 'string' ? req.query.labelIds : undefined;
      const max = Number(req.query.maxResults ?? 100);
      const matching = [...this.messages.values()].filter((m) => !label || m.labelIds.includes(label)).sort((a, b) => b.internalDate - a.internalDate);
      res.json({ messages: matching.slice(0, max).map((m) => ({ id: m.id, threadId: m.threadId })), resultSizeEstimate: matching.length });
    });
    api.get('/users/:userId/messages/:id', (req, res) => {
      if (this.failed('get', res)) return;
      const message = this.messages.get(String(req.params.id));
      if (!message) return googleError(res, 404, 'notFound', 'Requested entity was not found.');
      res.json({
        id: message.id,
        threadId: message.threadId,
        labelIds: message.labelIds,
        snippet: '',
        historyId: message.historyId,
        internalDate: String(message.internalDate),
        sizeEstimate: message.raw.length,
        raw: message.raw.toString('base64url'),
      });
    });
    api.post('/users/:userId/messages/send', (req, res) => {
      if (this.failed('send', res)) return;
      const body = req.body as { raw?: string; threadId?: string };
      if (!body.raw) return googleError(res, 400, 'invalidArgument', "'raw' RFC822 payload message string or uploading message via /upload/* URL required");
      const raw = Buffer.from(body.raw, 'base64url');
      const parsed = headersOf(raw);
      const message = this.addMessage(raw, ['SENT'], body.threadId);
      this.sent.push({ ...message, requestedThreadId: body.threadId, ...parsed });
      res.json({ id: message.id, threadId: message.threadId, labelIds: message.labelIds });
    });
    api.post('/users/:userId/watch', (req, res) => {
      if (this.failed('watch', res)) return;
      const body = req.body as { topicName: string; labelIds?: string[] };
      this.watchCalls.push({ topicName: body.topicName, labelIds: body.labelIds ?? [] });
      res.json({ historyId: String(this.historyId), expiration: String(Date.now() + 7 * 24 * 3_600_000) });
    });
    app.use('/gmail/v1', api);
  }

  /** The rootUrl to give the SDK. */
  get rootUrl(): string {
    return `${this.baseUrl}/`;
  }

  get tokenUrl(): string {
    return `${this.baseUrl}/token`;
  }

  /** Makes the next calls of `operation` fail with these HTTP statuses, in order. */
  failNext(operation: Operation, ...statuses: number[]): void {
    this.failures[operation].push(...statuses);
  }

  /** Delivers a raw email to the mailbox like an incoming mail: threaded, labelled, one history record. */
  deliver(raw: Buffer | string, options: { labelIds?: string[]; threadId?: string } = {}): FakeGmailMessage {
    return this.addMessage(Buffer.isBuffer(raw) ? raw : Buffer.from(raw.replace(/\r?\n/g, '\r\n')), options.labelIds ?? ['INBOX', 'UNREAD', 'CATEGORY_PERSONAL'], options.threadId);
  }

  /** What the next users.watch push would carry for this mailbox. */
  notification(): { emailAddress: string; historyId: string } {
    return { emailAddress: this.mailbox, historyId: String(this.historyId) };
  }

  private addMessage(raw: Buffer, labelIds: string[], threadId?: string): FakeGmailMessage {
    const { headers } = headersOf(raw);
    this.historyId += 1 + Math.floor(Math.random() * 3);
    const id = randomBytes(8).toString('hex');
    const message: FakeGmailMessage = {
      id,
      threadId: threadId ?? this.threadFor(headers) ?? id,
      labelIds,
      historyId: String(this.historyId),
      internalDate: Date.now(),
      raw,
      messageIdHeader: headers['message-id'],
    };
    this.messages.set(id, message);
    this.history.push({ id: String(this.historyId), messageId: id });
    return message;
  }

  /** Gmail threads a message with the one its In-Reply-To/References name. */
  private threadFor(headers: Record<string, string>): string | undefined {
    const referenced = `${headers['in-reply-to'] ?? ''} ${headers.references ?? ''}`.match(/<[^>]+>/g) ?? [];
    for (const ref of referenced.reverse()) {
      const hit = [...this.messages.values()].find((m) => m.messageIdHeader === ref);
      if (hit) return hit.threadId;
    }
    return undefined;
  }

  private listHistory(req: Request, res: Response): void {
    if (this.failed('history', res)) return;
    const start = Number(req.query.startHistoryId);
    if (!Number.isFinite(start) || start < this.oldestHistoryId) return void googleError(res, 404, 'notFound', 'Requested entity was not found.');
    const pageSize = Math.min(Number(req.query.maxResults ?? 100), this.historyPageSize);
    const offset = Number(req.query.pageToken ?? 0);
    const records = this.history.filter((h) => Number(h.id) > start);
    const page = records.slice(offset, offset + pageSize);
    const nextOffset = offset + pageSize;
    res.json({
      history: page.map((h) => {
        const m = this.messages.get(h.messageId)!;
        const ref = { id: m.id, threadId: m.threadId, labelIds: m.labelIds };
        return { id: h.id, messages: [ref], messagesAdded: [{ message: ref }] };
      }),
      historyId: String(this.historyId),
      ...(nextOffset < records.length ? { nextPageToken: String(nextOffset) } : {}),
    });
  }

  private failed(operation: Operation, res: Response): boolean {
    this.calls[operation] += 1;
    const status = this.failures[operation].shift();
    if (status === undefined) return false;
    const reason = status === 429 ? 'rateLimitExceeded' : status >= 500 ? 'backendError' : status === 404 ? 'notFound' : 'invalidArgument';
    googleError(res, status, reason, `scripted ${status}`);
    return true;
  }
}
