import { AppError } from '@cs/domain';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'ENOTFOUND', 'EPIPE', 'ERR_NETWORK']);

interface TwilioErrorLike {
  status?: number;
  /** Twilio's error code (21211 invalid 'To', 63016 outside the window, …) on a RestException; a system code otherwise. */
  code?: number | string;
}

/**
 * Maps what the twilio SDK throws to an AppError: 429 and 5xx retriable, other 4xx permanent (an invalid number,
 * an unapproved template), network failures retriable. The code keeps Twilio's error number for operators.
 */
export function parseTwilioError(err: unknown, operation: string): AppError {
  if (err instanceof AppError) return err;
  const e = (err ?? {}) as TwilioErrorLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  const twilioCode = typeof e.code === 'number' ? e.code : undefined;
  const message = `Twilio ${operation} failed${status ? ` with HTTP ${status}` : ''}${twilioCode ? ` (error ${twilioCode})` : ''}`;
  if (status === undefined) {
    const network = typeof e.code === 'string' && NETWORK_CODES.has(e.code);
    return new AppError(network ? 'TWILIO_UNREACHABLE' : 'TWILIO_UNEXPECTED', message, { retriable: true, cause: err });
  }
  if (status === 429) return new AppError('TWILIO_RATE_LIMITED', message, { retriable: true, cause: err });
  if (status >= 500) return new AppError('TWILIO_UNAVAILABLE', message, { retriable: true, cause: err });
  return new AppError(twilioCode ? `TWILIO_${twilioCode}` : `TWILIO_HTTP_${status}`, message, { retriable: false, cause: err });
}
