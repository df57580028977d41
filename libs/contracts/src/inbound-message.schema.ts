import { z } from 'zod';
import { channelSchema, e164Schema, isoDateTimeSchema } from './common.schema';

export const INBOUND_SCHEMA_VERSION = 1;

export const attachmentDescriptorSchema = z.object({
  filename: z.string().max(512),
  contentType: z.string().max(255),
  sizeBytes: z.number().int().nonnegative(),
  /** Provider reference to fetch the content later (Gmail attachment id, Twilio media URL). */
  providerRef: z.string().max(2048).optional(),
});

export const customerIdentifiersSchema = z
  .object({
    email: z.email().max(320).optional(),
    phone: e164Schema.optional(),
    displayName: z.string().max(200).optional(),
  })
  .refine((c) => Boolean(c.email ?? c.phone), { message: 'an email or a phone number is required' });

export const threadingSchema = z.object({
  gmailThreadId: z.string().max(255).optional(),
  /** RFC 5322 Message-ID of the inbound mail, with angle brackets. */
  messageId: z.string().max(998).optional(),
  inReplyTo: z.string().max(998).optional(),
  references: z.array(z.string().max(998)).max(100).default([]),
});

export const webFormMetaSchema = z.object({
  ticketNumber: z.string().max(32),
  category: z.enum(['general', 'technical', 'billing', 'account', 'feedback']),
  priority: z.enum(['low', 'medium', 'high']),
});

export const inboundMessageSchema = z.object({
  eventId: z.string().min(3).max(512),
  schemaVersion: z.literal(INBOUND_SCHEMA_VERSION),
  channel: channelSchema,
  providerMessageId: z.string().min(1).max(255),
  receivedAt: isoDateTimeSchema,
  correlationId: z.string().min(8).max(64),
  /** Kafka key: every message of one conversation lands on one partition, in order. */
  conversationKey: z.string().min(1).max(512),
  customer: customerIdentifiersSchema,
  subject: z.string().max(998).optional(),
  text: z.string().max(100_000),
  attachments: z.array(attachmentDescriptorSchema).max(100).default([]),
  threading: threadingSchema.optional(),
  webForm: webFormMetaSchema.optional(),
});

export type InboundMessage = z.infer<typeof inboundMessageSchema>;
export type InboundMessageInput = z.input<typeof inboundMessageSchema>;
export type AttachmentDescriptor = z.infer<typeof attachmentDescriptorSchema>;
