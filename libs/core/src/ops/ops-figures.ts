import { CHANNELS } from '@cs/contracts';
import type { Queryable } from '@cs/ports';

/** A half-open interval [from, to). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

/**
 * A mergeable latency distribution (DDSketch-style): values in ms counted in logarithmic buckets, each 2 % wider
 * than the last, so any percentile read from it is within 1 % of the exact one, and two sketches add up. That is what
 * lets a 31-day window be answered from daily rollups instead of a sort over every message.
 */
export type Sketch = Record<string, number>;

export const SKETCH_GAMMA = 1.02;
/** The bucket key in SQL; `ms` is the value expression. Kept next to sketchValue so the two agree. */
export const sketchKeySql = (ms: string) => `ceil(ln(greatest(${ms}, 1)) / ln(${SKETCH_GAMMA}))::int`;

/** The value a bucket stands for: the middle of (gamma^(k-1), gamma^k] in relative terms. */
export function sketchValue(key: number): number {
  return key <= 0 ? 1 : (2 * SKETCH_GAMMA ** key) / (SKETCH_GAMMA + 1);
}

export function mergeSketch(into: Sketch, from: Sketch): void {
  for (const [key, count] of Object.entries(from)) into[key] = (into[key] ?? 0) + count;
}

/**
 * Percentiles with percentile_cont's definition (linear interpolation between the two nearest ranks), ranks taken
 * from the sketch: the same answer PostgreSQL gives on the raw values, within the sketch's 1 %.
 */
export function sketchPercentiles(sketch: Sketch, quantiles: number[]): { values: Array<number | null>; samples: number } {
  const buckets = Object.entries(sketch)
    .map(([key, count]) => [sketchValue(Number(key)), count] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => a[0] - b[0]);
  const samples = buckets.reduce((n, [, count]) => n + count, 0);
  if (samples === 0) return { values: quantiles.map(() => null), samples };
  const valueAtRank = (rank: number) => {
    let seen = 0;
    for (const [value, count] of buckets) {
      seen += count;
      if (rank < seen) return value;
    }
    return buckets.at(-1)![0];
  };
  const values = quantiles.map((q) => {
    const position = q * (samples - 1);
    const low = Math.floor(position);
    const lower = valueAtRank(low);
    return lower + (valueAtRank(Math.ceil(position)) - lower) * (position - low);
  });
  return { values, samples };
}

/** Additive figures of one channel over some interval: they merge across days, unlike percentiles. */
export interface RawFigures {
  conversations: number;
  inbound: number;
  outbound: number;
  sentimentSum: number;
  sentimentCount: number;
  agentRuns: number;
  answered: number;
  /** Escalations by reason, processing failures (dead-lettered inbound events) included. */
  reasons: Record<string, number>;
  deadLetters: number;
  processingFailures: number;
  firstResponse: Sketch;
  agentLatency: Sketch;
}

/** Dead letters whose event id names no channel are kept under this key (they count in the total only). */
export const UNKNOWN_CHANNEL = 'unknown';

export function emptyFigures(): RawFigures {
  return {
    conversations: 0, inbound: 0, outbound: 0, sentimentSum: 0, sentimentCount: 0, agentRuns: 0, answered: 0,
    reasons: {}, deadLetters: 0, processingFailures: 0, firstResponse: {}, agentLatency: {},
  };
}

export function mergeFigures(into: RawFigures, from: RawFigures): void {
  into.conversations += from.conversations;
  into.inbound += from.inbound;
  into.outbound += from.outbound;
  into.sentimentSum += from.sentimentSum;
  into.sentimentCount += from.sentimentCount;
  into.agentRuns += from.agentRuns;
  into.answered += from.answered;
  for (const [reason, n] of Object.entries(from.reasons)) into.reasons[reason] = (into.reasons[reason] ?? 0) + n;
  into.deadLetters += from.deadLetters;
  into.processingFailures += from.processingFailures;
  mergeSketch(into.firstResponse, from.firstResponse);
  mergeSketch(into.agentLatency, from.agentLatency);
}

/** A reply is attributed to its inbound message when it was created within this long after the window's end. */
export const REPLY_ATTRIBUTION_SLACK = '1 day';
export const REPLY_ATTRIBUTION_SLACK_MS = 86_400_000;

// The dead letter's channel from its event id: inbound "whatsapp:SM…", or a reply "answer:whatsapp:SM…".
export const DEAD_LETTER_CHANNEL_SQL = `CASE
    WHEN split_part(event_id, ':', 1) IN ('email', 'whatsapp', 'web_form') THEN split_part(event_id, ':', 1)
    WHEN split_part(event_id, ':', 2) IN ('email', 'whatsapp', 'web_form') THEN split_part(event_id, ':', 2)
  END`;

// First response: each inbound message of the window joined (hash join on the reply's event id, which is
// "<kind>:<inbound event id>") to the earliest delivered reply created after it. Yields (channel, created_at, ms).
export const FIRST_RESPONSES_CTE = `
inbound AS (
  SELECT channel, event_id, created_at
    FROM messages
   WHERE channel = ANY($3::text[]) AND direction = 'inbound' AND created_at >= $1 AND created_at < $2
), first_reply AS (
  SELECT substr(event_id, strpos(event_id, ':') + 1) AS inbound_event_id, min(delivered_at) AS delivered_at
    FROM messages
   WHERE channel = ANY($3::text[]) AND direction = 'outbound' AND delivered_at IS NOT NULL
     AND created_at >= $1 AND created_at < $2::timestamptz + interval '${REPLY_ATTRIBUTION_SLACK}'
   GROUP BY 1
), first_responses AS (
  SELECT i.channel, i.created_at, extract(epoch FROM r.delivered_at - i.created_at) * 1000 AS ms
    FROM inbound i JOIN first_reply r ON r.inbound_event_id = i.event_id
)`;

/*
 * Every statement is a range scan of a (channel, created_at)-led index (channel = ANY(...) makes PostgreSQL walk each
 * channel's slice) or of a timestamp index, aggregated in one pass; distributions come back as sketch buckets.
 */
const MESSAGE_COUNTS_SQL = `
SELECT channel,
       count(*) FILTER (WHERE direction = 'inbound') AS inbound,
       count(*) FILTER (WHERE direction = 'outbound') AS outbound,
       sum(sentiment::float8) FILTER (WHERE direction = 'inbound') AS sentiment_sum,
       count(sentiment) FILTER (WHERE direction = 'inbound') AS sentiment_count
  FROM messages
 WHERE channel = ANY($3::text[]) AND created_at >= $1 AND created_at < $2
 GROUP BY channel`;

const FIRST_RESPONSE_SQL = `
WITH ${FIRST_RESPONSES_CTE}
SELECT channel, ${sketchKeySql('ms')} AS key, count(*) AS n FROM first_responses GROUP BY 1, 2`;

const AGENT_RUNS_SQL = `
SELECT channel, action, coalesce(escalation_reason, 'unspecified') AS reason, ${sketchKeySql('latency_ms')} AS key, count(*) AS n
  FROM agent_metrics
 WHERE channel = ANY($3::text[]) AND created_at >= $1 AND created_at < $2
 GROUP BY 1, 2, 3, 4`;

const CONVERSATIONS_SQL = `
SELECT channel, count(*) AS n
  FROM conversations
 WHERE channel = ANY($3::text[]) AND started_at >= $1 AND started_at < $2
 GROUP BY channel`;

// An inbound event that was dead-lettered is a processing failure: the customer was told a human will follow up.
const DEAD_LETTERS_SQL = `
SELECT ${DEAD_LETTER_CHANNEL_SQL} AS channel,
       count(*) AS n,
       count(DISTINCT event_id) FILTER (WHERE split_part(event_id, ':', 1) = ANY($3::text[])) AS processing_failures
  FROM dead_letters
 WHERE failed_at >= $1 AND failed_at < $2
 GROUP BY 1`;

/** Reads the window's figures from the pipeline tables, per channel (and UNKNOWN_CHANNEL for unreadable dead letters). */
export async function collectFigures(db: Queryable, window: TimeWindow): Promise<Map<string, RawFigures>> {
  const params = [window.from, window.to, [...CHANNELS]];
  type Keyed = { channel: string | null; key: number; n: string };
  const [counts, firstResponse, agentRuns, conversations, deadLetters] = await Promise.all([
    db.query<{ channel: string; inbound: string; outbound: string; sentiment_sum: number | null; sentiment_count: string }>(MESSAGE_COUNTS_SQL, params),
    db.query<Keyed>(FIRST_RESPONSE_SQL, params),
    db.query<Keyed & { action: string; reason: string }>(AGENT_RUNS_SQL, params),
    db.query<{ channel: string; n: string }>(CONVERSATIONS_SQL, params),
    db.query<{ channel: string | null; n: string; processing_failures: string }>(DEAD_LETTERS_SQL, params),
  ]);
  const figures = new Map<string, RawFigures>();
  const of = (channel: string | null) => {
    const key = channel ?? UNKNOWN_CHANNEL;
    let f = figures.get(key);
    if (!f) figures.set(key, (f = emptyFigures()));
    return f;
  };
  for (const r of counts.rows) {
    const f = of(r.channel);
    f.inbound += Number(r.inbound);
    f.outbound += Number(r.outbound);
    f.sentimentSum += Number(r.sentiment_sum ?? 0);
    f.sentimentCount += Number(r.sentiment_count);
  }
  for (const r of firstResponse.rows) of(r.channel).firstResponse[r.key] = Number(r.n);
  for (const r of agentRuns.rows) {
    const f = of(r.channel);
    const n = Number(r.n);
    f.agentRuns += n;
    f.agentLatency[r.key] = (f.agentLatency[r.key] ?? 0) + n;
    if (r.action === 'answered') f.answered += n;
    if (r.action === 'escalated') f.reasons[r.reason] = (f.reasons[r.reason] ?? 0) + n;
  }
  for (const r of conversations.rows) of(r.channel).conversations += Number(r.n);
  for (const r of deadLetters.rows) {
    const f = of(r.channel);
    const failures = Number(r.processing_failures);
    f.deadLetters += Number(r.n);
    f.processingFailures += failures;
    if (failures > 0) f.reasons.processing_failure = (f.reasons.processing_failure ?? 0) + failures;
  }
  return figures;
}
