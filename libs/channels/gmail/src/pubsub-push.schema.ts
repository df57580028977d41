import { z } from 'zod';

/** The body Pub/Sub POSTs to a push endpoint. */
export const pubsubPushEnvelopeSchema = z.object({
  message: z.object({
    data: z.string().max(64_000),
    messageId: z.string().optional(),
    publishTime: z.string().optional(),
    attributes: z.record(z.string(), z.string()).optional(),
  }),
  subscription: z.string().optional(),
});

/** What users.watch publishes: the mailbox and its history id after the change. */
export const gmailNotificationSchema = z.object({
  emailAddress: z.email().toLowerCase(),
  historyId: z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,20}$/)),
});
export type GmailNotification = z.infer<typeof gmailNotificationSchema>;

/** Never throws: an envelope that does not carry a Gmail notification is reported, not fatal. */
export function decodeGmailPush(body: unknown): { ok: true; notification: GmailNotification; messageId?: string } | { ok: false; reason: string } {
  const envelope = pubsubPushEnvelopeSchema.safeParse(body);
  if (!envelope.success) return { ok: false, reason: 'not a Pub/Sub push envelope' };
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(envelope.data.message.data, 'base64').toString('utf8'));
  } catch {
    return { ok: false, reason: 'message.data is not base64 JSON' };
  }
  const notification = gmailNotificationSchema.safeParse(data);
  if (!notification.success) return { ok: false, reason: 'message.data is not a Gmail notification' };
  return { ok: true, notification: notification.data, messageId: envelope.data.message.messageId };
}
