import type { Channel, InboundMessage } from '@cs/contracts';

export const ESCALATION_REASONS = ['pricing', 'refund', 'legal', 'human_requested', 'negative_sentiment', 'no_kb_match', 'unsupported_claim', 'processing_failure'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

export interface KnowledgeCitation {
  chunkId: string;
  source: string;
  heading: string;
  score: number;
}

export const TICKET_CATEGORIES = ['general', 'technical', 'billing', 'account', 'feedback'] as const;
export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;

/** How the agent files the conversation's ticket (its `create_ticket` tool). */
export interface TicketTriage {
  category: (typeof TICKET_CATEGORIES)[number];
  priority: (typeof TICKET_PRIORITIES)[number];
}

export interface AgentRequest {
  event: InboundMessage;
  customerId: string;
  conversationId: string;
  ticketNumber: string;
  customerName?: string;
}

/** What the agent decided. The use case applies it atomically with the rest of the message's effects. */
export interface AgentDecision {
  action: 'answer' | 'escalate';
  /** Reply body before channel formatting. */
  text: string;
  escalation?: { reason: EscalationReason; evidence: Record<string, unknown> };
  citations: KnowledgeCitation[];
  bestKbScore: number | null;
  sentiment: number | null;
  language: string | null;
  /** Tool names in the order the model called them. */
  toolCalls: string[];
  turns: number;
  model: string;
  /** Category and priority for the conversation's ticket, when the agent triaged it. */
  ticketUpdate?: TicketTriage;
}

/** The customer-success agent: decides how to answer one inbound message. */
export interface CustomerAgent {
  decide(request: AgentRequest): Promise<AgentDecision>;
}

export type { Channel };
