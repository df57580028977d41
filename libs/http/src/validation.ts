import type { Request, Response } from 'express';
import type { z } from 'zod';

/** Field-level validation errors, the same shape on every endpoint. */
export function sendValidationError(res: Response, error: z.ZodError): void {
  res.status(400).json({
    error: 'validation_failed',
    message: 'Some fields are invalid',
    fields: error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', message: issue.message })),
  });
}

/** Parses req.body; on failure answers 400 and returns undefined. */
export function parseBody<S extends z.ZodType>(schema: S, req: Request, res: Response): z.infer<S> | undefined {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  sendValidationError(res, parsed.error);
  return undefined;
}
