import type { InboundMessage } from '@cs/contracts';
import type { AgentDecision, Queryable } from '@cs/ports';

export type TraceStage = 'received' | 'published' | 'processed' | 'reply_published' | 'delivered' | 'dead_lettered' | 'replayed';

/** One step of a message's path, keyed by eventId and correlation id (GET /api/v1/messages/:eventId/trace). */
export async function recordTrace(
  tx: Queryable,
  entry: { event: Pick<InboundMessage, 'eventId' | 'correlationId'>; stage: TraceStage; service: string; detail?: Record<string, unknown> },
): Promise<void> {
  await tx.query(
    'INSERT INTO message_traces (correlation_id, event_id, stage, service, detail) VALUES ($1, $2, $3, $4, $5)',
    [entry.event.correlationId, entry.event.eventId, entry.stage, entry.service, JSON.stringify(entry.detail ?? {})],
  );
}

export async function recordAgentRun(
  tx: Queryable,
  run: { event: InboundMessage; conversationId: string; decision: AgentDecision; latencyMs: number },
): Promise<void> {
  const { decision } = run;
  await tx.query(
    `INSERT INTO agent_metrics (conversation_id, channel, event_id, action, escalation_reason, latency_ms, tool_calls, turns, model, best_kb_score)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [run.conversationId, run.event.channel, run.event.eventId, decision.action === 'escalate' ? 'escalated' : 'answered',
      decision.escalation?.reason ?? null, run.latencyMs, JSON.stringify(decision.toolCalls), decision.turns, decision.model, decision.bestKbScore],
  );
}
