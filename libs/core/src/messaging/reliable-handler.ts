import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { randomUUID } from 'node:crypto';
import type { DeadLetterInput, DecodeResult } from '@cs/contracts';
import { classifyError } from '@cs/domain';
import type { Counter, Logger } from '@cs/observability';
import type { BusMessage, HandlerContext, MessageHandler } from '@cs/ports';

export interface ReliableHandlerOptions<T> {
  consumerGroup: string;
  decode(message: BusMessage): DecodeResult<T>;
  handle(value: T, message: BusMessage, context: HandlerContext): Promise<void>;
  /** Makes the dead letter durable (and tells the customer). Throwing here makes the bus redeliver: nothing is lost. */
  deadLetter(letter: DeadLetterInput, value: T | undefined): Promise<void>;
  /** Total attempts for a retriable failure, the first included. */
  maxAttempts: number;
  backoff: { initialMs: number; maxMs: number };
  logger: Logger;
  metrics?: { retries?: Counter; deadLetters?: Counter };
}

/**
 * Wraps a use case as a bus handler that never stalls its partition on one bad message:
 * schema-invalid → dead letter at once; permanent error → dead letter; retriable → jittered back-off,
 * then dead letter after maxAttempts.
 */
export function createReliableHandler<T>(options: ReliableHandlerOptions<T>): MessageHandler {
  const policy = retry(
    handleWhen((err) => !(err instanceof HeartbeatFailed) && classifyError(err).retriable),
    {
      maxAttempts: Math.max(0, options.maxAttempts - 1),
      backoff: new ExponentialBackoff({ initialDelay: options.backoff.initialMs, maxDelay: options.backoff.maxMs }),
    },
  );

  return async (message, context) => {
    const decoded = options.decode(message);
    if (!decoded.ok) {
      const { code, message: text } = decoded.error instanceof SyntaxError
        ? { code: 'INVALID_JSON', message: decoded.error.message }
        : { code: 'CONTRACT_VIOLATION', message: decoded.error.message };
      await options.deadLetter(buildLetter(options.consumerGroup, message, { code, message: text, retriable: false }, 1), undefined);
      options.metrics?.deadLetters?.inc({ topic: message.topic, code });
      options.logger.warn({ topic: message.topic, partition: message.partition, offset: message.offset, code }, 'invalid event dead-lettered');
      return;
    }
    let attempts = 0;
    try {
      await policy.execute(async () => {
        attempts += 1;
        if (attempts > 1) options.metrics?.retries?.inc({ topic: message.topic });
        await heartbeat(context);
        await options.handle(decoded.value, message, context);
      });
    } catch (err) {
      // A failed heartbeat (the group is rebalancing, as in every rolling update) is the membership's problem, not the
      // message's: the bus leaves it uncommitted and its partition's next owner processes it (idempotently).
      if (err instanceof HeartbeatFailed) throw err.cause;
      const error = classifyError(err);
      options.logger.error(
        { err, topic: message.topic, partition: message.partition, offset: message.offset, code: error.code, attempts },
        'event failed; dead-lettering',
      );
      await options.deadLetter(buildLetter(options.consumerGroup, message, error, attempts, decoded.value), decoded.value);
      options.metrics?.deadLetters?.inc({ topic: message.topic, code: error.code });
    }
  };
}

class HeartbeatFailed extends Error {
  constructor(override readonly cause: unknown) {
    super('consumer group heartbeat failed', { cause });
  }
}

async function heartbeat(context: HandlerContext): Promise<void> {
  try {
    await context.heartbeat();
  } catch (err) {
    throw new HeartbeatFailed(err);
  }
}

function buildLetter(
  consumerGroup: string,
  message: BusMessage,
  error: { code: string; message: string; retriable: boolean },
  attempts: number,
  value?: unknown,
): DeadLetterInput {
  const original = value && typeof value === 'object' ? (value as { eventId?: string; correlationId?: string }) : {};
  return {
    eventId: `dlq:${consumerGroup}:${message.topic}:${message.partition}:${message.offset}`,
    schemaVersion: 1,
    deadLetterId: randomUUID(),
    originalEventId: original.eventId,
    correlationId: original.correlationId ?? message.headers['x-correlation-id'],
    source: { topic: message.topic, partition: message.partition, offset: message.offset, key: message.key },
    payload: message.value.toString('utf8'),
    headers: message.headers,
    error: { ...error, message: error.message.slice(0, 4000) },
    attempts,
    consumerGroup,
    failedAt: new Date().toISOString(),
  };
}
