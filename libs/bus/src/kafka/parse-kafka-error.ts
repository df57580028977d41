import { AppError } from '@cs/domain';
import { KafkaJSError, KafkaJSNumberOfRetriesExceeded } from 'kafkajs';

/** The innermost error: kafkajs's retrier wraps the real failure (errors.js: NumberOfRetriesExceeded / NonRetriable with cause). */
function rootCause(err: unknown): unknown {
  let current = err;
  for (let depth = 0; depth < 10 && current instanceof Error && current.cause && current.cause !== current; depth++) current = current.cause;
  return current;
}

// 'KafkaJSConnectionError' -> 'CONNECTION_ERROR'; protocol errors carry their Kafka name in `type` already.
function codeOf(err: unknown): string {
  if (err && typeof err === 'object' && 'type' in err && typeof err.type === 'string') return err.type;
  const name = err instanceof Error ? err.name.replace(/^KafkaJS/, '') : 'UNKNOWN';
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * Maps what kafkajs throws to an AppError by class and flag, never by text. Exhausted retries stay retriable:
 * kafkajs only retries retriable failures, so a later attempt (or the outbox) may succeed.
 */
export function parseKafkaError(err: unknown, action: string): AppError {
  if (err instanceof AppError) return err;
  const cause = rootCause(err);
  const code = `KAFKA_${codeOf(cause)}`;
  const message = `${action} failed: ${cause instanceof Error ? cause.message : String(cause)}`;
  if (err instanceof KafkaJSNumberOfRetriesExceeded) return new AppError(code, message, { retriable: true, cause: err });
  if (err instanceof KafkaJSError) return new AppError(code, message, { retriable: err.retriable, cause: err });
  // Not from kafkajs (a bug, a TypeError in serialization): trying again will not help.
  return new AppError(code, message, { retriable: false, cause: err });
}
