import { CHANNELS, type Channel } from '@cs/contracts';
import type { Queryable } from '@cs/ports';
import { getChannelMetrics, round4, type ChannelFigures, type Percentiles } from './channel-metrics.query';
import type { RollupOptions } from './ops-rollups';
import { groupUnansweredTopics, type UnansweredTopic } from './unanswered-topics';

export interface DailyDigest {
  /** The UTC day summarized, YYYY-MM-DD. */
  date: string;
  window: { from: string; to: string };
  totals: { conversations: number; inboundMessages: number; aiResolved: number; escalations: number; escalationRate: number | null; deadLetters: number };
  topEscalationReasons: Array<{ reason: string; count: number; share: number }>;
  /** Questions the knowledge base had no answer for (escalated with no_kb_match), grouped by topic. */
  unansweredTopics: UnansweredTopic[];
  unansweredQuestions: number;
  /** Mean inbound sentiment per day, the summarized day last (seven days). */
  sentimentTrend: Array<{ date: string; averageSentiment: number | null; messages: number; byChannel: Record<Channel, number | null> }>;
  responseTimes: Record<Channel | 'total', { firstResponseMs: Percentiles; agentLatencyMs: Percentiles }>;
}

const DAY_MS = 86_400_000;
const TREND_DAYS = 7;
/** Enough questions to see the day's themes; the grouping is in memory. */
const MAX_UNANSWERED = 2000;

const UNANSWERED_SQL = `
SELECT m.subject, m.body
  FROM agent_metrics a
  JOIN messages m ON m.event_id = a.event_id
 WHERE a.channel = ANY($3::text[]) AND a.created_at >= $1 AND a.created_at < $2
   AND a.action = 'escalated' AND a.escalation_reason = 'no_kb_match'
 ORDER BY a.created_at
 LIMIT ${MAX_UNANSWERED}`;

const SENTIMENT_SQL = `
SELECT date_bin('1 day', created_at, $1::timestamptz) AS day, channel, avg(sentiment) AS average, count(sentiment) AS n
  FROM messages
 WHERE channel = ANY($3::text[]) AND direction = 'inbound' AND created_at >= $1 AND created_at < $2
 GROUP BY 1, 2`;

/** The day's summary for improving the knowledge base and the policy: what was escalated, and why. */
export async function getDailyDigest(db: Queryable, date: string, options: RollupOptions = {}): Promise<DailyDigest> {
  const from = new Date(`${date}T00:00:00.000Z`);
  const to = new Date(from.getTime() + DAY_MS);
  const trendFrom = new Date(to.getTime() - TREND_DAYS * DAY_MS);
  const channels = [...CHANNELS];
  const [metrics, unanswered, sentiment] = await Promise.all([
    getChannelMetrics(db, { from, to }, options),
    db.query<{ subject: string | null; body: string }>(UNANSWERED_SQL, [from, to, channels]),
    db.query<{ day: Date; channel: Channel; average: number | null; n: string }>(SENTIMENT_SQL, [trendFrom, to, channels]),
  ]);
  const { total } = metrics;
  return {
    date,
    window: metrics.window,
    totals: {
      conversations: total.conversations,
      inboundMessages: total.inboundMessages,
      aiResolved: total.aiResolved,
      escalations: total.escalations.total,
      escalationRate: total.escalations.rate,
      deadLetters: total.deadLetters,
    },
    topEscalationReasons: Object.entries(total.escalations.byReason)
      .map(([reason, { count }]) => ({ reason, count, share: round4(count / total.escalations.total) }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    unansweredTopics: groupUnansweredTopics(unanswered.rows),
    unansweredQuestions: unanswered.rows.length,
    sentimentTrend: sentimentTrend(trendFrom, sentiment.rows),
    responseTimes: Object.fromEntries(
      [...CHANNELS.map((c) => [c, metrics.channels[c]] as const), ['total', total] as const].map(([scope, f]: readonly [string, ChannelFigures]) => [
        scope,
        { firstResponseMs: f.firstResponseMs, agentLatencyMs: f.agentLatencyMs },
      ]),
    ) as DailyDigest['responseTimes'],
  };
}

function sentimentTrend(from: Date, rows: Array<{ day: Date; channel: Channel; average: number | null; n: string }>): DailyDigest['sentimentTrend'] {
  return Array.from({ length: TREND_DAYS }, (_, i) => {
    const day = new Date(from.getTime() + i * DAY_MS);
    const ofDay = rows.filter((r) => new Date(r.day).getTime() === day.getTime());
    const messages = ofDay.reduce((sum, r) => sum + Number(r.n), 0);
    const weighted = ofDay.reduce((sum, r) => sum + Number(r.average ?? 0) * Number(r.n), 0);
    const byChannel = Object.fromEntries(CHANNELS.map((c) => {
      const row = ofDay.find((r) => r.channel === c);
      return [c, row && Number(row.n) > 0 ? round4(Number(row.average)) : null];
    })) as Record<Channel, number | null>;
    return { date: day.toISOString().slice(0, 10), averageSentiment: messages > 0 ? round4(weighted / messages) : null, messages, byChannel };
  });
}
