import { z } from 'zod';

/** A payload that failed validation; carries zod's field-level issues. */
export class ContractViolationError extends Error {
  readonly code = 'CONTRACT_VIOLATION';
  readonly retriable = false;
  constructor(
    readonly schemaName: string,
    readonly issues: Array<{ path: string; message: string }>,
  ) {
    super(`${schemaName} is invalid: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

export function describeIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

export type DecodeResult<T> = { ok: true; value: T } | { ok: false; error: ContractViolationError | SyntaxError };

/** Validates and serializes; producers never put an unvalidated payload on a topic. */
export function encodeEvent<S extends z.ZodType>(schema: S, name: string, value: z.input<S>): Buffer {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ContractViolationError(name, describeIssues(parsed.error));
  return Buffer.from(JSON.stringify(parsed.data));
}

/** Never throws: consumers route a failed decode to the dead-letter topic. */
export function decodeEvent<S extends z.ZodType>(schema: S, name: string, raw: Buffer | string | null): DecodeResult<z.infer<S>> {
  if (raw === null) return { ok: false, error: new ContractViolationError(name, [{ path: '', message: 'empty payload' }]) };
  let json: unknown;
  try {
    json = JSON.parse(typeof raw === 'string' ? raw : raw.toString('utf8'));
  } catch (err) {
    return { ok: false, error: err instanceof SyntaxError ? err : new SyntaxError(String(err)) };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, error: new ContractViolationError(name, describeIssues(parsed.error)) };
  return { ok: true, value: parsed.data };
}
