import { z } from 'zod';

const optionalText = z.string().trim().min(1).optional();

/** Gmail API access for one support mailbox. Unset credentials leave the channel inert (the embedded mode). */
export const gmailEnv = {
  /** The support mailbox, e.g. support@example.com: watched for mail, and the From of every reply. */
  GMAIL_MAILBOX: z.email().toLowerCase().optional(),
  GMAIL_FROM_NAME: z.string().min(1).max(100).default('Brightdesk Support'),
  /** Service account with domain-wide delegation (Google Workspace): the key file's path or its JSON. */
  GOOGLE_SERVICE_ACCOUNT_KEY_FILE: optionalText,
  GOOGLE_SERVICE_ACCOUNT_KEY: optionalText,
  /** Or an OAuth client and the mailbox owner's refresh token (consumer Gmail). */
  GMAIL_OAUTH_CLIENT_ID: optionalText,
  GMAIL_OAUTH_CLIENT_SECRET: optionalText,
  GMAIL_OAUTH_REFRESH_TOKEN: optionalText,
  /** Overrides for tests and private endpoints. */
  GMAIL_API_ROOT_URL: z.url().default('https://gmail.googleapis.com/'),
  GOOGLE_OAUTH_TOKEN_URL: z.url().default('https://oauth2.googleapis.com/token'),
  GMAIL_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
};
export type GmailEnv = z.infer<z.ZodObject<typeof gmailEnv>>;

/** Inbound only: Pub/Sub push authentication, the watch, and the resync bound. */
export const gmailIngressEnv = {
  ...gmailEnv,
  /** projects/<project>/topics/<topic> that users.watch publishes to. */
  GMAIL_PUBSUB_TOPIC: z.string().regex(/^projects\/[^/]+\/topics\/[^/]+$/, 'must be projects/<project>/topics/<topic>').optional(),
  GMAIL_WATCH_RENEW_INTERVAL_HOURS: z.coerce.number().min(1).max(24 * 6).default(24),
  /** How many recent messages a resync reads when the history cursor has expired. */
  GMAIL_RESYNC_MAX_MESSAGES: z.coerce.number().int().min(1).max(500).default(100),
  /** The audience set on the push subscription's OIDC token (usually the push endpoint URL). */
  PUBSUB_PUSH_AUDIENCE: optionalText,
  /** The service account the push subscription signs its tokens as. */
  PUBSUB_PUSH_SERVICE_ACCOUNT: z.email().optional(),
  /** Google's OIDC signing certificates (PEM by key id); overridden in tests. */
  GOOGLE_OIDC_CERTS_URL: z.url().default('https://www.googleapis.com/oauth2/v1/certs'),
};
export type GmailIngressEnv = z.infer<z.ZodObject<typeof gmailIngressEnv>>;

export function gmailCredentialsConfigured(env: GmailEnv): boolean {
  const serviceAccount = Boolean(env.GOOGLE_SERVICE_ACCOUNT_KEY_FILE ?? env.GOOGLE_SERVICE_ACCOUNT_KEY);
  const oauth = Boolean(env.GMAIL_OAUTH_CLIENT_ID && env.GMAIL_OAUTH_CLIENT_SECRET && env.GMAIL_OAUTH_REFRESH_TOKEN);
  return Boolean(env.GMAIL_MAILBOX) && (serviceAccount || oauth);
}

/** What is missing for Gmail ingress to run; empty when it is configured. */
export function gmailIngressProblems(env: GmailIngressEnv): string[] {
  const problems: string[] = [];
  if (!env.GMAIL_MAILBOX) problems.push('GMAIL_MAILBOX');
  if (!gmailCredentialsConfigured(env)) problems.push('GOOGLE_SERVICE_ACCOUNT_KEY_FILE or GMAIL_OAUTH_CLIENT_ID/_SECRET/_REFRESH_TOKEN');
  if (!env.PUBSUB_PUSH_AUDIENCE) problems.push('PUBSUB_PUSH_AUDIENCE');
  if (!env.PUBSUB_PUSH_SERVICE_ACCOUNT) problems.push('PUBSUB_PUSH_SERVICE_ACCOUNT');
  return problems;
}
