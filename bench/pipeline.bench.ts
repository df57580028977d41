/**
 * npm run bench:pipeline -- [--rate 300] [--seconds 20]
 * Submits forms at a fixed rate to the whole pipeline (ingress-web HTTP API → outbox → Kafka → message-processor →
 * Kafka → egress-web) running in this process on the real Kafka and PostgreSQL from infra:up, with the offline agent.
 * Baseline, same script and rate: a bare Kafka round trip (publish → consume) on the same broker, so the ratio shows
 * what the pipeline adds to the transport.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { createTopics } from '@cs/bus';
import { createCustomerAgent, FirstResponseAgent } from '@cs/agent';
import { createIsolatedTestDatabase } from '@cs/db';
import { readInfraEnvFile } from '@cs/testing';
import { newTestBus, startTestPipeline, VALID_FORM } from '../services/standalone/test/pipeline-harness';
import { atFixedRate, mb, summarize } from './bench-stats';

const { values } = parseArgs({
  options: { rate: { type: 'string', default: '300' }, seconds: { type: 'string', default: '20' }, agent: { type: 'string', default: 'offline' } },
});
if (values.agent !== 'offline' && values.agent !== 'first-response') throw new Error('--agent is offline (the default) or first-response');
const rate = Number(values.rate);
const total = Math.round(rate * Number(values.seconds));

async function kafkaRoundTrip(): Promise<ReturnType<typeof summarize>> {
  const prefix = `bench${randomBytes(3).toString('hex')}.`;
  await createTopics(process.env.KAFKA_BROKERS!.split(','), [{ topic: `${prefix}baseline`, numPartitions: 12 }]);
  const bus = newTestBus(prefix);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const sub = await bus.subscribe({
    groupId: 'baseline',
    topics: ['baseline'],
    handler: async (m) => {
      latencies.push(performance.now() - sentAt.get(m.key!)!);
      if (latencies.length === total) resolveDone();
    },
  });
  await atFixedRate(rate, total, async (i) => {
    const key = `k${i}`;
    sentAt.set(key, performance.now());
    await bus.publish('baseline', [{ key, value: JSON.stringify({ i }) }]);
  });
  await done;
  await sub.stop();
  await bus.close();
  return summarize(latencies);
}

// A mix of what customers ask: answered from the knowledge base, and one that the policy escalates.
const QUESTIONS = [
  { subject: 'Exporting a board', message: 'How do I export my board to CSV so I can open it in Excel?' },
  { subject: 'Slack notifications', message: 'How can I connect Slack so my team gets notified when a card moves?' },
  { subject: 'Two-factor login', message: 'How do I turn on two-factor authentication for my account?' },
  { subject: 'Plan pricing', message: 'What does the Business plan cost per user per month?' },
];

async function pipelineRun() {
  const db = await createIsolatedTestDatabase({ url: process.env.TEST_DATABASE_URL!, poolMax: 20 });
  // first-response isolates the pipeline's own cost: a constant acknowledgement instead of the agent's search and loop.
  const agent = values.agent === 'offline' ? await createCustomerAgent({ db, env: {}, ingestOnStart: true }) : new FirstResponseAgent();
  const pipeline = await startTestPipeline({ db, agent });
  const submittedAt = new Map<string, number>();
  const accept: number[] = [];
  let rejected = 0;
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 200);
  const wall = await atFixedRate(rate, total, async (i) => {
    const t0 = performance.now();
    const epoch = Date.now();
    const res = await fetch(`${pipeline.baseUrl}/api/v1/support/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...VALID_FORM, email: `bench${i}@example.com`, ...QUESTIONS[i % QUESTIONS.length] }),
    });
    const body = (await res.json()) as { ticketId?: string };
    accept.push(performance.now() - t0);
    if (res.status === 201 && body.ticketId) submittedAt.set(body.ticketId, epoch);
    else rejected += 1;
  });
  // End to end: from the client's submit to the reply stored (processor) and visible (egress-web delivered it).
  const deadline = Date.now() + 120_000;
  let rows: Array<{ number: string; stored: Date; delivered: Date | null }> = [];
  while (Date.now() < deadline) {
    rows = (
      await pipeline.db.query<{ number: string; stored: Date; delivered: Date | null }>(
        `SELECT t.number, m.created_at AS stored, m.delivered_at AS delivered FROM messages m JOIN tickets t ON t.id = m.ticket_id
          WHERE m.direction = 'outbound'`,
      )
    ).rows;
    if (rows.length >= submittedAt.size && rows.every((r) => r.delivered)) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  clearInterval(sampler);
  const stored = rows.map((r) => r.stored.getTime() - submittedAt.get(r.number)!);
  const delivered = rows.filter((r) => r.delivered).map((r) => r.delivered!.getTime() - submittedAt.get(r.number)!);
  const lastDelivered = Math.max(...rows.map((r) => r.delivered?.getTime() ?? 0));
  const firstSubmit = Math.min(...submittedAt.values());
  const actions = await db.query<{ action: string; n: string }>('SELECT action, count(*) AS n FROM agent_metrics GROUP BY action');
  const agentLatency = (await db.query<{ latency_ms: number }>('SELECT latency_ms FROM agent_metrics')).rows.map((r) => r.latency_ms);
  await pipeline.close();
  await db.close();
  return {
    agentLatency: summarize(agentLatency),
    actions: Object.fromEntries(actions.rows.map((r) => [r.action, Number(r.n)])),
    wall, rejected, accepted: submittedAt.size, replies: rows.length,
    acceptLatency: summarize(accept), stored: summarize(stored), delivered: summarize(delivered),
    sustained: rows.length / ((lastDelivered - firstSubmit) / 1000), rssBefore, rssPeak,
  };
}

async function main() {
  const fromFile = readInfraEnvFile();
  process.env.TEST_DATABASE_URL ??= fromFile.TEST_DATABASE_URL;
  process.env.KAFKA_BROKERS ??= fromFile.KAFKA_BROKERS;
  if (!process.env.TEST_DATABASE_URL || !process.env.KAFKA_BROKERS) throw new Error('needs real Kafka and PostgreSQL: run npm run infra:up first');
  const fmt = (s: ReturnType<typeof summarize>) => `p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  p99 ${s.p99.toFixed(1)} ms  max ${s.max.toFixed(1)} ms`;
  console.log(`bench:pipeline  rate=${rate}/s  forms=${total}  agent=${values.agent}  node=${process.version}  cpus=${availableParallelism()}`);
  const baseline = await kafkaRoundTrip();
  console.log(`baseline  Kafka publish→consume round trip: ${fmt(baseline)}`);
  const run = await pipelineRun();
  console.log(`submit    accepted ${run.accepted}/${total} (rejected ${run.rejected}) in ${run.wall.toFixed(1)} s = ${(run.accepted / run.wall).toFixed(0)} accepted/s`);
  console.log(`          HTTP 201 latency: ${fmt(run.acceptLatency)}`);
  console.log(`e2e       submit → reply stored:    ${fmt(run.stored)}  (${run.replies} replies)`);
  console.log(`e2e       submit → reply delivered: ${fmt(run.delivered)}`);
  console.log(`agent     decisions: ${JSON.stringify(run.actions)} (${values.agent === 'offline' ? 'offline model, shipped knowledge base' : 'first-response acknowledgement'})`);
  console.log(`          agent.decide latency: ${fmt(run.agentLatency)}`);
  console.log(`          sustained ${run.sustained.toFixed(0)} messages/s end to end`);
  console.log(`memory    rss ${mb(run.rssBefore)} before, ${mb(run.rssPeak)} peak`);
  console.log(`ratio     e2e stored p50 / Kafka round trip p50 = ${(run.stored.p50 / baseline.p50).toFixed(1)}x;  p95 ratio = ${(run.stored.p95 / baseline.p95).toFixed(1)}x`);
  process.exit(run.replies === total ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
