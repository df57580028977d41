import { createTicketTool, CREATE_TICKET } from './create-ticket.tool';
import { escalateToHumanTool, ESCALATE_TO_HUMAN } from './escalate-to-human.tool';
import { getCustomerHistoryTool, GET_CUSTOMER_HISTORY } from './get-customer-history.tool';
import { searchKnowledgeBaseTool, SEARCH_KNOWLEDGE_BASE } from './search-knowledge-base.tool';
import { sendResponseTool, SEND_RESPONSE } from './send-response.tool';

export { CREATE_TICKET, ESCALATE_TO_HUMAN, GET_CUSTOMER_HISTORY, SEARCH_KNOWLEDGE_BASE, SEND_RESPONSE };

/**
 * Hosted models get these tools in strict mode, whose JSON Schema subset has no string lengths and no defaults (the
 * API refuses the whole request otherwise): those limits are applied in each tool's execute instead.
 */
export const AGENT_TOOLS = [searchKnowledgeBaseTool, getCustomerHistoryTool, createTicketTool, escalateToHumanTool, sendResponseTool];

/** The tools that end a run: the decision is made once the agent answers or escalates. */
export const FINAL_TOOLS = [SEND_RESPONSE, ESCALATE_TO_HUMAN];

export const TOOL_NAMES = [SEARCH_KNOWLEDGE_BASE, GET_CUSTOMER_HISTORY, CREATE_TICKET, ESCALATE_TO_HUMAN, SEND_RESPONSE];
