/**
 * npm run bench:ops -- [--messages 1000000] [--days 30] [--runs 20] [--explain]
 * Generates a pipeline history in a fresh schema of the real PostgreSQL from infra:up (generate_series: customers,
 * conversations, half inbound / half outbound messages with their agent runs, outbox rows, processed events,
 * deliveries and dead letters, spread evenly over --days up to now), then times the queries behind ops-api:
 * first execution on a new connection ("cold": planning, prepared statements, buffers not yet touched by it) and
 * the p50/p95 of --runs more ("warm"). The budget is 200 ms per endpoint.
 */
import { parseArgs } from 'node:util';
import { getChannelMetrics, getDailyDigest, getMessageTrace, getMetricsSeries, getPipelineBacklog, refreshRollups, type TimeWindow } from '@cs/core';
import { createIsolatedTestDatabase, createPgSqlClient } from '@cs/db';
import type { SqlClient } from '@cs/ports';
import { readInfraEnvFile } from '@cs/testing';
import { summarize } from './bench-stats';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    days: { type: 'string', default: '30' },
    runs: { type: 'string', default: '20' },
    explain: { type: 'boolean', default: false },
    /** Leave the generated schema behind (its name is printed) to look at plans with psql; drop it yourself. */
    keep: { type: 'boolean', default: false },
  },
});
const MESSAGES = Number(values.messages);
const DAYS = Number(values.days);
const RUNS = Number(values.runs);
const INBOUND = Math.floor(MESSAGES / 2);
const CONVERSATIONS = Math.ceil(INBOUND / 2);
const CUSTOMERS = Math.max(1, Math.floor(CONVERSATIONS / 5));
const BUDGET_MS = 200;

/** Every inbound message gets one reply (80 % answers); 2 % of replies are never delivered; 0.4 % of events fail. */
function generationSql(): string[] {
  const t = (i: string, n: number) => `(now() - interval '${DAYS} days' + (${i}::float8 / ${n}) * interval '${DAYS} days')`;
  const channel = (c: string) => `(ARRAY['email','email','email','email','whatsapp','whatsapp','whatsapp','whatsapp','web_form','web_form'])[${c} % 10 + 1]`;
  return [
    `INSERT INTO customers (id, display_name) SELECT md5('cust' || k)::uuid, 'Customer ' || k FROM generate_series(1, ${CUSTOMERS}) k`,
    `INSERT INTO conversations (id, customer_id, channel, conversation_key, started_at, last_message_at, status)
     SELECT md5('conv' || c)::uuid, md5('cust' || (c % ${CUSTOMERS} + 1))::uuid, ${channel('c')}, 'key-' || c,
            ${t('(2 * c - 1)', INBOUND)}, ${t('(2 * c)', INBOUND)}, CASE WHEN c % 5 = 0 THEN 'escalated' ELSE 'open' END
       FROM generate_series(1, ${CONVERSATIONS}) c`,
    // One row per inbound message with everything derived from it, so the five tables below agree.
    `CREATE TEMP TABLE gen AS
     SELECT i, md5('conv' || ((i + 1) / 2))::uuid AS conversation_id, ${channel('((i + 1) / 2)')} AS channel,
            ${t('i', INBOUND)} AS received_at,
            CASE WHEN i % 5 = 0 THEN 'escalation_notice' ELSE 'answer' END AS kind,
            (ARRAY['pricing','refund','no_kb_match','no_kb_match','human_requested','negative_sentiment','legal'])[i % 7 + 1] AS reason,
            (50 + (hashint4(i) & 2047))::int AS latency_ms,
            ((hashint4(i + 7) & 4095) + 200) * interval '1 millisecond' AS delivery_ms,
            round(((hashint4(i + 3) & 1023) / 511.5 - 1)::numeric, 2)::real AS sentiment
       FROM generate_series(1, ${INBOUND}) i`,
    `INSERT INTO messages (conversation_id, direction, channel, event_id, provider_message_id, author, body, subject, sentiment, correlation_id, created_at)
     SELECT conversation_id, 'inbound', channel, channel || ':p' || i, 'p' || i, 'customer',
            CASE WHEN i % 3 = 0 THEN 'How do I export my board to PDF?' ELSE 'Where can I change my billing address?' END, 'Question ' || i,
            sentiment, 'corr-' || i, received_at
       FROM gen`,
    `INSERT INTO messages (conversation_id, direction, channel, event_id, author, body, kind, correlation_id, created_at, delivered_at)
     SELECT conversation_id, 'outbound', channel, kind || ':' || channel || ':p' || i, CASE kind WHEN 'answer' THEN 'agent' ELSE 'system' END,
            'Thanks for reaching out.', kind, 'corr-' || i, received_at + latency_ms * interval '1 millisecond',
            CASE WHEN i % 50 = 0 THEN NULL ELSE received_at + latency_ms * interval '1 millisecond' + delivery_ms END
       FROM gen`,
    `INSERT INTO agent_metrics (conversation_id, channel, event_id, action, escalation_reason, latency_ms, tool_calls, turns, model, created_at)
     SELECT conversation_id, channel, channel || ':p' || i, CASE kind WHEN 'answer' THEN 'answered' ELSE 'escalated' END,
            CASE kind WHEN 'answer' THEN NULL ELSE reason END, latency_ms, '["search_knowledge_base","send_response"]', 2, 'offline',
            received_at + latency_ms * interval '1 millisecond'
       FROM gen`,
    `INSERT INTO outbox (event_id, topic, key, payload, headers, created_at, published_at)
     SELECT e.event_id, e.topic, 'key', '{}', jsonb_build_object('x-correlation-id', 'corr-' || i), e.at, e.at + interval '5 milliseconds'
       FROM gen, LATERAL (VALUES (channel || ':p' || i, 'cs.inbound.v1', received_at),
                                 (kind || ':' || channel || ':p' || i, 'cs.outbound.v1', received_at + latency_ms * interval '1 millisecond')) AS e(event_id, topic, at)`,
    `INSERT INTO processed_events (consumer, event_id, processed_at)
     SELECT 'message-processor', channel || ':p' || i, received_at + latency_ms * interval '1 millisecond' FROM gen`,
    `INSERT INTO deliveries (reply_event_id, channel, status, attempts)
     SELECT kind || ':' || channel || ':p' || i, channel, CASE WHEN i % 50 = 0 THEN 'pending' ELSE 'sent' END, 1 FROM gen`,
    `INSERT INTO dead_letters (id, event_id, correlation_id, source_topic, source_partition, source_offset, consumer_group, error_code, error_message,
                               retriable, attempts, payload, failed_at, replayed_at)
     SELECT md5('dl' || i), channel || ':p' || i, 'corr-' || i, 'cs.inbound.v1', i % 12, i, 'message-processor', 'AGENT_TIMEOUT', 'model timed out', true, 4,
            '{}', received_at + interval '20 seconds', CASE WHEN i % 2000 = 0 THEN received_at + interval '1 hour' END
       FROM gen WHERE i % 250 = 0`,
    'DROP TABLE gen',
  ];
}

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function main() {
  const fromFile = readInfraEnvFile();
  const url = process.env.TEST_DATABASE_URL ?? fromFile.TEST_DATABASE_URL;
  if (!url) throw new Error('needs the real PostgreSQL: run npm run infra:up first');
  const db = await createIsolatedTestDatabase({ url, poolMax: 8 });
  try {
    console.log(`schema ${db.schema}: generating ${MESSAGES.toLocaleString()} messages over ${DAYS} days (${CONVERSATIONS.toLocaleString()} conversations)`);
    let started = performance.now();
    // One connection: the generator's temp table lives in its session.
    await db.session(async (session) => {
      for (const sql of generationSql()) await session.exec(sql);
    });
    console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    // Only this schema's tables: a database-wide VACUUM would wait on whatever else runs on the server.
    const tables = await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = $1`, [db.schema]);
    for (const { name } of tables.rows) await db.exec(`VACUUM (ANALYZE) ${db.schema}.${name}`);
    console.log(`vacuum analyze in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const sizes = await db.query<{ relation: string; rows: string; size: string }>(
      `SELECT c.relname AS relation, c.reltuples::bigint AS rows, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind = 'r' AND c.reltuples > 0 ORDER BY pg_total_relation_size(c.oid) DESC`,
      [db.schema],
    );
    console.table(sizes.rows);

    const now = Date.now();
    const last = (hours: number): TimeWindow => ({ from: new Date(now - hours * 3_600_000), to: new Date(now) });
    // What ops-api does at start and then on its refresh interval: roll up the final days of the maximum range.
    started = performance.now();
    const rolled = await refreshRollups(db, last(24 * 31));
    console.log(`daily rollups: ${rolled} days computed in ${((performance.now() - started) / 1000).toFixed(1)} s (once; then one day per day)`);
    const yesterday = new Date(now - 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[string, (q: SqlClient) => Promise<unknown>]> = [
      ['channels, last 24 h (default)', (q) => getChannelMetrics(q, last(24))],
      ['channels, last 7 days', (q) => getChannelMetrics(q, last(24 * 7))],
      ['channels, last 31 days (max range)', (q) => getChannelMetrics(q, last(24 * 31))],
      ['series, last 24 h hourly', (q) => getMetricsSeries(q, last(24))],
      ['series, last 7 days daily', (q) => getMetricsSeries(q, last(24 * 7))],
      [`digest ${yesterday}`, (q) => getDailyDigest(q, yesterday)],
      ['trace of one message', (q) => getMessageTrace(q, `email:p${INBOUND - 1234}`)],
      ['health backlog', (q) => getPipelineBacklog(q)],
    ];
    const results: Array<Record<string, string | number>> = [];
    for (const [name, run] of cases) {
      // A new pool per case: its first call pays parsing and planning like a freshly started ops-api would.
      const fresh = createPgSqlClient({ url, poolMax: 8, searchPath: [db.schema!, 'public'] });
      try {
        const cold = await timed(() => run(fresh));
        const warm: number[] = [];
        for (let i = 0; i < RUNS; i++) warm.push(await timed(() => run(fresh)));
        const s = summarize(warm);
        results.push({ query: name, 'cold ms': round(cold), 'warm p50 ms': round(s.p50), 'warm p95 ms': round(s.p95), 'within 200 ms': s.p95 < BUDGET_MS ? 'yes' : 'NO' });
      } finally {
        await fresh.close();
      }
    }
    console.table(results);
    if (values.explain) await explain(db, last(24), last(24 * 31));
  } finally {
    if (values.keep) console.log(`kept schema ${db.schema}`);
    else await db.close();
  }
  if (values.keep) process.exit(0);
}

/** The plans of the two heaviest statements, for docs/operations.md. */
async function explain(db: SqlClient, day: TimeWindow, month: TimeWindow) {
  const { FIRST_RESPONSES_CTE } = await import('@cs/core');
  for (const [name, window] of [['24 h', day], ['31 days', month]] as const) {
    const params = [window.from.toISOString(), window.to.toISOString(), ['email', 'whatsapp', 'web_form']];
    const sql = `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) WITH ${FIRST_RESPONSES_CTE}
      SELECT channel, percentile_cont(ARRAY[0.5, 0.95]) WITHIN GROUP (ORDER BY ms), count(*) FROM first_responses GROUP BY ROLLUP (channel)`;
    const plan = await db.query<{ 'QUERY PLAN': string }>(sql.replace(/\$1/g, `'${params[0]}'::timestamptz`).replace(/\$2/g, `'${params[1]}'::timestamptz`).replace(/\$3::text\[\]/g, `'{email,whatsapp,web_form}'::text[]`));
    console.log(`\n-- first response, ${name}\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
