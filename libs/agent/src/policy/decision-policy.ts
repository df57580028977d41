import { checkReply, escalationNotice } from '@cs/domain';
import type { AgentDecision, EscalationReason, KnowledgeCitation } from '@cs/ports';
import { isRelevant, type AgentRunContext } from '../agent-context';
import { INSTRUCTION_MARKERS } from '../agent-instructions';
import { TOOL_NAMES } from '../tools/agent-tools';

export type DecisionBase = Pick<AgentDecision, 'sentiment' | 'language' | 'toolCalls' | 'turns' | 'model'>;

export function escalate(
  context: Pick<AgentRunContext, 'channel'>,
  base: DecisionBase,
  reason: EscalationReason,
  evidence: Record<string, unknown>,
  bestKbScore: number | null,
  extra: Partial<AgentDecision> = {},
): AgentDecision {
  return { ...base, ...extra, action: 'escalate', text: escalationNotice(context.channel, reason), escalation: { reason, evidence }, citations: [], bestKbScore };
}

/** The searches as escalation evidence: each query (clipped), its best score and the article it came from. */
export function searchEvidence(context: Pick<AgentRunContext, 'searches'>): { query: string; best: number; article: string | null }[] {
  return context.searches.map((s) => ({ query: s.query.slice(0, 200), best: s.best, article: s.hits[0]?.source ?? null }));
}

/**
 * Turns what the tools recorded into the decision, enforcing in code what the prompt only asks for: an answer
 * needs a relevant passage (else no_kb_match), and it must pass the output guardrail (no prices, no refund or credit
 * promises, no leaked instructions, nothing the cited passages do not say), or it is escalated instead.
 */
export function decideFromRun(context: AgentRunContext, base: DecisionBase, finalOutput: string | undefined): AgentDecision {
  const allHits = context.searches.flatMap((s) => s.hits);
  const bestKbScore = context.searches.length > 0 ? Math.max(...context.searches.map((s) => s.best)) : null;
  const triage = context.ticket ? { ticketUpdate: { category: context.ticket.category, priority: context.ticket.priority } } : {};
  const searches = searchEvidence(context);
  const bar = { threshold: context.matchThreshold, overviewStep: context.overviewStep ?? 0, unknownWords: context.unknownWords ?? [] };
  if (context.escalation) {
    const evidence = { source: 'agent', summary: context.escalation.summary, searches, ...(context.escalation.reason === 'no_kb_match' ? bar : {}) };
    return escalate(context, base, context.escalation.reason, evidence, bestKbScore, triage);
  }
  const relevant = allHits.filter((h) => isRelevant(context, h)).sort((a, b) => b.score - a.score);
  if (relevant.length === 0) {
    return escalate(context, base, 'no_kb_match', { searches, ...bar }, bestKbScore, triage);
  }
  const text = (context.reply?.text ?? finalOutput ?? '').trim();
  const cited = relevant.filter((h) => context.reply?.citedChunkIds.includes(h.chunkId));
  const sources = cited.length > 0 ? cited : relevant.slice(0, 2);
  const verdict = text
    ? checkReply({ reply: text, passages: sources.map((h) => `${h.heading}\n${h.content}`), secrets: [...TOOL_NAMES, ...INSTRUCTION_MARKERS] })
    : { reason: 'unsupported_claim' as const, evidence: { rule: 'empty_reply' } };
  if (verdict) return escalate(context, base, verdict.reason, { source: 'output_guardrail', ...verdict.evidence }, bestKbScore, triage);
  const unique = [...new Map(sources.map((h) => [h.chunkId, h])).values()];
  const citations: KnowledgeCitation[] = unique.map((h) => ({ chunkId: h.chunkId, source: h.source, heading: h.heading, score: h.score }));
  return { ...base, ...triage, action: 'answer', text, citations, bestKbScore };
}
