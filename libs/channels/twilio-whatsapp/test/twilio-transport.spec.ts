import { z } from 'zod';
import { createTwilioTransport, twilioWhatsappEnv } from '../src';
import { FakeTwilioServer } from '@cs/testing';

// The real twilio SDK (Messages API, Basic auth, error bodies) against a local Twilio.
describe('Twilio transport (real SDK, fake Twilio)', () => {
  const twilio = new FakeTwilioServer();
  let transport: ReturnType<typeof createTwilioTransport>;
  beforeAll(async () => {
    await twilio.start();
    const env = z.object(twilioWhatsappEnv).parse({
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_WHATSAPP_FROM: '+14155238886',
      TWILIO_API_BASE_URL: twilio.baseUrl,
    });
    transport = createTwilioTransport(env, { backoff: { initialMs: 5, maxMs: 20 } });
  });
  afterAll(() => twilio.stop());

  it('creates a WhatsApp message from the configured sender', async () => {
    const { sid } = await transport.createMessage({ to: '+14155550123', body: 'Hello', statusCallback: 'https://x.test/status?reply=a&part=0' });
    expect(sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.messages.at(-1)).toMatchObject({ sid, to: 'whatsapp:+14155550123', from: 'whatsapp:+14155238886', body: 'Hello', statusCallback: 'https://x.test/status?reply=a&part=0' });
  });

  it('sends a template with its content variables', async () => {
    await transport.createMessage({ to: '+14155550123', contentSid: 'HX0123456789abcdef0123456789abcdef', contentVariables: { '1': 'Sam', '2': 'TKT-8F3K2Q' } });
    expect(twilio.messages.at(-1)).toMatchObject({ contentSid: 'HX0123456789abcdef0123456789abcdef', contentVariables: { '1': 'Sam', '2': 'TKT-8F3K2Q' } });
  });

  it('retries 429 and 500 inside the call; an invalid number is permanent', async () => {
    twilio.failNext(429, 500);
    const before = twilio.requests;
    await transport.createMessage({ to: '+14155550123', body: 'after retries' });
    expect(twilio.requests - before).toBe(3);
    twilio.rejectNumber('+14155550000');
    await expect(transport.createMessage({ to: '+14155550000', body: 'x' })).rejects.toMatchObject({ code: 'TWILIO_21211', retriable: false });
  });
});
