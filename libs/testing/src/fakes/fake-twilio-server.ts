import { randomBytes } from 'node:crypto';
import express from 'express';
import twilio from 'twilio';
import { FakeHttpServer } from './fake-http-server';

export interface FakeTwilioMessage {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body?: string;
  contentSid?: string;
  contentVariables?: Record<string, string>;
  statusCallback?: string;
  createdAt: number;
}

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;

/**
 * Twilio's Messages API (2010-04-01) as the twilio SDK calls it, with Basic auth, Twilio's error bodies and
 * scripted failures; plus Twilio's side of webhooks: incoming-message and status-callback requests signed with
 * X-Twilio-Signature for the account's auth token.
 */
export class FakeTwilioServer extends FakeHttpServer {
  readonly accountSid = `AC${randomBytes(16).toString('hex')}`;
  readonly authToken = randomBytes(16).toString('hex');
  readonly messages: FakeTwilioMessage[] = [];
  /** Every create request, including the ones answered with an error. */
  requests = 0;
  private readonly failures: number[] = [];
  private readonly invalidNumbers = new Set<string>();
  /** Statuses posted to a message's StatusCallback after it is created, in order. */
  autoStatuses: string[] = [];
  /** Where a callback to a public URL actually goes in a test (the signature stays over the public URL). */
  routeCallback: (publicUrl: string) => string = (url) => url;

  constructor() {
    super();
    this.app.use(express.urlencoded({ extended: false }));
    this.app.post('/2010-04-01/Accounts/:accountSid/Messages.json', (req, res) => {
      this.requests += 1;
      const auth = Buffer.from((req.get('authorization') ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
      if (auth !== `${this.accountSid}:${this.authToken}` || req.params.accountSid !== this.accountSid) {
        return void res.status(401).json({ code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
      }
      const failure = this.failures.shift();
      if (failure !== undefined) {
        const code = failure === 429 ? 20429 : failure >= 500 ? 20500 : 21211;
        return void res.status(failure).json({ code, message: `scripted ${failure}`, more_info: `https://www.twilio.com/docs/errors/${code}`, status: failure });
      }
      const params = req.body as Record<string, string>;
      const to = params.To ?? '';
      if (!/^whatsapp:\+[1-9]\d{6,14}$/.test(to) || this.invalidNumbers.has(to.replace(/^whatsapp:/, ''))) {
        return void res.status(400).json({ code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 });
      }
      if (!params.Body && !params.ContentSid) {
        return void res.status(400).json({ code: 21602, message: 'Message body is required.', more_info: 'https://www.twilio.com/docs/errors/21602', status: 400 });
      }
      const message: FakeTwilioMessage = {
        sid: sid('SM'),
        to,
        from: params.From,
        messagingServiceSid: params.MessagingServiceSid,
        body: params.Body,
        contentSid: params.ContentSid,
        contentVariables: params.ContentVariables ? (JSON.parse(params.ContentVariables) as Record<string, string>) : undefined,
        statusCallback: params.StatusCallback,
        createdAt: Date.now(),
      };
      this.messages.push(message);
      res.status(201).json({
        sid: message.sid,
        account_sid: this.accountSid,
        to: message.to,
        from: message.from ?? null,
        messaging_service_sid: message.messagingServiceSid ?? null,
        body: message.body ?? '',
        status: 'queued',
        num_segments: '1',
        num_media: '0',
        direction: 'outbound-api',
        api_version: '2010-04-01',
        date_created: new Date().toUTCString(),
        date_updated: new Date().toUTCString(),
        uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${message.sid}.json`,
      });
      if (message.statusCallback && this.autoStatuses.length > 0) {
        const statuses = [...this.autoStatuses];
        setImmediate(() => void (async () => { for (const s of statuses) await this.sendStatus(message.sid, s).catch(() => undefined); })());
      }
    });
  }

  /** Makes the next Messages.create calls fail with these HTTP statuses (429 → 20429, 5xx → 20500, 4xx → 21211). */
  failNext(...statuses: number[]): void {
    this.failures.push(...statuses);
  }

  /** Numbers Twilio refuses with 400 / 21211. */
  rejectNumber(phone: string): void {
    this.invalidNumbers.add(phone);
  }

  messagesTo(phone: string): FakeTwilioMessage[] {
    return this.messages.filter((m) => m.to === `whatsapp:${phone}`);
  }

  /** POSTs form params to a webhook as Twilio does, signed over `signedUrl` (the public URL; defaults to `url`). */
  async callWebhook(url: string, params: Record<string, string>, options: { signedUrl?: string; signature?: string | null } = {}): Promise<Response> {
    const signature = options.signature === undefined ? twilio.getExpectedTwilioSignature(this.authToken, options.signedUrl ?? url, params) : options.signature;
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'TwilioProxy/1.1', ...(signature ? { 'x-twilio-signature': signature } : {}) },
      body: new URLSearchParams(params).toString(),
    });
  }

  /** The incoming-message webhook parameters Twilio sends for a WhatsApp message. */
  inboundParams(input: { from: string; body?: string; profileName?: string; to?: string; media?: Array<{ url: string; contentType: string }>; messageSid?: string }): Record<string, string> {
    const messageSid = input.messageSid ?? sid(input.media?.length ? 'MM' : 'SM');
    const params: Record<string, string> = {
      SmsMessageSid: messageSid,
      NumMedia: String(input.media?.length ?? 0),
      ProfileName: input.profileName ?? '',
      MessageType: input.media?.length ? input.media[0]!.contentType.split('/')[0]! : 'text',
      SmsSid: messageSid,
      WaId: input.from.replace(/^\+/, ''),
      SmsStatus: 'received',
      Body: input.body ?? '',
      To: input.to ?? 'whatsapp:+14155238886',
      NumSegments: '1',
      ReferralNumMedia: '0',
      MessageSid: messageSid,
      AccountSid: this.accountSid,
      From: `whatsapp:${input.from}`,
      ApiVersion: '2010-04-01',
    };
    input.media?.forEach((m, i) => {
      params[`MediaUrl${i}`] = m.url;
      params[`MediaContentType${i}`] = m.contentType;
    });
    return params;
  }

  /** Posts a status callback for a created message to its StatusCallback URL. */
  async sendStatus(messageSid: string, status: string, errorCode?: string): Promise<Response> {
    const message = this.messages.find((m) => m.sid === messageSid);
    if (!message?.statusCallback) throw new Error(`message ${messageSid} has no status callback`);
    const params: Record<string, string> = {
      MessageSid: messageSid,
      SmsSid: messageSid,
      MessageStatus: status,
      SmsStatus: status,
      AccountSid: this.accountSid,
      To: message.to,
      From: message.from ?? '',
      ApiVersion: '2010-04-01',
      ...(errorCode ? { ErrorCode: errorCode } : {}),
    };
    return this.callWebhook(this.routeCallback(message.statusCallback), params, { signedUrl: message.statusCallback });
  }
}
