import { AppError } from '@cs/domain';
import { APIConnectionError, APIError } from 'openai';

/** 429 and 5xx (and lost connections) are worth retrying; other 4xx are permanent. Decided by status, never text. */
export function parseOpenAiError(err: unknown, operation: string): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof APIConnectionError) return new AppError('OPENAI_UNREACHABLE', `${operation}: OpenAI unreachable`, { retriable: true, cause: err });
  if (err instanceof APIError && typeof err.status === 'number') {
    const retriable = err.status === 429 || err.status >= 500;
    const code = err.status === 429 ? 'OPENAI_RATE_LIMITED' : err.status >= 500 ? 'OPENAI_UNAVAILABLE' : err.status === 401 ? 'OPENAI_UNAUTHORIZED' : 'OPENAI_REJECTED';
    return new AppError(code, `${operation}: OpenAI answered ${err.status}`, { retriable, cause: err });
  }
  return new AppError('OPENAI_FAILED', `${operation} failed`, { retriable: true, cause: err });
}
