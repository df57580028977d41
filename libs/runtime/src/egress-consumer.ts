import { decodeEvent, outboundReplySchema, type OutboundReply } from '@cs/contracts';
import { createReliableHandler, deliverReply, recordDeadLetter, type ReplySender } from '@cs/core';
import { consumerMetrics, egressSendsCounter, type Logger } from '@cs/observability';
import type { Subscription } from '@cs/ports';
import type { Infrastructure } from './infrastructure';
import type { PipelineEnv } from './runtime.env';

export interface EgressConsumerSpec {
  consumerGroup: string;
  topic: string;
  sender: ReplySender;
  logger: Logger;
  /** Runs after each delivery attempt that resolved (e.g. folding in status callbacks that raced the send). */
  afterDelivery?(reply: OutboundReply, outcome: 'sent' | 'duplicate'): Promise<void>;
}

/**
 * Every egress worker: consume a channel's replies topic and hand each reply to the one reply use case (sent once per
 * reply id), with the shared retry/dead-letter policy. A reply that cannot be delivered is dead-lettered for a human,
 * without a customer notice (that is what failed).
 */
export async function subscribeEgress(infra: Infrastructure, env: PipelineEnv, spec: EgressConsumerSpec): Promise<Subscription> {
  const { logger, sender } = spec;
  const sends = egressSendsCounter(infra.registry);
  const settings = { resumeWindowMs: env.CONVERSATION_RESUME_WINDOW_HOURS * 3_600_000, signature: env.SUPPORT_SIGNATURE };
  const handler = createReliableHandler<OutboundReply>({
    consumerGroup: spec.consumerGroup,
    decode: (message) => decodeEvent(outboundReplySchema, 'OutboundReply', message.value),
    handle: async (reply) => {
      const outcome = await deliverReply({ db: infra.db, sender, logger }, reply);
      await spec.afterDelivery?.(reply, outcome);
      sends.inc({ channel: sender.channel, outcome });
    },
    deadLetter: (letter) => recordDeadLetter({ db: infra.db, relay: infra.relay, logger, settings }, letter, undefined),
    maxAttempts: env.HANDLER_MAX_ATTEMPTS,
    backoff: { initialMs: env.HANDLER_BACKOFF_INITIAL_MS, maxMs: env.HANDLER_BACKOFF_MAX_MS },
    logger,
    metrics: consumerMetrics(infra.registry),
  });
  return infra.bus.subscribe({ groupId: spec.consumerGroup, topics: [spec.topic], handler });
}
