import type { FakeGmailServer } from './fakes/fake-gmail-server';
import type { FakeGoogleOidc } from './fakes/fake-google-oidc';

/**
 * The Gmail settings that point the real googleapis and google-auth-library clients at the local fakes: OAuth refresh
 * token credentials, the Gmail API and token endpoints, the Pub/Sub topic and the push OIDC audience and signer.
 */
export function gmailTestEnv(fakes: { gmail: FakeGmailServer; google: FakeGoogleOidc; mailbox: string; audience: string }): Record<string, string> {
  return {
    GMAIL_MAILBOX: fakes.mailbox,
    GMAIL_OAUTH_CLIENT_ID: 'client.apps.googleusercontent.com',
    GMAIL_OAUTH_CLIENT_SECRET: 'secret',
    GMAIL_OAUTH_REFRESH_TOKEN: '1//refresh',
    GMAIL_API_ROOT_URL: fakes.gmail.rootUrl,
    GOOGLE_OAUTH_TOKEN_URL: fakes.gmail.tokenUrl,
    GMAIL_PUBSUB_TOPIC: 'projects/brightdesk-test/topics/gmail',
    PUBSUB_PUSH_AUDIENCE: fakes.audience,
    PUBSUB_PUSH_SERVICE_ACCOUNT: fakes.google.serviceAccountEmail,
    GOOGLE_OIDC_CERTS_URL: fakes.google.pemCertsUrl,
  };
}
