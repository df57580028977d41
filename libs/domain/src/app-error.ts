/**
 * Every failure the pipeline reasons about: a stable code, whether trying again can help, and the cause.
 * Consumers decide retry vs dead-letter from `retriable`, never from message text.
 */
export class AppError extends Error {
  readonly code: string;
  readonly retriable: boolean;
  constructor(code: string, message: string, options: { retriable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.retriable = options.retriable;
  }
}

/** Classifies anything thrown: AppErrors keep their code; anything unknown is retriable (a bounded number of times). */
export function classifyError(err: unknown): { code: string; message: string; retriable: boolean } {
  if (err instanceof AppError) return { code: err.code, message: err.message, retriable: err.retriable };
  if (err && typeof err === 'object' && 'code' in err && 'retriable' in err && typeof err.retriable === 'boolean') {
    return { code: String(err.code), message: err instanceof Error ? err.message : String(err), retriable: err.retriable };
  }
  return { code: 'UNEXPECTED', message: err instanceof Error ? err.message : String(err), retriable: true };
}
