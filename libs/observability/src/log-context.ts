import { AsyncLocalStorage } from 'node:async_hooks';
import pino from 'pino';

/** Fields that identify the message being worked on; every log line written while it is handled carries them. */
export interface LogContext {
  correlationId?: string;
  eventId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

/**
 * Runs `work` with `context` attached to every log line it writes, however deep (use case, repository, agent):
 * the bus sets it per message from the Kafka headers, so no layer has to thread a child logger through.
 */
export function runWithLogContext<T>(context: LogContext, work: () => T): T {
  const fields: LogContext = {};
  if (context.correlationId) fields.correlationId = context.correlationId;
  if (context.eventId) fields.eventId = context.eventId;
  return storage.run(fields, work);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

/**
 * pino mixin: the current context's fields. A field the logger already binds (a child created with it) is left to
 * that binding, so a line never carries a key twice.
 */
export function logContextMixin(_merge: object, _level: number, logger: pino.Logger): object {
  const context = storage.getStore();
  if (!context) return {};
  const bound = (logger as unknown as Record<symbol, string | undefined>)[pino.symbols.chindingsSym] ?? '';
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(context)) {
    if (value !== undefined && !bound.includes(`"${key}":`)) fields[key] = value;
  }
  return fields;
}
