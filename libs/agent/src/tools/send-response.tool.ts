import { tool } from '@openai/agents';
import { z } from 'zod';
import type { AgentRunContext } from '../agent-context';

export const SEND_RESPONSE = 'send_response';

const parameters = z.object({
  text: z.string().describe('The reply body; greeting, ticket reference and signature are added for the channel'),
  citedChunkIds: z.array(z.string()).max(5).describe('chunkId of every passage the reply relies on'),
});

/** Queues the reply (the output guardrail checks it before anything is stored). Ends the run. */
export const sendResponseTool = tool<typeof parameters, AgentRunContext>({
  name: SEND_RESPONSE,
  description: 'Send the answer to the customer, citing the knowledge-base passages it is based on.',
  parameters,
  async execute({ text, citedChunkIds }, runContext) {
    runContext!.context.reply = { text, citedChunkIds };
    return 'Response queued.';
  },
});
