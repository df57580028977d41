import { z } from 'zod';
import { channelSchema, e164Schema, isoDateTimeSchema } from './common.schema';
import { threadingSchema } from './inbound-message.schema';

export const OUTBOUND_SCHEMA_VERSION = 1;

export const REPLY_KINDS = ['answer', 'escalation_notice', 'failure_notice'] as const;

export const outboundReplySchema = z.object({
  /** Stable per reply: egress records it so a redelivered reply is sent once. */
  eventId: z.string().min(3).max(512),
  schemaVersion: z.literal(OUTBOUND_SCHEMA_VERSION),
  replyId: z.string().min(8).max(64),
  channel: channelSchema,
  kind: z.enum(REPLY_KINDS),
  inReplyToEventId: z.string().min(3).max(512),
  correlationId: z.string().min(8).max(64),
  conversationId: z.string().min(8).max(64),
  ticketNumber: z.string().max(32),
  recipient: z
    .object({ email: z.email().optional(), phone: e164Schema.optional(), displayName: z.string().max(200).optional() })
    .refine((r) => Boolean(r.email ?? r.phone), { message: 'an email or a phone number is required' }),
  subject: z.string().max(998).optional(),
  text: z.string().min(1).max(20_000),
  threading: threadingSchema.optional(),
  createdAt: isoDateTimeSchema,
});

export type OutboundReply = z.infer<typeof outboundReplySchema>;
export type OutboundReplyInput = z.input<typeof outboundReplySchema>;
export type ReplyKind = OutboundReply['kind'];
