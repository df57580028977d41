import { z } from 'zod';
import { e164Schema } from './common.schema';

export const SUPPORT_CATEGORIES = ['general', 'technical', 'billing', 'account', 'feedback'] as const;
export const SUPPORT_PRIORITIES = ['low', 'medium', 'high'] as const;

/** Body of POST /api/v1/support/form. */
export const supportFormSchema = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(200),
  email: z.email('must be a valid email address').trim().toLowerCase().max(320),
  phone: z
    .string()
    .trim()
    .transform((p) => p.replace(/[\s().-]/g, ''))
    .pipe(e164Schema)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  subject: z.string().trim().min(5, 'must be at least 5 characters').max(200),
  category: z.enum(SUPPORT_CATEGORIES, { error: `must be one of ${SUPPORT_CATEGORIES.join(', ')}` }),
  priority: z.enum(SUPPORT_PRIORITIES, { error: `must be one of ${SUPPORT_PRIORITIES.join(', ')}` }).default('medium'),
  message: z.string().trim().min(10, 'must be at least 10 characters').max(5000, 'must be at most 5000 characters'),
});

export type SupportForm = z.infer<typeof supportFormSchema>;

export const supportFormAcceptedSchema = z.object({
  ticketId: z.string(),
  status: z.string(),
  message: z.string(),
  createdAt: z.string(),
  /** Unguessable token that lets the customer (and only them) read the ticket. */
  statusToken: z.string(),
  statusUrl: z.string(),
});
export type SupportFormAccepted = z.infer<typeof supportFormAcceptedSchema>;
