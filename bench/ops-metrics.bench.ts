/**
 * npm run bench:ops -- [--messages 1000000] [--days 30] [--runs 20] [--explain]
 * Generates a pipeline history in a fresh schema of the real PostgreSQL from infra:up (generate_series: customers,
 * conversations, half inbound / half outbound messages with their agent runs, outbox rows, processed events,
 * deliveries and dead letters, spread evenly over --days up to now), then times the queries behind ops-api:
 * first execution on a new connection ("cold": planning, prepared statements, buffers not yet touched by it) and
 * the p50/p95 of --runs more ("warm"), with the daily rollups and recent hours warmed first, as ops-api does at start.
 * The budget is 200 ms per endpoint.
 */
import { parseArgs } from 'node:util';
import { getChannelMetrics, getDailyDigest, getMessageTrace, getMetricsSeries, getPipelineBacklog, HourlyFigures, refreshRollups, type TimeWindow } from '@cs/core';
import { createIsolatedTestDatabase, createPgSqlClient } from '@cs/db';
import type { SqlClient } from '@cs/ports';
import { readInfraEnvFile } from '@cs/testing';
import { generateOpsHistory } from '../libs/core/src/ops/testing/ops-history.fixture';
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
const BUDGET_MS = 200;

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
    await generateOpsHistory(db, { messages: MESSAGES, days: DAYS });
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
    started = performance.now();
    const hourly = new HourlyFigures();
    const hours = await hourly.refresh(db, new Date(now));
    console.log(`hourly figures: ${hours} hours read in ${((performance.now() - started) / 1000).toFixed(1)} s (at start; then the stale ones each refresh)`);
    const rollups = { hourly };
    const yesterday = new Date(now - 86_400_000).toISOString().slice(0, 10);
    const cases: Array<[string, (q: SqlClient) => Promise<unknown>]> = [
      ['channels, last 24 h (default)', (q) => getChannelMetrics(q, last(24), rollups)],
      ['channels, last 7 days', (q) => getChannelMetrics(q, last(24 * 7), rollups)],
      ['channels, last 31 days (max range)', (q) => getChannelMetrics(q, last(24 * 31), rollups)],
      ['series, last 24 h hourly', (q) => getMetricsSeries(q, last(24), undefined, rollups)],
      ['series, last 7 days daily', (q) => getMetricsSeries(q, last(24 * 7), undefined, rollups)],
      [`digest ${yesterday}`, (q) => getDailyDigest(q, yesterday, rollups)],
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
