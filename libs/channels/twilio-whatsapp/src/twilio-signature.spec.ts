import twilio from 'twilio';
import { isValidTwilioSignature, publicWebhookUrl } from './twilio-signature';

const TOKEN = '12345678901234567890123456789012';
const params = { MessageSid: 'SM0123456789abcdef0123456789abcdef', Body: 'Hello there', From: 'whatsapp:+14155550123' };

describe('X-Twilio-Signature', () => {
  const publicUrl = 'https://support.brightdesk.test/webhooks/whatsapp';
  const signature = twilio.getExpectedTwilioSignature(TOKEN, publicUrl, params);

  it('accepts the signature Twilio computed over the public URL, even when the service sees another host', () => {
    const seen = { protocol: 'http', host: '10.0.3.7:3105', originalUrl: '/webhooks/whatsapp' };
    expect(isValidTwilioSignature(TOKEN, signature, publicWebhookUrl('https://support.brightdesk.test/', seen), params)).toBe(true);
    // Without the configured base URL, the URL the service saw does not match what Twilio signed.
    expect(isValidTwilioSignature(TOKEN, signature, publicWebhookUrl(undefined, seen), params)).toBe(false);
    expect(publicWebhookUrl(undefined, { protocol: 'https', host: 'support.brightdesk.test', originalUrl: '/webhooks/whatsapp' })).toBe(publicUrl);
  });

  it('rejects a missing or wrong signature, tampered parameters and another token', () => {
    expect(isValidTwilioSignature(TOKEN, undefined, publicUrl, params)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, 'bm90IGEgc2lnbmF0dXJl', publicUrl, params)).toBe(false);
    expect(isValidTwilioSignature(TOKEN, signature, publicUrl, { ...params, Body: 'Hello there!' })).toBe(false);
    expect(isValidTwilioSignature('another-token-another-token-1234', signature, publicUrl, params)).toBe(false);
  });
});
