import { z } from 'zod';
import { isoDateTimeSchema } from './common.schema';

export const DEAD_LETTER_SCHEMA_VERSION = 1;

export const deadLetterSchema = z.object({
  eventId: z.string().min(3).max(600),
  schemaVersion: z.literal(DEAD_LETTER_SCHEMA_VERSION),
  deadLetterId: z.string().min(8).max(64),
  /** The failed event's own eventId when it could be read. */
  originalEventId: z.string().max(512).optional(),
  correlationId: z.string().max(64).optional(),
  source: z.object({
    topic: z.string(),
    partition: z.number().int().nonnegative(),
    offset: z.string().regex(/^\d+$/),
    key: z.string().nullable(),
  }),
  /** The original payload exactly as consumed (UTF-8), so a replay republishes the same bytes. */
  payload: z.string(),
  headers: z.record(z.string(), z.string()).default({}),
  error: z.object({ code: z.string().min(1).max(100), message: z.string().max(4000), retriable: z.boolean() }),
  attempts: z.number().int().positive(),
  consumerGroup: z.string(),
  failedAt: isoDateTimeSchema,
});

export type DeadLetter = z.infer<typeof deadLetterSchema>;
export type DeadLetterInput = z.input<typeof deadLetterSchema>;
