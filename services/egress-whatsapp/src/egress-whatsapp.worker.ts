import { join } from 'node:path';
import {
  createSendRateLimiter,
  createTwilioTransport,
  createWhatsappDeliveryStore,
  createWhatsappReplySender,
  recordingWhatsappTransport,
  refreshDeliveryStatus,
  twilioSendingConfigured,
  type TwilioWhatsappEnv,
  type WhatsappTransport,
} from '@cs/channel-twilio-whatsapp';
import { TOPICS } from '@cs/contracts';
import { subscribeEgress, type Infrastructure, type PipelineEnv } from '@cs/runtime';

export const EGRESS_WHATSAPP_CONSUMER = 'egress-whatsapp';

export type EgressWhatsappEnv = PipelineEnv & TwilioWhatsappEnv & { DATA_DIR: string };

/** Twilio when credentials are configured; otherwise messages are appended to DATA_DIR/sent/whatsapp.jsonl. */
export function whatsappTransportFor(env: EgressWhatsappEnv): { transport: WhatsappTransport; recording: boolean } {
  if (twilioSendingConfigured(env)) return { transport: createTwilioTransport(env), recording: false };
  return { transport: recordingWhatsappTransport(join(env.DATA_DIR, 'sent', 'whatsapp.jsonl')), recording: true };
}

/** Consumes the WhatsApp replies topic: each reply once, split, rate-limited, templated outside the 24-hour window. */
export async function startEgressWhatsapp(infra: Infrastructure, env: EgressWhatsappEnv, overrides: { transport?: WhatsappTransport } = {}): Promise<{ stop(): Promise<void> }> {
  const logger = infra.logger.child({ component: EGRESS_WHATSAPP_CONSUMER });
  const chosen = overrides.transport ? { transport: overrides.transport, recording: false } : whatsappTransportFor(env);
  if (chosen.recording) logger.warn({ file: join(env.DATA_DIR, 'sent', 'whatsapp.jsonl') }, 'Twilio is not configured: WhatsApp replies are recorded locally, not sent');
  const base = env.TWILIO_WEBHOOK_BASE_URL?.replace(/\/+$/, '');
  const limiter = createSendRateLimiter(env.WHATSAPP_SEND_RATE_PER_SECOND);
  const sender = createWhatsappReplySender({
    transport: chosen.transport,
    store: createWhatsappDeliveryStore(infra.db),
    limiter,
    sessionWindowMs: env.WHATSAPP_SESSION_WINDOW_HOURS * 3_600_000,
    templateContentSid: env.TWILIO_TEMPLATE_CONTENT_SID,
    statusCallbackUrl:
      base && env.TWILIO_STATUS_CALLBACKS && !chosen.recording
        ? (replyEventId, part) => `${base}/webhooks/whatsapp/status?reply=${encodeURIComponent(replyEventId)}&part=${part}`
        : undefined,
  });
  const subscription = await subscribeEgress(infra, env, {
    consumerGroup: EGRESS_WHATSAPP_CONSUMER,
    topic: TOPICS.outboundWhatsapp,
    sender,
    logger,
    // Status callbacks that arrived while the send was in progress are folded in now.
    afterDelivery: async (reply, outcome) => {
      if (outcome === 'sent') await refreshDeliveryStatus(infra.db, reply.eventId);
    },
  });
  return {
    async stop() {
      await subscription.stop();
      await limiter.stop();
    },
  };
}
