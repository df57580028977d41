import { decodeEvent, outboundReplySchema, TOPICS, type OutboundReply } from '@cs/contracts';
import { createReliableHandler, deliverReply, recordDeadLetter, type ReplySender } from '@cs/core';
import { consumerMetrics, egressSendsCounter } from '@cs/observability';
import type { Infrastructure, PipelineEnv } from '@cs/runtime';

export const EGRESS_WEB_CONSUMER = 'egress-web';

/** The web channel's "send": the reply becomes visible on the customer's ticket page once its delivery is recorded. */
export const webReplySender: ReplySender = {
  channel: 'web_form',
  async send(_reply: OutboundReply) {
    return { providerMessageId: null };
  },
};

export async function startEgressWeb(infra: Infrastructure, env: PipelineEnv): Promise<{ stop(): Promise<void> }> {
  const logger = infra.logger.child({ component: EGRESS_WEB_CONSUMER });
  const sends = egressSendsCounter(infra.registry);
  const settings = { resumeWindowMs: env.CONVERSATION_RESUME_WINDOW_HOURS * 3_600_000, signature: env.SUPPORT_SIGNATURE };
  const handler = createReliableHandler<OutboundReply>({
    consumerGroup: EGRESS_WEB_CONSUMER,
    decode: (message) => decodeEvent(outboundReplySchema, 'OutboundReply', message.value),
    handle: async (reply) => {
      const outcome = await deliverReply({ db: infra.db, sender: webReplySender, logger }, reply);
      sends.inc({ channel: 'web_form', outcome });
    },
    // A reply that cannot be delivered is dead-lettered for a human; no customer notice (that is what failed).
    deadLetter: (letter) => recordDeadLetter({ db: infra.db, relay: infra.relay, logger, settings }, letter, undefined),
    maxAttempts: env.HANDLER_MAX_ATTEMPTS,
    backoff: { initialMs: env.HANDLER_BACKOFF_INITIAL_MS, maxMs: env.HANDLER_BACKOFF_MAX_MS },
    logger,
    metrics: consumerMetrics(infra.registry),
  });
  const subscription = await infra.bus.subscribe({ groupId: EGRESS_WEB_CONSUMER, topics: [TOPICS.outboundWeb], handler });
  return { stop: () => subscription.stop() };
}
