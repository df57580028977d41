import { CHANNELS, type Channel } from '@cs/contracts';
import { ESCALATION_REASONS, type Queryable } from '@cs/ports';
import { emptyFigures, mergeFigures, sketchPercentiles, type RawFigures, type Sketch, type TimeWindow } from './ops-figures';
import { figuresForWindow, type RollupOptions } from './ops-rollups';

/** The longest window the metrics endpoints accept (the rollups ops-api keeps current cover it). */
export const MAX_METRICS_RANGE_DAYS = 31;

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  /** How many values the percentiles are computed from. */
  samples: number;
}

export interface EscalationFigures {
  total: number;
  /** Escalations over agent decisions (answered + escalated + processing failures); null without decisions. */
  rate: number | null;
  byReason: Record<string, { count: number; rate: number | null }>;
}

export interface ChannelFigures {
  /** Conversations started in the window. */
  conversations: number;
  inboundMessages: number;
  outboundMessages: number;
  escalations: EscalationFigures;
  /** Inbound messages the agent answered itself (no human needed). */
  aiResolved: number;
  /** Inbound received → its first reply delivered, for messages received in the window that got one. */
  firstResponseMs: Percentiles;
  /** Time the agent took to decide, per run in the window. */
  agentLatencyMs: Percentiles;
  /** Mean sentiment (-1 … 1) of inbound messages with a score; null without any. */
  averageSentiment: number | null;
  /** Dead letters recorded in the window (processing and delivery failures). */
  deadLetters: number;
}

export interface ChannelMetricsReport {
  window: { from: string; to: string };
  channels: Record<Channel, ChannelFigures>;
  total: ChannelFigures;
}

/**
 * Per-channel and total figures for the window, from the pipeline's own tables and, for the whole days of long
 * windows, from their daily rollups (see ops-rollups.ts and docs/operations.md).
 */
export async function getChannelMetrics(db: Queryable, window: TimeWindow, options: RollupOptions = {}): Promise<ChannelMetricsReport> {
  const figures = await figuresForWindow(db, window, options);
  const total = emptyFigures();
  for (const f of figures.values()) mergeFigures(total, f);
  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString() },
    channels: Object.fromEntries(CHANNELS.map((c) => [c, buildFigures(figures.get(c) ?? emptyFigures())])) as Record<Channel, ChannelFigures>,
    total: buildFigures(total),
  };
}

export function percentiles(sketch: Sketch): Percentiles {
  const { values, samples } = sketchPercentiles(sketch, [0.5, 0.95]);
  const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v));
  return { p50: round(values[0]), p95: round(values[1]), samples };
}

export function buildFigures(f: RawFigures): ChannelFigures {
  const decisions = f.agentRuns + f.processingFailures;
  const rate = (n: number) => (decisions > 0 ? round4(n / decisions) : null);
  const total = Object.values(f.reasons).reduce((a, b) => a + b, 0);
  // Known reasons first, in their declared order, so responses and charts are stable.
  const known: readonly string[] = ESCALATION_REASONS;
  const order = [...known, ...Object.keys(f.reasons).filter((r) => !known.includes(r)).sort()];
  const byReason: EscalationFigures['byReason'] = {};
  for (const reason of order) {
    const count = f.reasons[reason];
    if (count) byReason[reason] = { count, rate: rate(count) };
  }
  return {
    conversations: f.conversations,
    inboundMessages: f.inbound,
    outboundMessages: f.outbound,
    escalations: { total, rate: rate(total), byReason },
    aiResolved: f.answered,
    firstResponseMs: percentiles(f.firstResponse),
    agentLatencyMs: percentiles(f.agentLatency),
    averageSentiment: f.sentimentCount > 0 ? round4(f.sentimentSum / f.sentimentCount) : null,
    deadLetters: f.deadLetters,
  };
}

export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
