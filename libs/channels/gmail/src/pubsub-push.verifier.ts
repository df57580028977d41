import { OAuth2Client } from 'google-auth-library';
import { AppError } from '@cs/domain';
import { GOOGLE_TRANSPORT } from './gmail-api.client';

/** Google signs Pub/Sub push tokens as this issuer (both spellings occur). */
export const GOOGLE_ID_TOKEN_ISSUERS = ['accounts.google.com', 'https://accounts.google.com'];

/** A push request that is not from our subscription: 401 (no valid Google token) or 403 (valid, but not for us). */
export class PushAuthError extends AppError {
  constructor(
    readonly status: 401 | 403,
    code: string,
    message: string,
    cause?: unknown,
  ) {
    super(code, message, { retriable: false, cause });
    this.name = 'PushAuthError';
  }
}

export interface PubSubPushVerifierOptions {
  /** The audience configured on the push subscription. */
  audience: string;
  /** The service account the subscription signs tokens as. */
  serviceAccountEmail: string;
  /** Where Google's signing certificates (PEM by key id) are fetched; tests point it at a local server. */
  certsUrl?: string;
}

export interface VerifiedPush {
  email: string;
  subject: string | undefined;
}

export interface PubSubPushVerifier {
  /** Verifies an Authorization header; throws PushAuthError, or a retriable AppError when Google's keys cannot be fetched. */
  verify(authorization: string | undefined): Promise<VerifiedPush>;
}

/**
 * Verifies the OIDC token Pub/Sub attaches to every push: Google's signature (keys fetched and cached per
 * Cache-Control by google-auth-library), issuer, expiry and issue time (with the library's clock skew), then our
 * audience, and that it was minted for the expected, verified service account.
 */
export function createPubSubPushVerifier(options: PubSubPushVerifierOptions): PubSubPushVerifier {
  const client = new OAuth2Client({ transporterOptions: GOOGLE_TRANSPORT, ...(options.certsUrl ? { endpoints: { oauth2FederatedSignonPemCertsUrl: options.certsUrl } } : {}) });
  const expectedEmail = options.serviceAccountEmail.toLowerCase();
  return {
    async verify(authorization) {
      const token = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization?.trim() ?? '')?.[1];
      if (!token) throw new PushAuthError(401, 'PUBSUB_TOKEN_MISSING', 'a Bearer token is required');
      let certs;
      try {
        certs = (await client.getFederatedSignonCertsAsync()).certs;
      } catch (err) {
        throw new AppError('PUBSUB_CERTS_UNAVAILABLE', "Google's signing certificates could not be fetched", { retriable: true, cause: err });
      }
      let payload;
      try {
        payload = (await client.verifySignedJwtWithCertsAsync(token, certs, undefined, GOOGLE_ID_TOKEN_ISSUERS)).getPayload();
      } catch (err) {
        throw new PushAuthError(401, 'PUBSUB_TOKEN_INVALID', 'the token is not a valid, current Google ID token', err);
      }
      if (!payload) throw new PushAuthError(401, 'PUBSUB_TOKEN_INVALID', 'the token has no payload');
      if (payload.aud !== options.audience) throw new PushAuthError(403, 'PUBSUB_AUDIENCE_MISMATCH', 'the token was issued for another audience');
      if (payload.email?.toLowerCase() !== expectedEmail || payload.email_verified !== true) {
        throw new PushAuthError(403, 'PUBSUB_SENDER_NOT_ALLOWED', 'the token was not issued to the push service account');
      }
      return { email: payload.email, subject: payload.sub };
    },
  };
}
