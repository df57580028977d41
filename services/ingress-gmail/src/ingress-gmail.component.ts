import { createGmailApiFromEnv, createPubSubPushVerifier, gmailIngressProblems, type GmailApi, type GmailIngressEnv } from '@cs/channel-gmail';
import { counter } from '@cs/observability';
import type { Infrastructure, ServiceComponent } from '@cs/runtime';
import { createGmailMailboxSync } from './gmail-mailbox-sync';
import { createGmailPushRouter } from './gmail-push.router';
import { startGmailWatchRenewal } from './gmail-watch.scheduler';

/**
 * The Gmail ingress: the Pub/Sub push endpoint and the daily users.watch renewal. Without a mailbox, credentials and
 * push authentication settings it mounts nothing (the embedded mode without Google).
 */
export async function startIngressGmail(infra: Infrastructure, env: GmailIngressEnv, overrides: { api?: GmailApi } = {}): Promise<ServiceComponent> {
  const logger = infra.logger.child({ component: 'ingress-gmail' });
  const missing = gmailIngressProblems(env);
  if (missing.length > 0) {
    logger.info({ missing }, 'Gmail channel not configured; POST /webhooks/gmail is not mounted');
    return { stop: async () => undefined };
  }
  const mailbox = env.GMAIL_MAILBOX!;
  const api = overrides.api ?? createGmailApiFromEnv(env);
  const sync = createGmailMailboxSync({
    db: infra.db,
    relay: infra.relay,
    api,
    mailbox,
    logger,
    resyncMaxMessages: env.GMAIL_RESYNC_MAX_MESSAGES,
    metrics: { messages: counter(infra.registry, 'gmail_messages_total', 'Gmail messages seen by ingress, by outcome', ['outcome']) },
  });
  const verifier = createPubSubPushVerifier({ audience: env.PUBSUB_PUSH_AUDIENCE!, serviceAccountEmail: env.PUBSUB_PUSH_SERVICE_ACCOUNT!, certsUrl: env.GOOGLE_OIDC_CERTS_URL });
  const watch = env.GMAIL_PUBSUB_TOPIC
    ? startGmailWatchRenewal({ db: infra.db, api, mailbox, topicName: env.GMAIL_PUBSUB_TOPIC, intervalMs: env.GMAIL_WATCH_RENEW_INTERVAL_HOURS * 3_600_000, logger })
    : undefined;
  if (!watch) logger.warn('GMAIL_PUBSUB_TOPIC is not set: users.watch is not renewed by this service');
  return {
    router: createGmailPushRouter({ verifier, sync, mailbox }),
    async stop() {
      watch?.stop();
      await sync.drain();
    },
  };
}
