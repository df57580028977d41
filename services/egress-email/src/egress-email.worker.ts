import { join } from 'node:path';
import { createGmailApiFromEnv, createGmailReplySender, gmailApiTransport, gmailCredentialsConfigured, recordingEmailTransport, type GmailEnv, type GmailSendTransport } from '@cs/channel-gmail';
import { TOPICS } from '@cs/contracts';
import { subscribeEgress, type Infrastructure, type PipelineEnv } from '@cs/runtime';

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
  const subscription = await subscribeEgress(infra, env, { consumerGroup: EGRESS_EMAIL_CONSUMER, topic: TOPICS.outboundEmail, sender, logger });
  return { stop: () => subscription.stop() };
}
