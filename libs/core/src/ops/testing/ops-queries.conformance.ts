import type { SqlClient } from '@cs/ports';
import { getChannelMetrics } from '../channel-metrics.query';
import { finalDaysWithin, HourlyFigures, wholeHoursWithin } from '../ops-rollups';
import { getDailyDigest } from '../daily-digest.query';
import { getMessageTrace } from '../message-trace.query';
import { getMetricsSeries } from '../metrics-series.query';
import { DEFAULT_ALERT_THRESHOLDS, evaluateAlerts } from '../ops-alerts';
import { getPipelineBacklog } from '../pipeline-backlog.query';
import { SEED_DAY, SEED_WINDOW, seedOpsFixture } from './ops-seed.fixture';

/** Percentiles come from sketches accurate to 1 % (ops-figures.ts); hand-computed answers are matched that closely. */
const near = (expected: number) => ({
  $$typeof: Symbol.for('jest.asymmetricMatcher'),
  asymmetricMatch: (actual: unknown) => typeof actual === 'number' && Math.abs(actual - expected) <= Math.max(1, Math.abs(expected) * 0.01),
  toAsymmetricMatcher: () => `near(${expected})`,
});

/** After every day of the fixture is final: its whole days are read from (and written to) ops_daily_rollups. */
const LATER = new Date('2025-04-01T00:00:00Z');

/**
 * The ops queries against the hand-computed answers of ops-seed.fixture.ts; run on PGlite and on PostgreSQL.
 * Percentiles follow percentile_cont (linear interpolation): p95 of [1000, 2000, 2900, 4000, 5000] = 4800.
 */
export function opsQueriesConformance(open: () => Promise<SqlClient>): void {
  let db: SqlClient;
  beforeAll(async () => {
    db = await open();
    await seedOpsFixture(db);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('computes per-channel and total figures for the window', async () => {
    const report = await getChannelMetrics(db, SEED_WINDOW);
    expect(report.window).toEqual({ from: '2025-03-10T00:00:00.000Z', to: '2025-03-11T00:00:00.000Z' });
    expect(report.channels.email).toEqual({
      conversations: 2,
      inboundMessages: 3,
      outboundMessages: 4,
      escalations: { total: 1, rate: 0.3333, byReason: { pricing: { count: 1, rate: 0.3333 } } },
      aiResolved: 2,
      firstResponseMs: { p50: near(3500), p95: near(4850), samples: 2 },
      agentLatencyMs: { p50: near(200), p95: near(290), samples: 3 },
      averageSentiment: 0,
      deadLetters: 1,
    });
    expect(report.channels.whatsapp).toEqual({
      conversations: 1,
      inboundMessages: 2,
      outboundMessages: 2,
      escalations: { total: 2, rate: 0.6667, byReason: { no_kb_match: { count: 1, rate: 0.3333 }, processing_failure: { count: 1, rate: 0.3333 } } },
      aiResolved: 1,
      firstResponseMs: { p50: near(2500), p95: near(3850), samples: 2 },
      agentLatencyMs: { p50: near(500), p95: near(590), samples: 2 },
      averageSentiment: 0.5,
      deadLetters: 1,
    });
    expect(report.channels.web_form).toMatchObject({
      conversations: 1,
      inboundMessages: 1,
      outboundMessages: 1,
      escalations: { total: 1, rate: 1, byReason: { no_kb_match: { count: 1, rate: 1 } } },
      aiResolved: 0,
      firstResponseMs: { p50: near(2900), p95: near(2900), samples: 1 },
      averageSentiment: -0.6,
      deadLetters: 0,
    });
    expect(report.total).toEqual({
      conversations: 4,
      inboundMessages: 6,
      outboundMessages: 7,
      escalations: {
        total: 4,
        rate: 0.5714,
        byReason: { pricing: { count: 1, rate: 0.1429 }, no_kb_match: { count: 2, rate: 0.2857 }, processing_failure: { count: 1, rate: 0.1429 } },
      },
      aiResolved: 3,
      firstResponseMs: { p50: near(2900), p95: near(4800), samples: 5 },
      agentLatencyMs: { p50: near(350), p95: near(575), samples: 6 },
      averageSentiment: 0.08,
      deadLetters: 3,
    });
  });

  it('is empty, not failing, for a window without traffic', async () => {
    const report = await getChannelMetrics(db, { from: new Date('2020-01-01T00:00:00Z'), to: new Date('2020-01-02T00:00:00Z') });
    expect(report.total).toMatchObject({ inboundMessages: 0, escalations: { total: 0, rate: null, byReason: {} }, firstResponseMs: { p50: null, p95: null, samples: 0 } });
  });

  it('fires the alerts above their thresholds (a value equal to one does not)', async () => {
    const alerts = evaluateAlerts(await getChannelMetrics(db, SEED_WINDOW), DEFAULT_ALERT_THRESHOLDS);
    const firing = alerts.filter((a) => a.firing).map((a) => `${a.alert}/${a.scope}`).sort();
    expect(firing).toEqual([
      'dlq_growth/email', 'dlq_growth/total', 'dlq_growth/whatsapp',
      'escalation_rate/email', 'escalation_rate/total', 'escalation_rate/web_form', 'escalation_rate/whatsapp',
      'first_response_p95/email', 'first_response_p95/total', 'first_response_p95/whatsapp',
    ]);
    expect(alerts.find((a) => a.alert === 'first_response_p95' && a.scope === 'web_form')).toEqual({
      alert: 'first_response_p95', scope: 'web_form', value: near(2900), threshold: 3000, firing: false,
    });
    const atThreshold = evaluateAlerts(await getChannelMetrics(db, SEED_WINDOW), { ...DEFAULT_ALERT_THRESHOLDS, escalationRate: 1 });
    expect(atThreshold.find((a) => a.alert === 'escalation_rate' && a.scope === 'web_form')).toMatchObject({ value: 1, firing: false });
  });

  it('buckets the day hourly for the charts', async () => {
    const series = await getMetricsSeries(db, SEED_WINDOW);
    expect(series.bucket).toBe('hour');
    expect(series.points).toHaveLength(24);
    const at = (hour: number) => series.points[hour]!;
    expect(at(9)).toMatchObject({ at: '2025-03-10T09:00:00.000Z', inbound: { email: 0, whatsapp: 0, web_form: 1 }, escalations: 1, firstResponseP95Ms: 2900 });
    expect(at(10)).toMatchObject({ inbound: { email: 1, whatsapp: 2, web_form: 0 }, outbound: 3, escalations: 1, escalationRate: 0.3333 });
    expect(at(12)).toMatchObject({ inbound: { email: 1, whatsapp: 0, web_form: 0 }, deadLetters: 1, firstResponseP95Ms: null });
    expect(at(13)).toMatchObject({ deadLetters: 1, escalations: 1, escalationRate: 1 });
    expect(series.points.reduce((n, p) => n + p.deadLetters, 0)).toBe(3);
    expect(at(0)).toMatchObject({ inbound: { email: 0, whatsapp: 0, web_form: 0 }, outbound: 1, escalationRate: null });
  });

  it('summarizes the day in the digest, unanswered questions grouped by topic', async () => {
    const digest = await getDailyDigest(db, SEED_DAY);
    expect(digest.totals).toEqual({ conversations: 4, inboundMessages: 6, aiResolved: 3, escalations: 4, escalationRate: 0.5714, deadLetters: 3 });
    expect(digest.topEscalationReasons).toEqual([
      { reason: 'no_kb_match', count: 2, share: 0.5 },
      { reason: 'pricing', count: 1, share: 0.25 },
      { reason: 'processing_failure', count: 1, share: 0.25 },
    ]);
    expect(digest.unansweredQuestions).toBe(2);
    expect(digest.unansweredTopics).toHaveLength(1);
    expect(digest.unansweredTopics[0]).toMatchObject({ topic: 'export pdf', count: 2 });
    expect(digest.unansweredTopics[0]!.examples.join(' ')).toContain('[phone]');
    expect(digest.unansweredTopics[0]!.examples.join(' ')).not.toContain('4155550100');
    expect(digest.sentimentTrend.map((d) => d.date)).toEqual(['2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10']);
    expect(digest.sentimentTrend[5]).toMatchObject({ averageSentiment: 1, messages: 1, byChannel: { email: 1, whatsapp: null, web_form: null } });
    expect(digest.sentimentTrend[6]).toMatchObject({ averageSentiment: 0.08, messages: 5, byChannel: { email: 0, whatsapp: 0.5, web_form: -0.6 } });
    expect(digest.responseTimes.total.firstResponseMs).toEqual({ p50: near(2900), p95: near(4800), samples: 5 });
    expect(digest.responseTimes.email.agentLatencyMs).toEqual({ p50: near(200), p95: near(290), samples: 3 });
  });

  it('answers long windows from daily rollups exactly as from the raw tables', async () => {
    const aligned = { from: new Date('2025-03-09T00:00:00Z'), to: new Date('2025-03-12T00:00:00Z') };
    const ragged = { from: new Date('2025-03-09T12:00:00Z'), to: new Date('2025-03-11T06:00:00Z') };
    expect(finalDaysWithin(aligned, LATER)).toHaveLength(3);
    expect(finalDaysWithin(aligned, new Date('2025-03-11T12:00:00Z'))).toHaveLength(1);
    for (const window of [aligned, ragged]) {
      // "Now" right after the window: nothing is final yet, so everything is read from the raw tables.
      const raw = await getChannelMetrics(db, window, { now: window.to });
      expect(await getChannelMetrics(db, window, { now: LATER })).toEqual(raw);
      expect(await getChannelMetrics(db, window, { now: LATER })).toEqual(raw);
      // And by the hour at the edges, twice (the second time from the cache).
      const hourly = new HourlyFigures();
      expect(await getChannelMetrics(db, window, { now: LATER, hourly })).toEqual(raw);
      expect(await getChannelMetrics(db, window, { now: window.to, hourly })).toEqual(raw);
    }
    const rolled = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ops_daily_rollups WHERE day BETWEEN '2025-03-09' AND '2025-03-11'`);
    expect(Number(rolled.rows[0]!.n)).toBe(3 * 4);
    const three = await getChannelMetrics(db, aligned, { now: LATER });
    // 2025-03-09 adds the old email conversation, its message and run, and a dead-lettered email event.
    expect(three.channels.email).toMatchObject({ conversations: 3, inboundMessages: 4, aiResolved: 3, deadLetters: 2, escalations: { byReason: { pricing: { count: 1 }, processing_failure: { count: 1 } } } });
  });

  it('splits a partial day into whole hours that have ended, and the pieces around them', () => {
    const { hours, rest } = wholeHoursWithin({ from: new Date('2025-03-10T09:30:00Z'), to: new Date('2025-03-10T13:15:00Z') }, new Date('2025-03-10T12:40:00Z'));
    expect(hours.map((h) => new Date(h).toISOString().slice(11, 16))).toEqual(['10:00', '11:00']);
    expect(rest.map((r) => `${r.from.toISOString().slice(11, 16)}-${r.to.toISOString().slice(11, 16)}`)).toEqual(['09:30-10:00', '12:00-13:15']);
  });

  it('charts long windows by UTC day', async () => {
    const series = await getMetricsSeries(db, { from: new Date('2025-03-04T00:00:00Z'), to: new Date('2025-03-11T00:00:00Z') }, undefined, { now: LATER });
    expect(series.bucket).toBe('day');
    expect(series.points.map((p) => p.at.slice(0, 10))).toEqual(['2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09', '2025-03-10']);
    expect(series.points[6]).toEqual({
      at: '2025-03-10T00:00:00.000Z', inbound: { email: 3, whatsapp: 2, web_form: 1 }, outbound: 7, escalations: 4, escalationRate: 0.5714,
      firstResponseP95Ms: near(4800), agentLatencyP95Ms: near(575), deadLetters: 3,
    });
    expect(series.points[5]).toMatchObject({ inbound: { email: 1, whatsapp: 0, web_form: 0 }, escalations: 1, deadLetters: 1 });
  });

  it('traces a message from the tables each stage writes', async () => {
    const trace = await getMessageTrace(db, 'email:e1');
    expect(trace).toMatchObject({ eventId: 'email:e1', correlationId: 'corr-e1', channel: 'email', status: 'delivered', ticket: { number: 'TKT-AAAAAB' } });
    expect(trace!.steps.map((s) => s.stage)).toEqual(['received', 'published', 'processed', 'reply_queued', 'reply_published', 'delivered']);
    expect(trace!.steps[2]).toMatchObject({ service: 'message-processor', detail: { action: 'answered', agentLatencyMs: 100, toolCalls: ['search_knowledge_base', 'send_response'] } });
    expect(trace!.steps[5]).toMatchObject({ at: '2025-03-10T10:00:02.000Z', detail: { providerMessageId: 'gmail-123', status: 'sent' } });
    // A reply's id finds its inbound message's trace.
    expect((await getMessageTrace(db, 'answer:email:e1'))?.eventId).toBe('email:e1');
    expect(await getMessageTrace(db, 'email:nope')).toBeUndefined();
  });

  it('shows a dead-lettered event with its error', async () => {
    const trace = await getMessageTrace(db, 'whatsapp:SMdead1');
    expect(trace).toMatchObject({ status: 'dead_lettered', correlationId: 'corr-dead1', channel: 'whatsapp' });
    expect(trace!.steps).toEqual([
      expect.objectContaining({ stage: 'dead_lettered', service: 'message-processor', detail: expect.objectContaining({ code: 'AGENT_REJECTED', attempts: 1 }) }),
    ]);
  });

  it('reports the outbox backlog and pending dead letters', async () => {
    expect(await getPipelineBacklog(db)).toEqual({ outboxBacklog: 0, outboxOldestAgeMs: 0, deadLettersPending: 4, lastDeadLetterAt: '2025-03-10T14:00:00.000Z' });
  });
}
