import { tool } from '@openai/agents';
import { ESCALATION_REASONS } from '@cs/ports';
import { z } from 'zod';
import type { AgentRunContext } from '../agent-context';

export const ESCALATE_TO_HUMAN = 'escalate_to_human';
const MAX_SUMMARY = 500;

const parameters = z.object({
  reason: z.enum(ESCALATION_REASONS),
  summary: z.string().describe(`What the customer needs, for the person taking over (at most ${MAX_SUMMARY} characters)`),
});

/** Hands the conversation to a person. Ends the run; the customer gets a short notice instead of an answer. */
export const escalateToHumanTool = tool<typeof parameters, AgentRunContext>({
  name: ESCALATE_TO_HUMAN,
  description: 'Hand this conversation to a human with a reason code and a summary. Use it instead of answering when policy requires.',
  parameters,
  async execute({ reason, summary }, runContext) {
    runContext!.context.escalation = { reason, summary: summary.trim().slice(0, MAX_SUMMARY) };
    return `Escalated (${reason}).`;
  },
});
