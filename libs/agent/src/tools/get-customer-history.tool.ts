import { tool } from '@openai/agents';
import { z } from 'zod';
import type { AgentRunContext } from '../agent-context';

export const GET_CUSTOMER_HISTORY = 'get_customer_history';

/** The current customer's earlier messages on every channel, oldest first. It takes no customer id on purpose. */
export const getCustomerHistoryTool = tool<z.ZodObject<{ limit: z.ZodNumber }>, AgentRunContext>({
  name: GET_CUSTOMER_HISTORY,
  description: "Read this customer's previous messages and replies across email, WhatsApp and the web form, oldest first.",
  parameters: z.object({ limit: z.number().int().min(1).max(30).describe('How many recent messages to return') }),
  errorFunction: null,
  async execute({ limit }, runContext) {
    const context = runContext!.context;
    const entries = await context.deps.readHistory(context.customerId, limit);
    return JSON.stringify({ messages: entries });
  },
});
