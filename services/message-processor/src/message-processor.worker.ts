import { decodeEvent, inboundMessageSchema, TOPICS } from '@cs/contracts';
import { createReliableHandler, instrumentAgent, processInbound, recordDeadLetter, PROCESSOR_CONSUMER } from '@cs/core';
import { consumerMetrics, counter, histogram } from '@cs/observability';
import type { CustomerAgent, Subscription } from '@cs/ports';
import type { Infrastructure, PipelineEnv } from '@cs/runtime';

export interface MessageProcessorWorker {
  stop(): Promise<void>;
}

/** Consumes the inbound topic in the message-processor group and runs each event through processInbound. */
export async function startMessageProcessor(infra: Infrastructure, env: PipelineEnv, agent: CustomerAgent): Promise<MessageProcessorWorker> {
  const logger = infra.logger.child({ component: PROCESSOR_CONSUMER });
  const settings = { resumeWindowMs: env.CONVERSATION_RESUME_WINDOW_HOURS * 3_600_000, signature: env.SUPPORT_SIGNATURE };
  const deps = { db: infra.db, agent: instrumentAgent(agent, infra.registry), relay: infra.relay, logger, settings };
  const processed = counter(infra.registry, 'processor_events_total', 'Inbound events by outcome', ['channel', 'outcome']);
  const latency = histogram(infra.registry, 'processor_handler_duration_seconds', 'Time to process one inbound event', ['channel']);
  const handler = createReliableHandler({
    consumerGroup: PROCESSOR_CONSUMER,
    decode: (message) => decodeEvent(inboundMessageSchema, 'InboundMessage', message.value),
    handle: async (event) => {
      const end = latency.startTimer({ channel: event.channel });
      const outcome = await processInbound(deps, event);
      end();
      processed.inc({ channel: event.channel, outcome });
      logger.debug({ eventId: event.eventId, correlationId: event.correlationId, outcome }, 'inbound event handled');
    },
    deadLetter: (letter, event) => recordDeadLetter(deps, letter, event),
    maxAttempts: env.HANDLER_MAX_ATTEMPTS,
    backoff: { initialMs: env.HANDLER_BACKOFF_INITIAL_MS, maxMs: env.HANDLER_BACKOFF_MAX_MS },
    logger,
    metrics: consumerMetrics(infra.registry),
  });
  const subscription: Subscription = await infra.bus.subscribe({ groupId: PROCESSOR_CONSUMER, topics: [TOPICS.inbound], handler });
  return { stop: () => subscription.stop() };
}
