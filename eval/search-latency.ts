/**
 * npx tsx eval/search-latency.ts [--db pglite|postgres] [--rounds 5]
 * Cost of the knowledge search and of the whole agent decision per message: ingests the shipped knowledge base into a
 * fresh database (PGlite, or a throw-away schema on TEST_DATABASE_URL), warms up, then times `KnowledgeSearch.search`
 * on every shipped case's question and `CustomerAgent.decide` on every case, and prints mean / p50 / p95 / p99 in ms.
 * The search is timed twice in the same loop, question by question: in fused order, and with the article ranker
 * (ArticleRanker). `decide` is timed twice the same way: with the learned models (intent, distress, answerability,
 * article ranker) and with all four turned off (INTENT_THRESHOLD=1, DISTRESS_THRESHOLD=1, ANSWERABILITY_THRESHOLD=1,
 * KB_ARTICLE_RANKER=false), the baseline for what they cost.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCustomerAgent } from '@cs/agent';
import { createIsolatedTestDatabase } from '@cs/db';
import { extractCustomerText, extractQuestionFocus } from '@cs/domain';
import { ArticleRanker, createEmbedder, ingestKnowledgeBase, KnowledgeSearch, readKnowledgeDir } from '@cs/knowledge';
import type { AgentRequest } from '@cs/ports';
import { readInfraEnvFile } from '@cs/testing';
import { eventFor } from './eval-case-runner';
import { loadCases } from './eval-case.schema';

const ROOT = join(__dirname, '..');

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = samples.reduce((s, v) => s + v, 0) / samples.length;
  return `n=${samples.length} mean ${mean.toFixed(2)} ms, p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, p99 ${at(0.99).toFixed(2)} ms`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string', default: 'pglite' }, rounds: { type: 'string', default: '5' } } });
  const rounds = Number(values.rounds);
  let url: string | undefined;
  if (values.db === 'postgres') url = process.env.TEST_DATABASE_URL ?? readInfraEnvFile().TEST_DATABASE_URL;
  const db = await createIsolatedTestDatabase({ url });
  try {
    const embedder = createEmbedder({});
    const t0 = performance.now();
    await ingestKnowledgeBase({ db, embedder }, await readKnowledgeDir(join(ROOT, 'knowledge-base')));
    const ingestMs = performance.now() - t0;
    const cases = await loadCases(join(__dirname, 'cases.jsonl'));
    const questions = cases.map((c) => extractQuestionFocus(extractCustomerText(c.body)));
    const search = new KnowledgeSearch({ db, embedder });
    const ranked = new KnowledgeSearch({ db, embedder, ranker: new ArticleRanker(embedder) });
    const t1 = performance.now();
    await search.search(questions[0]!, 5); // first search (statistics, and any per-knowledge-base calibration)
    const firstMs = performance.now() - t1;
    const coldTimes: number[] = [];
    for (const q of questions) {
      // the first time each question is seen (nothing memoised for its words yet)
      const t = performance.now();
      await search.search(q, 5);
      coldTimes.push(performance.now() - t);
    }
    for (const q of questions) await ranked.search(q, 5); // the ranker's heading embeddings, once per heading
    const searchTimes: number[] = [];
    const rankedTimes: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of questions) {
        for (const [target, into] of [[search, searchTimes], [ranked, rankedTimes]] as const) {
          const t = performance.now();
          await target.search(q, 5);
          into.push(performance.now() - t);
        }
      }
    }
    const agent = await createCustomerAgent({ db, env: {} });
    const rulesOnly = await createCustomerAgent({ db, env: { INTENT_THRESHOLD: 1, DISTRESS_THRESHOLD: 1, ANSWERABILITY_THRESHOLD: 1, KB_ARTICLE_RANKER: false } });
    const requests = cases.map((c, i): AgentRequest => ({ event: eventFor(c, i), customerId: '00000000-0000-4000-8000-000000000000', conversationId: `conv-${i}`, ticketNumber: 'TKT-BENCH1', customerName: c.name }));
    for (const r of requests) await agent.decide(r); // warm-up
    for (const r of requests) await rulesOnly.decide(r);
    const decideTimes: number[] = [];
    const baselineTimes: number[] = [];
    const timed = async (target: typeof agent, req: AgentRequest, into: number[]) => {
      const t = performance.now();
      await target.decide(req);
      into.push(performance.now() - t);
    };
    for (let r = 0; r < Math.max(1, Math.floor(rounds / 2)); r++) {
      for (const req of requests) {
        await timed(agent, req, decideTimes);
        await timed(rulesOnly, req, baselineTimes);
      }
    }
    process.stdout.write(`${values.db}: ingest ${ingestMs.toFixed(0)} ms, first search ${firstMs.toFixed(1)} ms\n`);
    process.stdout.write(`search, first time per question: ${stats(coldTimes)}\n`);
    process.stdout.write(`search: ${stats(searchTimes)}\n`);
    process.stdout.write(`search with the article ranker: ${stats(rankedTimes)}\n`);
    process.stdout.write(`decide: ${stats(decideTimes)}\n`);
    process.stdout.write(`decide, learned models off: ${stats(baselineTimes)}\n`);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    process.stdout.write(`search with / without the article ranker: ${(mean(rankedTimes) / mean(searchTimes)).toFixed(2)}x mean\n`);
    process.stdout.write(`decide with / without the learned models: ${(mean(decideTimes) / mean(baselineTimes)).toFixed(2)}x mean\n`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
