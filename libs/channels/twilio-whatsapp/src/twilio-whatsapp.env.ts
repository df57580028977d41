import { z } from 'zod';
import { booleanFromEnv } from '@cs/config';

const optionalText = z.string().trim().min(1).optional();

/** Twilio WhatsApp settings. Without credentials the webhook is not mounted and replies are recorded locally. */
export const twilioWhatsappEnv = {
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'must be an Account SID (AC + 32 hex)').optional(),
  /** Signs webhooks (X-Twilio-Signature) and, without an API key, authenticates API calls. */
  TWILIO_AUTH_TOKEN: optionalText,
  /** Optional API key for REST calls instead of the auth token. */
  TWILIO_API_KEY_SID: z.string().regex(/^SK[0-9a-fA-F]{32}$/, 'must be an API key SID (SK + 32 hex)').optional(),
  TWILIO_API_KEY_SECRET: optionalText,
  /** The WhatsApp sender: whatsapp:+14155238886 (or +14155238886). */
  TWILIO_WHATSAPP_FROM: z
    .string()
    .trim()
    .regex(/^(whatsapp:)?\+[1-9]\d{6,14}$/, 'must be whatsapp:+<E.164 number>')
    .transform((v) => (v.startsWith('whatsapp:') ? v : `whatsapp:${v}`))
    .optional(),
  /** Send through a Messaging Service instead of a single sender. */
  TWILIO_MESSAGING_SERVICE_SID: z.string().regex(/^MG[0-9a-fA-F]{32}$/, 'must be a Messaging Service SID (MG + 32 hex)').optional(),
  /** The public base URL Twilio calls (https://support.example.com): signatures are computed over it, behind any proxy. */
  TWILIO_WEBHOOK_BASE_URL: z.url().optional(),
  /** Approved WhatsApp template (Content SID, HX…) sent instead of free text outside the 24-hour window. */
  TWILIO_TEMPLATE_CONTENT_SID: z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'must be a Content SID (HX + 32 hex)').optional(),
  /** Overrides for tests and private endpoints. */
  TWILIO_API_BASE_URL: z.url().default('https://api.twilio.com'),
  TWILIO_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** Ask Twilio for status callbacks (needs TWILIO_WEBHOOK_BASE_URL). */
  TWILIO_STATUS_CALLBACKS: booleanFromEnv.default(true),
  WHATSAPP_SEND_RATE_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(10),
  WHATSAPP_SESSION_WINDOW_HOURS: z.coerce.number().min(0).max(24).default(24),
};
export type TwilioWhatsappEnv = z.infer<z.ZodObject<typeof twilioWhatsappEnv>>;

/** REST credentials and a sender: what sending needs. */
export function twilioSendingConfigured(env: TwilioWhatsappEnv): boolean {
  const credentials = Boolean(env.TWILIO_API_KEY_SID && env.TWILIO_API_KEY_SECRET) || Boolean(env.TWILIO_AUTH_TOKEN);
  return Boolean(env.TWILIO_ACCOUNT_SID) && credentials && Boolean(env.TWILIO_WHATSAPP_FROM ?? env.TWILIO_MESSAGING_SERVICE_SID);
}
