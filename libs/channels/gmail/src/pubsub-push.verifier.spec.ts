import { AppError } from '@cs/domain';
import { FakeGoogleOidc } from '@cs/testing';
import { createPubSubPushVerifier, PushAuthError } from './pubsub-push.verifier';

const AUDIENCE = 'https://support.brightdesk.test/webhooks/gmail';

describe('Pub/Sub push OIDC verification (google-auth-library against local Google certs)', () => {
  const google = new FakeGoogleOidc();
  let verifier: ReturnType<typeof createPubSubPushVerifier>;
  beforeAll(async () => {
    await google.start();
    verifier = createPubSubPushVerifier({ audience: AUDIENCE, serviceAccountEmail: google.serviceAccountEmail, certsUrl: google.pemCertsUrl });
  });
  afterAll(() => google.stop());

  const rejection = async (authorization: string | undefined) => {
    const err = await verifier.verify(authorization).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(PushAuthError);
    return { status: (err as PushAuthError).status, code: (err as PushAuthError).code };
  };
  const now = Math.floor(Date.now() / 1000);

  it('accepts a token Google signed for our audience and service account, and caches the keys', async () => {
    await expect(verifier.verify(`Bearer ${google.signIdToken(AUDIENCE)}`)).resolves.toMatchObject({ email: google.serviceAccountEmail });
    await verifier.verify(`Bearer ${google.signIdToken(AUDIENCE)}`);
    expect(google.certRequests).toBe(1);
  });

  it.each([
    ['no header', undefined, 401, 'PUBSUB_TOKEN_MISSING'],
    ['another scheme', 'Basic dXNlcjpwYXNz', 401, 'PUBSUB_TOKEN_MISSING'],
    ['garbage', 'Bearer not.a.token', 401, 'PUBSUB_TOKEN_INVALID'],
  ])('rejects %s', async (_what, header, status, code) => {
    expect(await rejection(header)).toEqual({ status, code });
  });

  it('rejects a forged signature, an unknown key, an expired token, a future token and a foreign issuer with 401', async () => {
    const forged = google.signIdToken(AUDIENCE, {}, { key: FakeGoogleOidc.foreignKey() });
    expect(await rejection(`Bearer ${forged}`)).toEqual({ status: 401, code: 'PUBSUB_TOKEN_INVALID' });
    expect((await rejection(`Bearer ${google.signIdToken(AUDIENCE, {}, { keyId: 'rotated-away' })}`)).status).toBe(401);
    expect((await rejection(`Bearer ${google.signIdToken(AUDIENCE, { iat: now - 7200, exp: now - 3600 })}`)).status).toBe(401);
    expect((await rejection(`Bearer ${google.signIdToken(AUDIENCE, { iat: now + 3600, exp: now + 7200 })}`)).status).toBe(401);
    expect((await rejection(`Bearer ${google.signIdToken(AUDIENCE, { iss: 'https://evil.example' })}`)).status).toBe(401);
  });

  it('rejects a valid token for another audience or another or unverified account with 403', async () => {
    expect(await rejection(`Bearer ${google.signIdToken('https://other.example/push')}`)).toEqual({ status: 403, code: 'PUBSUB_AUDIENCE_MISMATCH' });
    expect(await rejection(`Bearer ${google.signIdToken(AUDIENCE, { email: 'someone@evil.iam.gserviceaccount.com' })}`)).toEqual({ status: 403, code: 'PUBSUB_SENDER_NOT_ALLOWED' });
    expect(await rejection(`Bearer ${google.signIdToken(AUDIENCE, { email_verified: false })}`)).toEqual({ status: 403, code: 'PUBSUB_SENDER_NOT_ALLOWED' });
  });

  it("reports Google's keys being unreachable as retriable, not as the caller's fault", async () => {
    const offline = createPubSubPushVerifier({ audience: AUDIENCE, serviceAccountEmail: google.serviceAccountEmail, certsUrl: 'http://127.0.0.1:9/certs' });
    const err = await offline.verify(`Bearer ${google.signIdToken(AUDIENCE)}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).not.toBeInstanceOf(PushAuthError);
    expect((err as AppError).retriable).toBe(true);
  });
});
