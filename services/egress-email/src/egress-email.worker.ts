import { join } from 'node:path';
import { createGmailApiFromEnv, createGmailReplySender, gmailApiTransport, gmailCredentialsConfigured, recordingEmailTransport, type GmailEnv, type GmailSendTransport } from '@cs/channel-gmail';
import { decodeEvent, outboundReplySchema, TOPICS, type OutboundReply } from '@cs/contracts';
import { createReliableHandler, deliverReply, recordDeadLetter } from '@cs/core';
import { counter } from '@cs/observability';
import type { Infrastructure, PipelineEnv } from '@cs/runtime';

export const EGRESS_EMAIL_CONSUMER = 'egress-email';

export type EgressEmailEnv = PipelineEnv & GmailEnv & { DATA_DIR: string };

/** Gmail when credentials are configured; otherwise replies are written as .eml files under DATA_DIR/sent/email. */
export function emailTransportFor(env: EgressEmailEnv): { transport: GmailSendTransport; recording: boolean } {
  if (gmailCredentialsConfigured(env)) return { transport: gmailApiTransport(createGmailApiFromEnv(env)), recording: false };
  return { transport: recordingEmailTransport(join(env.DATA_DIR, 'sent', 'email')), recording: true };
}

/** Consumes the email replies topic and sends each reply once, in the customer's Gmail thread. */
export async function startEgressEmail(infra: Infrastructure, env: EgressEmailEnv, overrides: { transport?: GmailSendTransport } = {}): Promise<{ stop(): Promise<void> }> {
  const logger = infra.logger.child({ component: EGRESS_EMAIL_CONSUMER });
  const chosen = overrides.transport ? { transport: overrides.transport, recording: false } : emailTransportFor(env);
  if (chosen.recording) logger.warn({ dir: join(env.DATA_DIR, 'sent', 'email') }, 'Gmail is not configured: email replies are recorded locally, not sent');
  const sender = createGmailReplySender({ transport: chosen.transport, from: { address: env.GMAIL_MAILBOX ?? 'support@localhost', name: env.GMAIL_FROM_NAME } });
  const sends = counter(infra.registry, 'egress_sends_total', 'Replies handed to a provider, by outcome', ['channel', 'outcome']);
  const settings = { resumeWindowMs: env.CONVERSATION_RESUME_WINDOW_HOURS * 3_600_000, signature: env.SUPPORT_SIGNATURE };
  const handler = createReliableHandler<OutboundReply>({
    consumerGroup: EGRESS_EMAIL_CONSUMER,
    decode: (message) => decodeEvent(outboundReplySchema, 'OutboundReply', message.value),
    handle: async (reply) => {
      const outcome = await deliverReply({ db: infra.db, sender, logger }, reply);
      sends.inc({ channel: 'email', outcome });
    },
    // A reply that cannot be delivered is dead-lettered for a human; no customer notice (that is what failed).
    deadLetter: (letter) => recordDeadLetter({ db: infra.db, relay: infra.relay, logger, settings }, letter, undefined),
    maxAttempts: env.HANDLER_MAX_ATTEMPTS,
    backoff: { initialMs: env.HANDLER_BACKOFF_INITIAL_MS, maxMs: env.HANDLER_BACKOFF_MAX_MS },
    logger,
    metrics: {
      retries: counter(infra.registry, 'consumer_retries_total', 'Handler retries', ['topic']),
      deadLetters: counter(infra.registry, 'dlq_published_total', 'Events dead-lettered', ['topic', 'code']),
    },
  });
  const subscription = await infra.bus.subscribe({ groupId: EGRESS_EMAIL_CONSUMER, topics: [TOPICS.outboundEmail], handler });
  return { stop: () => subscription.stop() };
}
