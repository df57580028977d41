import { MaxTurnsExceededError, ModelBehaviorError, ToolCallError } from '@openai/agents';
import { AppError, classifyError } from '@cs/domain';
import { parseOpenAiError } from '@cs/knowledge';
import { APIConnectionError, APIError } from 'openai';

/**
 * A run that went wrong because of the model's behaviour (too many turns, malformed tool calls) is not worth
 * retrying: the conversation goes to a human. Provider and database failures keep their retriable verdict, so the
 * message is retried and, in the end, dead-lettered.
 */
export function toAgentError(err: unknown): AppError {
  const cause = err instanceof ToolCallError ? err.error : err;
  if (cause instanceof MaxTurnsExceededError) return new AppError('AGENT_MAX_TURNS', 'the agent did not finish within its turn limit', { retriable: false, cause });
  if (cause instanceof ModelBehaviorError) return new AppError('AGENT_MODEL_BEHAVIOR', 'the model misused its tools', { retriable: false, cause });
  if (cause instanceof APIError || cause instanceof APIConnectionError) return parseOpenAiError(cause, 'agent run');
  if (cause instanceof AppError) return cause;
  const { code, message, retriable } = classifyError(cause);
  return new AppError(code === 'UNEXPECTED' ? 'AGENT_RUN_FAILED' : code, message, { retriable, cause });
}
