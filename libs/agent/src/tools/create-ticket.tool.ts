import { tool } from '@openai/agents';
import { TICKET_CATEGORIES, TICKET_PRIORITIES } from '@cs/ports';
import { z } from 'zod';
import type { AgentRunContext } from '../agent-context';

export const CREATE_TICKET = 'create_ticket';
const MAX_SUMMARY = 300;

const parameters = z.object({
  category: z.enum(TICKET_CATEGORIES),
  priority: z.enum(TICKET_PRIORITIES),
  summary: z.string().describe(`One line for the support team (at most ${MAX_SUMMARY} characters)`),
});

/** Files the conversation's ticket (it already exists; this sets its category and priority). Recorded, not written. */
export const createTicketTool = tool<typeof parameters, AgentRunContext>({
  name: CREATE_TICKET,
  description: "Create or update this conversation's support ticket with a category, a priority and a one-line summary.",
  parameters,
  async execute({ category, priority, summary }, runContext) {
    const context = runContext!.context;
    context.ticket = { category, priority, summary: summary.trim().slice(0, MAX_SUMMARY) };
    return `Ticket ${context.ticketNumber} filed as ${category}, priority ${priority}.`;
  },
});
