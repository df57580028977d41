import type { Queryable } from '@cs/ports';

export type TraceStepStage =
  | 'received'
  | 'published'
  | 'processed'
  | 'reply_queued'
  | 'reply_published'
  | 'delivered'
  | 'delivery_failed'
  | 'dead_lettered'
  | 'replayed';

export interface TraceStep {
  stage: TraceStepStage;
  at: string;
  /** The service or consumer group that did it, when known. */
  service?: string;
  detail: Record<string, unknown>;
}

export interface MessageTrace {
  eventId: string;
  correlationId: string | null;
  channel: string | null;
  ticket: { number: string; status: string; escalationReason: string | null } | null;
  /** Where the message is now: the furthest stage reached. */
  status: 'received' | 'published' | 'processed' | 'replied' | 'delivered' | 'dead_lettered';
  steps: TraceStep[];
}

/** A reply's event id is "<kind>:<inbound event id>". */
const REPLY_KINDS = ['answer', 'escalation_notice', 'failure_notice'] as const;

type OutboxRow = { event_id: string; topic: string; created_at: Date; published_at: Date | null; attempts: number; last_error: string | null; correlation_id: string | null };
type MessageRow = {
  event_id: string; direction: string; channel: string; kind: string | null; author: string; created_at: Date; delivered_at: Date | null;
  correlation_id: string | null; sentiment: number | null; language: string | null; ticket_number: string | null; ticket_status: string | null;
  escalation_reason: string | null;
};
type AgentRow = { action: string; escalation_reason: string | null; latency_ms: number; tool_calls: string[]; turns: number | null; model: string | null; best_kb_score: number | null; created_at: Date };
type DeliveryRow = { reply_event_id: string; status: string; attempts: number; last_error: string | null; provider_message_id: string | null; updated_at: Date };
type DeadLetterRow = { id: string; event_id: string; consumer_group: string; source_topic: string; error_code: string; error_message: string; retriable: boolean; attempts: number; failed_at: Date; replayed_at: Date | null; replay_count: number; correlation_id: string | null };
type TraceRow = { event_id: string; stage: string; service: string; detail: Record<string, unknown>; created_at: Date; correlation_id: string | null };

// processed_events is keyed (consumer, event_id): a loose index scan visits each consumer once, then looks the event
// up under it, so tracing needs no extra index on the pipeline's hottest table.
const PROCESSED_SQL = `
WITH RECURSIVE consumers(consumer) AS (
  (SELECT consumer FROM processed_events ORDER BY consumer LIMIT 1)
  UNION ALL
  SELECT (SELECT p.consumer FROM processed_events p WHERE p.consumer > c.consumer ORDER BY p.consumer LIMIT 1)
    FROM consumers c WHERE c.consumer IS NOT NULL
)
SELECT p.consumer, p.processed_at
  FROM consumers c JOIN processed_events p ON p.consumer = c.consumer AND p.event_id = $1`;

/**
 * A message's path, derived from the tables each stage writes anyway (outbox, processed_events, messages,
 * agent_metrics, deliveries, dead_letters) plus message_traces for the rare events only it records. Accepts the
 * inbound event id or one of its replies' ids. Undefined when nothing is known about it.
 */
export async function getMessageTrace(db: Queryable, requestedId: string): Promise<MessageTrace | undefined> {
  const eventId = inboundEventId(requestedId);
  const ids = [eventId, ...REPLY_KINDS.map((k) => `${k}:${eventId}`)];
  const [outbox, messages, processed, agent, deliveries, deadLetters, traces] = await Promise.all([
    db.query<OutboxRow>(
      `SELECT event_id, topic, created_at, published_at, attempts, last_error, headers->>'x-correlation-id' AS correlation_id
         FROM outbox WHERE event_id = ANY($1::text[])`,
      [ids],
    ),
    db.query<MessageRow>(
      `SELECT m.event_id, m.direction, m.channel, m.kind, m.author, m.created_at, m.delivered_at, m.correlation_id, m.sentiment, m.language,
              t.number AS ticket_number, t.status AS ticket_status, t.escalation_reason
         FROM messages m LEFT JOIN tickets t ON t.id = m.ticket_id
        WHERE m.event_id = ANY($1::text[])`,
      [ids],
    ),
    db.query<{ consumer: string; processed_at: Date }>(PROCESSED_SQL, [eventId]),
    db.query<AgentRow>(
      'SELECT action, escalation_reason, latency_ms, tool_calls, turns, model, best_kb_score, created_at FROM agent_metrics WHERE event_id = $1 ORDER BY created_at',
      [eventId],
    ),
    db.query<DeliveryRow>(
      'SELECT reply_event_id, status, attempts, last_error, provider_message_id, updated_at FROM deliveries WHERE reply_event_id = ANY($1::text[])',
      [ids.slice(1)],
    ),
    db.query<DeadLetterRow>(
      `SELECT id, event_id, consumer_group, source_topic, error_code, error_message, retriable, attempts, failed_at, replayed_at, replay_count, correlation_id
         FROM dead_letters WHERE event_id = ANY($1::text[]) ORDER BY failed_at`,
      [ids],
    ),
    db.query<TraceRow>('SELECT event_id, stage, service, detail, created_at, correlation_id FROM message_traces WHERE event_id = ANY($1::text[]) ORDER BY id', [ids]),
  ]);
  if (outbox.rowCount + messages.rowCount + processed.rowCount + deadLetters.rowCount + traces.rowCount === 0) return undefined;

  const steps: TraceStep[] = [];
  const step = (stage: TraceStepStage, at: Date | null | undefined, detail: Record<string, unknown>, service?: string) => {
    if (at) steps.push({ stage, at: new Date(at).toISOString(), ...(service ? { service } : {}), detail: withoutNulls(detail) });
  };
  const inboundOutbox = outbox.rows.find((r) => r.event_id === eventId);
  const inbound = messages.rows.find((r) => r.event_id === eventId);
  step('received', inboundOutbox?.created_at ?? inbound?.created_at, { providerReceivedAt: inbound?.created_at.toISOString() });
  step('published', inboundOutbox?.published_at, { topic: inboundOutbox?.topic, attempts: inboundOutbox?.attempts });
  for (const p of processed.rows) {
    const run = agent.rows[0];
    step('processed', p.processed_at, {
      action: run?.action,
      escalationReason: run?.escalation_reason,
      agentLatencyMs: run?.latency_ms,
      toolCalls: run?.tool_calls,
      turns: run?.turns,
      model: run?.model,
      bestKbScore: run?.best_kb_score,
      sentiment: inbound?.sentiment,
      language: inbound?.language,
    }, p.consumer);
  }
  for (const reply of messages.rows.filter((r) => r.direction === 'outbound')) {
    const queued = outbox.rows.find((r) => r.event_id === reply.event_id);
    const delivery = deliveries.rows.find((d) => d.reply_event_id === reply.event_id);
    step('reply_queued', reply.created_at, { replyEventId: reply.event_id, kind: reply.kind, author: reply.author });
    step('reply_published', queued?.published_at, { replyEventId: reply.event_id, topic: queued?.topic, attempts: queued?.attempts });
    step('delivered', reply.delivered_at, { replyEventId: reply.event_id, status: delivery?.status, attempts: delivery?.attempts, providerMessageId: delivery?.provider_message_id });
    if (delivery && !reply.delivered_at && (delivery.last_error || delivery.status === 'failed' || delivery.status === 'undelivered')) {
      step('delivery_failed', delivery.updated_at, { replyEventId: reply.event_id, status: delivery.status, attempts: delivery.attempts, error: delivery.last_error });
    }
  }
  for (const d of deadLetters.rows) {
    step('dead_lettered', d.failed_at, {
      deadLetterId: d.id, eventId: d.event_id, topic: d.source_topic, code: d.error_code, error: d.error_message, retriable: d.retriable, attempts: d.attempts,
    }, d.consumer_group);
    step('replayed', d.replayed_at, { deadLetterId: d.id, replayCount: d.replay_count });
  }
  // message_traces repeats what dead_letters already says; keep only the stages the tables above cannot show.
  for (const t of traces.rows) {
    if (t.stage === 'dead_lettered' || (t.stage === 'replayed' && deadLetters.rows.some((d) => d.replayed_at))) continue;
    step(t.stage as TraceStepStage, t.created_at, { ...t.detail, eventId: t.event_id }, t.service);
  }
  orderSteps(steps);

  const ticketOf = messages.rows.find((r) => r.ticket_number);
  return {
    eventId,
    correlationId:
      inbound?.correlation_id ?? inboundOutbox?.correlation_id ?? deadLetters.rows[0]?.correlation_id ?? traces.rows.find((t) => t.correlation_id)?.correlation_id ?? null,
    channel: inbound?.channel ?? channelOf(eventId),
    ticket: ticketOf ? { number: ticketOf.ticket_number!, status: ticketOf.ticket_status!, escalationReason: ticketOf.escalation_reason } : null,
    status: statusOf(steps, deadLetters.rows),
    steps,
  };
}

const STAGE_ORDER: TraceStepStage[] = ['received', 'published', 'processed', 'dead_lettered', 'replayed', 'reply_queued', 'reply_published', 'delivered', 'delivery_failed'];

/**
 * Steps in time order, each at the time its table recorded. A reply's `published_at` is stamped after the broker's
 * ack, so the egress can record the delivery a few milliseconds earlier: a reply's delivery (or failure) is placed
 * right after its publication whatever the clocks say, since it cannot have happened before it.
 */
export function orderSteps(steps: TraceStep[]): TraceStep[] {
  steps.sort((a, b) => a.at.localeCompare(b.at) || STAGE_ORDER.indexOf(a.stage) - STAGE_ORDER.indexOf(b.stage));
  for (const published of steps.filter((s) => s.stage === 'reply_published')) {
    const replyId = published.detail.replyEventId;
    for (const stage of ['delivered', 'delivery_failed'] as const) {
      const at = steps.findIndex((s) => s.stage === stage && s.detail.replyEventId === replyId);
      if (at < 0 || at > steps.indexOf(published)) continue;
      const [outcome] = steps.splice(at, 1);
      steps.splice(steps.indexOf(published) + 1, 0, outcome!);
    }
  }
  return steps;
}

function statusOf(steps: TraceStep[], deadLetters: DeadLetterRow[]): MessageTrace['status'] {
  if (deadLetters.some((d) => d.replayed_at === null)) return 'dead_lettered';
  const reached = new Set(steps.map((s) => s.stage));
  if (reached.has('delivered')) return 'delivered';
  if (reached.has('reply_queued')) return 'replied';
  if (reached.has('processed')) return 'processed';
  if (reached.has('published')) return 'published';
  return 'received';
}

function inboundEventId(id: string): string {
  const kind = REPLY_KINDS.find((k) => id.startsWith(`${k}:`));
  return kind ? id.slice(kind.length + 1) : id;
}

function channelOf(eventId: string): string | null {
  const prefix = eventId.split(':')[0] ?? '';
  return ['email', 'whatsapp', 'web_form'].includes(prefix) ? prefix : null;
}

function withoutNulls(detail: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(detail).filter(([, v]) => v !== undefined && v !== null));
}
