import { inboundMessageSchema, type InboundMessage } from '@cs/contracts';
import { processInbound, type ProcessInboundDeps } from '@cs/core';
import { checkReplyFormat } from '@cs/domain';
import type { KnowledgeHit } from '@cs/knowledge';
import type { KnowledgeCitation } from '@cs/ports';
import type { EvalCase } from './eval-case.schema';

export interface CaseOutcome {
  id: string;
  channel: EvalCase['channel'];
  expect: EvalCase['expect'];
  action: 'answer' | 'escalate' | 'none';
  reason: string | null;
  /** What the escalation rests on, as stored on the ticket (matched rule, unknown words, threshold, searches). */
  evidence: Record<string, unknown> | null;
  citedArticles: string[];
  reply: string;
  bestKbScore: number | null;
  sentiment: number | null;
  language: string | null;
  toolCalls: string[];
  turns: number | null;
  formatViolations: string[];
  forbiddenFound: string[];
  /** The expected answer phrases (expect.answerContains) the reply leaves out; empty when it has them all. */
  answerMissing: string[];
  whatsappLong: boolean;
  /** With --trace: every search the agent made, with its candidates and their score parts. */
  searches?: Array<{ query: string; hits: KnowledgeHit[] }>;
}

export function eventFor(c: EvalCase, index: number): InboundMessage {
  const key = `eval-${index}-${c.id}`;
  return inboundMessageSchema.parse({
    eventId: `${c.channel}:${key}`,
    schemaVersion: 1,
    channel: c.channel,
    providerMessageId: key,
    receivedAt: new Date().toISOString(),
    correlationId: `corr-${key}`.slice(0, 64),
    conversationKey: key,
    customer: c.channel === 'whatsapp' ? { phone: c.from, displayName: c.name } : { email: c.from, displayName: c.name },
    subject: c.subject,
    text: c.body,
    attachments: [],
  });
}

/** Text as a reader sees it: no markdown emphasis or code marks, one kind of quote and dash, single spaces, lower case. */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/[*`_]/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The phrases a reply leaves out, compared as a reader sees them (normalizeForMatch). */
export function missingPhrases(reply: string, phrases: string[]): string[] {
  const text = normalizeForMatch(reply);
  return phrases.filter((phrase) => !text.includes(normalizeForMatch(phrase)));
}

/** Runs one case through the message-processor's own use case, then reads back what it stored. */
export async function runCase(deps: ProcessInboundDeps, c: EvalCase, index: number): Promise<CaseOutcome> {
  const event = eventFor(c, index);
  await processInbound(deps, event);
  const { db } = deps;
  const inbound = await db.query<{ conversation_id: string; sentiment: number | null; language: string | null }>(
    'SELECT conversation_id, sentiment, language FROM messages WHERE event_id = $1',
    [event.eventId],
  );
  const conversationId = inbound.rows[0]?.conversation_id;
  const reply = await db.query<{ body: string; kind: string; cited_chunks: KnowledgeCitation[] }>(
    `SELECT body, kind, cited_chunks FROM messages WHERE conversation_id = $1 AND direction = 'outbound' ORDER BY created_at DESC LIMIT 1`,
    [conversationId],
  );
  const ticket = await db.query<{ number: string; escalation_reason: string | null; escalation_evidence: Record<string, unknown> | null; best_kb_score: number | null }>(
    'SELECT number, escalation_reason, escalation_evidence, best_kb_score FROM tickets WHERE conversation_id = $1 ORDER BY created_at DESC LIMIT 1',
    [conversationId],
  );
  const metrics = await db.query<{ tool_calls: string[]; turns: number | null }>('SELECT tool_calls, turns FROM agent_metrics WHERE event_id = $1', [event.eventId]);
  const out = reply.rows[0];
  const text = out?.body ?? '';
  const format = out ? checkReplyFormat(c.channel, text, ticket.rows[0]?.number ?? '') : { violations: [], long: false };
  const lower = text.toLowerCase();
  return {
    id: c.id,
    channel: c.channel,
    expect: c.expect,
    action: !out ? 'none' : out.kind === 'answer' ? 'answer' : 'escalate',
    reason: ticket.rows[0]?.escalation_reason ?? null,
    evidence: ticket.rows[0]?.escalation_evidence ?? null,
    citedArticles: [...new Set((out?.cited_chunks ?? []).map((x) => x.source))],
    reply: text,
    bestKbScore: ticket.rows[0]?.best_kb_score ?? null,
    sentiment: inbound.rows[0]?.sentiment ?? null,
    language: inbound.rows[0]?.language ?? null,
    toolCalls: metrics.rows[0]?.tool_calls ?? [],
    turns: metrics.rows[0]?.turns ?? null,
    formatViolations: format.violations,
    forbiddenFound: (c.expect.mustNotContain ?? []).filter((s) => lower.includes(s.toLowerCase())),
    answerMissing: missingPhrases(text, c.expect.answerContains ?? []),
    whatsappLong: format.long,
  };
}
