import type { Channel } from '@cs/contracts';
import type { KnowledgeHit } from '@cs/knowledge';
import type { EscalationReason, TicketTriage } from '@cs/ports';
import type { HistoryEntry } from './history/customer-history.reader';

/** What the tools need, passed through the SDK's run context (never through the model). */
export interface AgentToolDeps {
  searchKnowledge(query: string, limit: number): Promise<KnowledgeHit[]>;
  readHistory(customerId: string, limit: number): Promise<HistoryEntry[]>;
  /** Which of these words head a knowledge-base section (product features, for the policy gate). */
  headingTerms?(words: readonly string[]): Promise<string[]>;
  /** Which of these words the knowledge base never uses (and are not everyday English). */
  unknownTerms?(words: readonly string[]): Promise<string[]>;
}

export interface SearchRecord {
  query: string;
  hits: KnowledgeHit[];
  best: number;
}

/**
 * The run context: who the conversation is with (fixed by the caller, so a prompt cannot point the tools at
 * another customer) and the intents the tools record. Tools never write to the database; the use case applies
 * the resulting decision in one transaction with the rest of the message's effects.
 */
export interface AgentRunContext {
  customerId: string;
  conversationId: string;
  ticketNumber: string;
  channel: Channel;
  /** Fused search score a passage needs to count as an answer (calibrated per embedding model). */
  matchThreshold: number;
  /** The words of the question the knowledge base never uses (each raised matchThreshold). */
  unknownWords?: string[];
  /** Added to matchThreshold for an article's overview (its opening before the first section). */
  overviewStep?: number;
  deps: AgentToolDeps;
  searches: SearchRecord[];
  reply?: { text: string; citedChunkIds: string[] };
  escalation?: { reason: EscalationReason; summary: string };
  ticket?: TicketTriage & { summary: string };
}

/** The score this passage needs to count as an answer: an article's overview needs more than a section does. */
export function passageBar(context: Pick<AgentRunContext, 'matchThreshold' | 'overviewStep'>, hit: Pick<KnowledgeHit, 'overview'>): number {
  return hit.overview ? context.matchThreshold + (context.overviewStep ?? 0) : context.matchThreshold;
}

export function isRelevant(context: Pick<AgentRunContext, 'matchThreshold' | 'overviewStep'>, hit: Pick<KnowledgeHit, 'overview' | 'score'>): boolean {
  return hit.score >= passageBar(context, hit);
}
