import { createLogger, type Logger } from '@cs/observability';
import { Kafka, logLevel, type LogEntry, type RetryOptions, type SASLOptions } from 'kafkajs';
import type { KafkaConnectionOptions, KafkaRetryOptions } from './kafka-config';

const PINO_LEVEL: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** Routes kafkajs's logger (which prints JSON to stdout by default) into our pino logger. */
function pinoLogCreator(logger: Logger) {
  const kafkaLogger = logger.child({ component: 'kafkajs' });
  return () =>
    ({ namespace, level, log }: LogEntry) => {
      const { message, timestamp: _timestamp, logger: _name, ...fields } = log;
      kafkaLogger[PINO_LEVEL[level] ?? 'debug']({ namespace, ...fields }, message);
    };
}

// kafkajs filters before calling the log creator: ask it only for what pino would print.
function kafkaLogLevel(logger: Logger): logLevel {
  if (logger.isLevelEnabled('debug')) return logLevel.DEBUG;
  if (logger.isLevelEnabled('info')) return logLevel.INFO;
  if (logger.isLevelEnabled('warn')) return logLevel.WARN;
  if (logger.isLevelEnabled('error')) return logLevel.ERROR;
  return logLevel.NOTHING;
}

export function toKafkaRetry(retry: KafkaRetryOptions | undefined): RetryOptions | undefined {
  if (!retry) return undefined;
  return { retries: retry.retries, initialRetryTime: retry.initialRetryTimeMs, maxRetryTime: retry.maxRetryTimeMs };
}

// kafkajs types SASL as one object type per mechanism; narrowing per branch keeps the compiler honest without a cast.
function toKafkaSasl({ mechanism, username, password }: NonNullable<KafkaConnectionOptions['sasl']>): SASLOptions {
  if (mechanism === 'plain') return { mechanism, username, password };
  if (mechanism === 'scram-sha-256') return { mechanism, username, password };
  return { mechanism, username, password };
}

export function silentLogger(): Logger {
  return createLogger({ service: 'bus', level: 'silent' });
}

export function createKafkaClient(options: KafkaConnectionOptions): Kafka {
  const logger = options.logger ?? silentLogger();
  return new Kafka({
    clientId: options.clientId ?? 'cs-agent',
    brokers: options.brokers,
    ssl: options.ssl ?? false,
    ...(options.sasl ? { sasl: toKafkaSasl(options.sasl) } : {}),
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    retry: toKafkaRetry(options.retry),
    logLevel: kafkaLogLevel(logger),
    logCreator: pinoLogCreator(logger),
  });
}
