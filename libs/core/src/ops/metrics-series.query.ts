import { CHANNELS, type Channel } from '@cs/contracts';
import type { Queryable } from '@cs/ports';
import { buildFigures, round4 } from './channel-metrics.query';
import { emptyFigures, FIRST_RESPONSES_CTE, mergeFigures, type TimeWindow } from './ops-figures';
import { figuresByDay, type RollupOptions } from './ops-rollups';

export type SeriesBucket = 'hour' | 'day';

export const BUCKET_MS: Record<SeriesBucket, number> = { hour: 3_600_000, day: 86_400_000 };

export interface SeriesPoint {
  /** Start of the bucket. */
  at: string;
  inbound: Record<Channel, number>;
  outbound: number;
  escalations: number;
  /** Escalations (processing failures included) over agent decisions in the bucket; null without any. */
  escalationRate: number | null;
  firstResponseP95Ms: number | null;
  agentLatencyP95Ms: number | null;
  deadLetters: number;
}

export interface MetricsSeries {
  window: { from: string; to: string };
  bucket: SeriesBucket;
  points: SeriesPoint[];
}

/**
 * Hourly buckets up to two days, daily (UTC days) beyond: a chart stays between 24 and ~50 points for the usual
 * windows. Daily points of final days come from the daily rollups.
 */
export function defaultBucket(window: TimeWindow): SeriesBucket {
  return window.to.getTime() - window.from.getTime() <= 2 * BUCKET_MS.day ? 'hour' : 'day';
}

// Buckets are aligned on the window's start (date_bin), so the first point is the window's first hour or day.
const BIN = (column: string, interval = '$4') => `date_bin(${interval}::interval, ${column}, $1::timestamptz)`;

const MESSAGES_SQL = `
SELECT ${BIN('created_at')} AS at, channel,
       count(*) FILTER (WHERE direction = 'inbound') AS inbound,
       count(*) FILTER (WHERE direction = 'outbound') AS outbound
  FROM messages
 WHERE channel = ANY($3::text[]) AND created_at >= $1 AND created_at < $2
 GROUP BY 1, 2`;

const AGENT_SQL = `
SELECT ${BIN('created_at')} AS at,
       count(*) AS runs,
       count(*) FILTER (WHERE action = 'escalated') AS escalated,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) AS p95
  FROM agent_metrics
 WHERE channel = ANY($3::text[]) AND created_at >= $1 AND created_at < $2
 GROUP BY 1`;

const FIRST_RESPONSE_SQL = `
WITH ${FIRST_RESPONSES_CTE}
SELECT ${BIN('created_at')} AS at, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95
  FROM first_responses
 GROUP BY 1`;

const DEAD_LETTERS_SQL = `
SELECT ${BIN('failed_at')} AS at, count(*) AS n,
       count(DISTINCT event_id) FILTER (WHERE split_part(event_id, ':', 1) = ANY($3::text[])) AS processing_failures
  FROM dead_letters
 WHERE failed_at >= $1 AND failed_at < $2
 GROUP BY 1`;

/** The channel metrics over time, one point per bucket (empty buckets included), for the dashboard's charts. */
export async function getMetricsSeries(db: Queryable, window: TimeWindow, bucket: SeriesBucket = defaultBucket(window), options: RollupOptions = {}): Promise<MetricsSeries> {
  const points = bucket === 'day' ? await dailyPoints(db, window, options) : await hourlyPoints(db, window);
  return { window: { from: window.from.toISOString(), to: window.to.toISOString() }, bucket, points };
}

async function dailyPoints(db: Queryable, window: TimeWindow, options: RollupOptions): Promise<SeriesPoint[]> {
  return (await figuresByDay(db, window, options)).map(({ day, figures }) => {
    const point = emptyPoint(new Date(`${day}T00:00:00.000Z`));
    const total = emptyFigures();
    for (const [channel, f] of figures) {
      mergeFigures(total, f);
      if (channel in point.inbound) point.inbound[channel as Channel] += f.inbound;
    }
    const built = buildFigures(total);
    point.outbound = built.outboundMessages;
    point.escalations = built.escalations.total;
    point.escalationRate = built.escalations.rate;
    point.firstResponseP95Ms = built.firstResponseMs.p95;
    point.agentLatencyP95Ms = built.agentLatencyMs.p95;
    point.deadLetters = built.deadLetters;
    return point;
  });
}

async function hourlyPoints(db: Queryable, window: TimeWindow): Promise<SeriesPoint[]> {
  const interval = `${BUCKET_MS.hour / 1000} seconds`;
  const params = [window.from, window.to, [...CHANNELS], interval];
  const [messages, agent, firstResponse, deadLetters] = await Promise.all([
    db.query<{ at: Date; channel: Channel; inbound: string; outbound: string }>(MESSAGES_SQL, params),
    db.query<{ at: Date; runs: string; escalated: string; p95: number | null }>(AGENT_SQL, params),
    db.query<{ at: Date; p95: number | null }>(FIRST_RESPONSE_SQL, params),
    db.query<{ at: Date; n: string; processing_failures: string }>(DEAD_LETTERS_SQL, params),
  ]);
  const points = new Map<number, SeriesPoint>();
  const step = BUCKET_MS.hour;
  const decisions = new Map<number, number>();
  for (let t = window.from.getTime(); t < window.to.getTime(); t += step) points.set(t, emptyPoint(new Date(t)));
  const at = (d: Date) => points.get(new Date(d).getTime());
  for (const r of messages.rows) {
    const p = at(r.at);
    if (!p) continue;
    p.inbound[r.channel] += Number(r.inbound);
    p.outbound += Number(r.outbound);
  }
  for (const r of agent.rows) {
    const p = at(r.at);
    if (!p) continue;
    p.escalations += Number(r.escalated);
    decisions.set(new Date(r.at).getTime(), Number(r.runs));
    p.agentLatencyP95Ms = r.p95 === null ? null : Math.round(Number(r.p95));
  }
  for (const r of firstResponse.rows) {
    const p = at(r.at);
    if (p) p.firstResponseP95Ms = r.p95 === null ? null : Math.round(Number(r.p95));
  }
  for (const r of deadLetters.rows) {
    const p = at(r.at);
    if (!p) continue;
    p.deadLetters = Number(r.n);
    p.escalations += Number(r.processing_failures);
    const t = new Date(r.at).getTime();
    decisions.set(t, (decisions.get(t) ?? 0) + Number(r.processing_failures));
  }
  for (const [t, p] of points) {
    const n = decisions.get(t) ?? 0;
    p.escalationRate = n > 0 ? round4(p.escalations / n) : null;
  }
  return [...points.values()];
}

function emptyPoint(at: Date): SeriesPoint {
  return {
    at: at.toISOString(),
    inbound: Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>,
    outbound: 0,
    escalations: 0,
    escalationRate: null,
    firstResponseP95Ms: null,
    agentLatencyP95Ms: null,
    deadLetters: 0,
  };
}
