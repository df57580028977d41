import { AppError } from '@cs/domain';
import { KafkaJSConnectionError, KafkaJSNonRetriableError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import { parseKafkaError } from './parse-kafka-error';

describe('parseKafkaError', () => {
  it('keeps exhausted retries retriable and names the root cause', () => {
    const cause = new KafkaJSConnectionError('connect ECONNREFUSED');
    const err = parseKafkaError(new KafkaJSNumberOfRetriesExceeded(cause, { retryCount: 5, retryTime: 100 }), 'publish to t');
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'KAFKA_CONNECTION_ERROR', retriable: true });
    expect(err.message).toBe('publish to t failed: connect ECONNREFUSED');
  });

  it('uses the Kafka error name of protocol errors and their retriable flag', () => {
    const protocol = new KafkaJSProtocolError({ type: 'NOT_LEADER_FOR_PARTITION', code: 6, retriable: true, message: 'x' } as never);
    expect(parseKafkaError(protocol, 'publish')).toMatchObject({ code: 'KAFKA_NOT_LEADER_FOR_PARTITION', retriable: true });
    const tooLarge = new KafkaJSProtocolError({ type: 'MESSAGE_TOO_LARGE', code: 10, retriable: false, message: 'x' } as never);
    expect(parseKafkaError(tooLarge, 'publish')).toMatchObject({ code: 'KAFKA_MESSAGE_TOO_LARGE', retriable: false });
  });

  it('treats non-retriable kafkajs errors and foreign errors as permanent', () => {
    expect(parseKafkaError(new KafkaJSNonRetriableError('Invalid topic'), 'publish')).toMatchObject({ code: 'KAFKA_NON_RETRIABLE_ERROR', retriable: false });
    expect(parseKafkaError(new TypeError('bad value'), 'publish')).toMatchObject({ code: 'KAFKA_TYPE_ERROR', retriable: false });
    const app = new AppError('X', 'y', { retriable: true });
    expect(parseKafkaError(app, 'publish')).toBe(app);
  });
});
