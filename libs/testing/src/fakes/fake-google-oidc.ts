import { createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { FakeHttpServer } from './fake-http-server';

export interface IdTokenClaims {
  iss?: string;
  aud?: string;
  email?: string;
  email_verified?: boolean;
  sub?: string;
  iat?: number;
  exp?: number;
  [claim: string]: unknown;
}

const b64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

/**
 * Google's side of a Pub/Sub push, for tests: an RSA key whose public half is served like
 * https://www.googleapis.com/oauth2/v1/certs (PEM by key id) and v3/certs (JWKS), ID tokens signed with it
 * (RS256, issuer accounts.google.com), and push requests to an endpoint in Pub/Sub's envelope.
 */
export class FakeGoogleOidc extends FakeHttpServer {
  readonly keyId = randomBytes(20).toString('hex');
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  /** Requests the certificate endpoints answered (the verifier caches per Cache-Control). */
  certRequests = 0;

  constructor(readonly serviceAccountEmail = 'gmail-push@brightdesk-test.iam.gserviceaccount.com') {
    super();
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = pair.privateKey;
    this.publicKey = createPublicKey(pair.privateKey);
    this.app.get('/oauth2/v1/certs', (_req, res) => {
      this.certRequests += 1;
      res.set('cache-control', 'public, max-age=300').json({ [this.keyId]: this.publicKey.export({ type: 'spki', format: 'pem' }) });
    });
    this.app.get('/oauth2/v3/certs', (_req, res) => {
      this.certRequests += 1;
      const jwk = this.publicKey.export({ format: 'jwk' });
      res.set('cache-control', 'public, max-age=300').json({ keys: [{ ...jwk, kid: this.keyId, alg: 'RS256', use: 'sig' }] });
    });
  }

  get pemCertsUrl(): string {
    return `${this.baseUrl}/oauth2/v1/certs`;
  }

  /** An ID token as Pub/Sub mints it for the push service account; override any claim, or sign with another key. */
  signIdToken(audience: string, overrides: IdTokenClaims = {}, options: { key?: KeyObject; keyId?: string } = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const claims: IdTokenClaims = {
      iss: 'https://accounts.google.com',
      aud: audience,
      azp: '111111111111111111111',
      email: this.serviceAccountEmail,
      email_verified: true,
      sub: '111111111111111111111',
      iat: now,
      exp: now + 3600,
      ...overrides,
    };
    const header = b64url(JSON.stringify({ alg: 'RS256', kid: options.keyId ?? this.keyId, typ: 'JWT' }));
    const payload = b64url(JSON.stringify(claims));
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), options.key ?? this.privateKey).toString('base64url');
    return `${header}.${payload}.${signature}`;
  }

  /** A key Google never published: tokens signed with it must be refused. */
  static foreignKey(): KeyObject {
    return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  }

  /** Pub/Sub's push body for a Gmail notification. */
  static pushEnvelope(notification: { emailAddress: string; historyId: string | number }, messageId = `${Date.now()}${Math.floor(Math.random() * 1e6)}`) {
    return {
      message: {
        data: Buffer.from(JSON.stringify(notification)).toString('base64'),
        messageId,
        message_id: messageId,
        publishTime: new Date().toISOString(),
        publish_time: new Date().toISOString(),
      },
      subscription: 'projects/brightdesk-test/subscriptions/gmail-push',
    };
  }

  /** POSTs a push like Pub/Sub: Authorization: Bearer <token> (pass token null to omit the header). */
  async push(
    endpoint: string,
    notification: { emailAddress: string; historyId: string | number },
    options: { audience?: string; token?: string | null; messageId?: string } = {},
  ): Promise<Response> {
    const token = options.token === undefined ? this.signIdToken(options.audience ?? endpoint) : options.token;
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(FakeGoogleOidc.pushEnvelope(notification, options.messageId)),
    });
  }
}
