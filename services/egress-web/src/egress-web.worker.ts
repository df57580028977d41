import { TOPICS, type OutboundReply } from '@cs/contracts';
import type { ReplySender } from '@cs/core';
import { subscribeEgress, type Infrastructure, type PipelineEnv } from '@cs/runtime';

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
  const subscription = await subscribeEgress(infra, env, { consumerGroup: EGRESS_WEB_CONSUMER, topic: TOPICS.outboundWeb, sender: webReplySender, logger });
  return { stop: () => subscription.stop() };
}
