import { z } from 'zod';

const sid = z.string().regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, 'must be a Twilio SID');

/** The form fields of Twilio's incoming-message webhook for WhatsApp (Media fields are numbered, read separately). */
export const twilioInboundSchema = z.object({
  MessageSid: sid,
  AccountSid: sid.optional(),
  From: z.string().regex(/^whatsapp:\+?[1-9]\d{6,14}$/, 'must be whatsapp:+<number>'),
  To: z.string().optional(),
  Body: z.string().max(4096).default(''),
  NumMedia: z.coerce.number().int().min(0).max(10).default(0),
  ProfileName: z.string().max(200).optional(),
  WaId: z.string().regex(/^[1-9]\d{6,14}$/).optional(),
});
export type TwilioInbound = z.infer<typeof twilioInboundSchema>;

/** Twilio's message status callback. */
export const twilioStatusSchema = z.object({
  MessageSid: sid,
  MessageStatus: z.string().min(1).max(32),
  ErrorCode: z.string().max(16).optional(),
});
export type TwilioStatus = z.infer<typeof twilioStatusSchema>;

export interface TwilioMedia {
  url: string;
  contentType: string;
}

/** MediaUrl0…MediaUrlN-1 with their content types. */
export function mediaOf(params: Record<string, unknown>, count: number): TwilioMedia[] {
  const media: TwilioMedia[] = [];
  for (let i = 0; i < count; i++) {
    const url = params[`MediaUrl${i}`];
    if (typeof url !== 'string' || !url) continue;
    const type = params[`MediaContentType${i}`];
    media.push({ url, contentType: typeof type === 'string' && type ? type : 'application/octet-stream' });
  }
  return media;
}
