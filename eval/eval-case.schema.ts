import { readFile } from 'node:fs/promises';
import { channelSchema, e164Schema } from '@cs/contracts';
import { z } from 'zod';

/** One eval case, one JSON object per line of a .jsonl file (format in docs/agent.md). */
export const evalCaseSchema = z
  .object({
    id: z.string().min(1),
    channel: channelSchema,
    from: z.string().min(3),
    name: z.string().optional(),
    subject: z.string().optional(),
    body: z.string().min(1),
    expect: z.object({
      action: z.enum(['answer', 'escalate']),
      reason: z.string().optional(),
      article: z.string().optional(),
      /**
       * Words of the article that carry the answer ("stay there for 60 days"): a reply that cites the right article
       * but leaves them out has not answered. Matched ignoring case, whitespace and markdown emphasis.
       */
      answerContains: z.array(z.string().min(1)).optional(),
      /** Text that must never appear in the reply (instructions, other customers' data, promises). */
      mustNotContain: z.array(z.string()).optional(),
    }),
    /** Free text: what the case is about (trap, injection, typo...). */
    note: z.string().optional(),
  })
  .refine((c) => (c.channel === 'whatsapp' ? e164Schema.safeParse(c.from).success : z.email().safeParse(c.from).success), {
    message: 'from must be an E.164 phone number on WhatsApp and an email address otherwise',
  });

export type EvalCase = z.infer<typeof evalCaseSchema>;

export async function loadCases(file: string): Promise<EvalCase[]> {
  const lines = (await readFile(file, 'utf8')).split('\n').map((l) => l.trim());
  return lines.flatMap((line, i) => {
    if (!line || line.startsWith('//')) return [];
    const parsed = evalCaseSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
    return [parsed.data];
  });
}
