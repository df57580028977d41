import pino, { type Logger, type LoggerOptions } from 'pino';
import { redactSensitiveText } from '@cs/domain';
import { logContextMixin } from './log-context';

export type { Logger } from 'pino';

/**
 * Fields that may hold personal data. pino removes them wherever they appear (one level deep and at the root),
 * so a log line can say *which* customer without saying *who*.
 */
export const PII_PATHS = [
  'email', 'phone', 'text', 'body', 'html', 'subject', 'displayName', 'message.text', 'customer',
  'recipient', 'password', 'token', 'authorization', 'cookie',
  '*.email', '*.phone', '*.text', '*.body', '*.html', '*.subject', '*.displayName', '*.customer', '*.recipient',
  '*.password', '*.token', '*.authorization', '*.cookie',
  'req.headers.authorization', 'req.headers.cookie', 'req.headers["x-twilio-signature"]',
];

export interface LoggerConfig {
  service: string;
  level?: string;
  /** Pretty output for humans at a terminal; JSON otherwise. */
  pretty?: boolean;
  destination?: pino.DestinationStream;
}

export function createLogger(config: LoggerConfig): Logger {
  const options: LoggerOptions = {
    name: config.service,
    level: config.level ?? 'info',
    base: { service: config.service },
    redact: { paths: PII_PATHS, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
    // The message being handled (correlationId, eventId) on every line, from the bus's per-message context.
    mixin: logContextMixin,
    // Card numbers and secrets can hide in free-text messages and error strings too.
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? redactSensitiveText(a) : a)) as Parameters<typeof method>;
        method.apply(this, scrubbed);
      },
    },
    serializers: { err: (err: unknown) => scrubError(pino.stdSerializers.err(err as Error)) },
  };
  if (config.destination) return pino(options, config.destination);
  if (config.pretty) return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  return pino(options);
}

function scrubError(serialized: ReturnType<typeof pino.stdSerializers.err>) {
  return { ...serialized, message: redactSensitiveText(serialized.message ?? ''), stack: redactSensitiveText(serialized.stack ?? '') };
}
