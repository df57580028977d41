import { z } from 'zod';

export const CHANNELS = ['email', 'whatsapp', 'web_form'] as const;
export const channelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof channelSchema>;

/** E.164: a plus sign, then up to 15 digits, no leading zero. */
export const e164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +14155550123');

export const isoDateTimeSchema = z.iso.datetime({ offset: true });

/** eventId = channel + provider message id, so every redelivery of one provider message has one id. */
export function makeEventId(channel: Channel, providerMessageId: string): string {
  return `${channel}:${providerMessageId}`;
}
