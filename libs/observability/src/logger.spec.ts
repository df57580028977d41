import { captureLogs } from './testing/log-capture';

describe('createLogger', () => {
  it('redacts personal data fields and card numbers in messages', () => {
    const { lines, logger } = captureLogs();
    logger.info({ customer: { email: 'jane@example.com' }, email: 'jane@example.com', eventId: 'web_form:1' }, 'card 4111 1111 1111 1111 seen');
    const line = lines[0]!;
    expect(JSON.stringify(line)).not.toContain('jane@example.com');
    expect(line.msg).toBe('card [REDACTED CARD] seen');
    expect(line.eventId).toBe('web_form:1');
    expect(line.service).toBe('test');
  });

  it('scrubs card numbers from serialized errors', () => {
    const { lines, logger } = captureLogs();
    logger.error({ err: new Error('charge failed for 4111111111111111') }, 'payment');
    expect(JSON.stringify(lines[0])).not.toContain('4111111111111111');
  });
});
