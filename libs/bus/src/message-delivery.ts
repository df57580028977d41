import { HEADERS } from '@cs/contracts';
import { runWithLogContext, type Logger } from '@cs/observability';
import type { BusMetrics } from './bus-metrics';
import type { BusMessage, HandlerContext, MessageHandler } from './event-bus.port';

export type DeliveryOutcome = 'handled' | 'failed' | 'abandoned';

export interface MessageDeliveryOptions {
  groupId: string;
  handler: MessageHandler;
  metrics: BusMetrics;
  logger: Logger;
}

/**
 * One handler call as both adapters make it: timed, counted, failures logged and swallowed (the adapter
 * redelivers), and cut short when the subscription abandons its in-flight work.
 */
export class MessageDelivery {
  // Offset that failed last, per topic-partition: a delivery of the same offset again is a redelivery.
  private readonly lastFailed = new Map<string, string>();

  constructor(private readonly options: MessageDeliveryOptions) {}

  /** `abandon` aborted (before or during the call) means: stop waiting, leave the offset uncommitted. */
  async run(message: BusMessage, context: HandlerContext, abandon: AbortSignal): Promise<DeliveryOutcome> {
    const { groupId, handler, metrics, logger } = this.options;
    const { topic, partition, offset } = message;
    const slot = `${topic}:${partition}`;
    if (this.lastFailed.get(slot) === offset) metrics.redelivered(topic, groupId);
    const started = performance.now();
    let error: unknown;
    // Promise.resolve().then: a handler that throws synchronously is a failure like any other.
    // Every log line the handler writes, however deep, names the message it is about.
    const logContext = { correlationId: message.headers[HEADERS.correlationId], eventId: message.headers[HEADERS.eventId] };
    const attempt = runWithLogContext(logContext, () => Promise.resolve().then(() => handler(message, context)))
      .then(
        () => 'handled' as const,
        (err: unknown) => {
          error = err;
          return 'failed' as const;
        },
      );
    // A listener removed after each call, not a promise per subscription: reactions would pile up per message.
    let onAbort = () => undefined as void;
    const abandoned = new Promise<'abandoned'>((resolve) => {
      onAbort = () => resolve('abandoned');
      if (abandon.aborted) onAbort();
      else abandon.addEventListener('abort', onAbort, { once: true });
    });
    const outcome = await Promise.race([attempt, abandoned]).finally(() => abandon.removeEventListener('abort', onAbort));
    if (outcome === 'abandoned') return outcome;
    metrics.handlerSeconds(topic, groupId, (performance.now() - started) / 1000);
    if (outcome === 'handled') {
      this.lastFailed.delete(slot);
      metrics.consumed(topic, groupId);
    } else {
      this.lastFailed.set(slot, offset);
      metrics.handlerFailed(topic, groupId);
      runWithLogContext(logContext, () =>
        logger.warn({ err: error, topic, partition, offset, groupId }, 'bus handler failed; the message will be redelivered'),
      );
    }
    return outcome;
  }
}
