import { parseTwilioError } from './parse-twilio-error';

const rest = (status: number, code?: number) => Object.assign(new Error('twilio'), { status, code });

describe('parseTwilioError', () => {
  it.each([
    [429, 20429, 'TWILIO_RATE_LIMITED', true],
    [500, 20500, 'TWILIO_UNAVAILABLE', true],
    [503, undefined, 'TWILIO_UNAVAILABLE', true],
    [400, 21211, 'TWILIO_21211', false],
    [400, 63016, 'TWILIO_63016', false],
    [401, 20003, 'TWILIO_20003', false],
    [404, undefined, 'TWILIO_HTTP_404', false],
  ])('HTTP %d (error %s) → %s, retriable %s', (status, code, expected, retriable) => {
    expect(parseTwilioError(rest(status, code), 'messages.create')).toMatchObject({ code: expected, retriable });
  });

  it('retries network failures', () => {
    expect(parseTwilioError(Object.assign(new Error('socket'), { code: 'ECONNRESET' }), 'messages.create')).toMatchObject({ code: 'TWILIO_UNREACHABLE', retriable: true });
  });
});
