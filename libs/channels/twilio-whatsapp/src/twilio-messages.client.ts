import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { AppError } from '@cs/domain';
import { parseTwilioError } from './parse-twilio-error';
import type { TwilioWhatsappEnv } from './twilio-whatsapp.env';

/** One WhatsApp message to create: free text, or an approved template with its variables. */
export interface WhatsappMessageRequest {
  /** E.164 recipient, without the whatsapp: prefix. */
  to: string;
  body?: string;
  contentSid?: string;
  contentVariables?: Record<string, string>;
  statusCallback?: string;
}

/** Where messages go: Twilio's Messages API, or a local file when no credentials are configured. */
export interface WhatsappTransport {
  /** Identifies the sender, for per-sender rate limiting. */
  readonly sender: string;
  createMessage(request: WhatsappMessageRequest): Promise<{ sid: string }>;
}

/** Sends every request to `base` instead of api.twilio.com (a private endpoint, or the fake Twilio in tests). */
class BaseUrlRequestClient extends twilio.RequestClient {
  constructor(
    private readonly base: URL,
    options: ConstructorParameters<typeof twilio.RequestClient>[0],
  ) {
    super(options);
  }

  override request<T>(options: RequestClient.RequestOptions<T>) {
    const uri = new URL(options.uri);
    uri.protocol = this.base.protocol;
    uri.host = this.base.host;
    return super.request<T>({ ...options, uri: uri.href });
  }
}

export function createTwilioTransport(env: TwilioWhatsappEnv, options: { attempts?: number; backoff?: { initialMs: number; maxMs: number } } = {}): WhatsappTransport {
  const [username, password] = env.TWILIO_API_KEY_SID && env.TWILIO_API_KEY_SECRET ? [env.TWILIO_API_KEY_SID, env.TWILIO_API_KEY_SECRET] : [env.TWILIO_ACCOUNT_SID, env.TWILIO_AUTH_TOKEN];
  if (!env.TWILIO_ACCOUNT_SID || !username || !password) throw new Error('Twilio sending needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN (or an API key)');
  const base = new URL(env.TWILIO_API_BASE_URL);
  const httpClient = base.host === 'api.twilio.com' ? undefined : new BaseUrlRequestClient(base, { timeout: env.TWILIO_API_TIMEOUT_MS, keepAlive: true });
  // The SDK's 429 auto-retry stays off: our policy retries 429 and 5xx alike.
  const client = twilio(username, password, { accountSid: env.TWILIO_ACCOUNT_SID, timeout: env.TWILIO_API_TIMEOUT_MS, autoRetry: false, ...(httpClient ? { httpClient } : {}) });
  const policy = retry(handleWhen((err) => err instanceof AppError && err.retriable), {
    maxAttempts: Math.max(0, (options.attempts ?? 3) - 1),
    backoff: new ExponentialBackoff({ initialDelay: options.backoff?.initialMs ?? 200, maxDelay: options.backoff?.maxMs ?? 2_000 }),
  });
  const sender = env.TWILIO_MESSAGING_SERVICE_SID ?? env.TWILIO_WHATSAPP_FROM!;
  return {
    sender,
    createMessage: (request) =>
      policy.execute(async () => {
        try {
          const message = await client.messages.create({
            to: `whatsapp:${request.to}`,
            ...(env.TWILIO_MESSAGING_SERVICE_SID ? { messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID } : { from: env.TWILIO_WHATSAPP_FROM }),
            ...(request.body !== undefined ? { body: request.body } : {}),
            ...(request.contentSid ? { contentSid: request.contentSid, contentVariables: JSON.stringify(request.contentVariables ?? {}) } : {}),
            ...(request.statusCallback ? { statusCallback: request.statusCallback } : {}),
          });
          return { sid: message.sid };
        } catch (err) {
          throw parseTwilioError(err, 'messages.create');
        }
      }),
  };
}

/** The embedded mode's stand-in for Twilio: each message is appended to a JSON-lines file. */
export function recordingWhatsappTransport(file: string, sender = 'local'): WhatsappTransport {
  return {
    sender,
    async createMessage(request) {
      mkdirSync(dirname(file), { recursive: true });
      const sid = `SMlocal${randomUUID().replace(/-/g, '').slice(0, 25)}`;
      appendFileSync(file, `${JSON.stringify({ sid, at: new Date().toISOString(), ...request })}\n`);
      return { sid };
    },
  };
}
