import { createCustomerAgent, type CustomerAgentSettings } from '@cs/agent';
import { createSqlClient, migrate } from '@cs/db';
import { createEmbedder, ingestKnowledgeBase, readKnowledgeDir, type KnowledgeHit } from '@cs/knowledge';
import { createLogger } from '@cs/observability';
import { runCase, type CaseOutcome } from './eval-case-runner';
import { productNameOf } from './product-name';
import type { EvalCase } from './eval-case.schema';
import { summarize, type EvalSummary } from './eval-metrics';

export interface EvalOptions {
  kbDir: string;
  cases: EvalCase[];
  env?: CustomerAgentSettings;
  signature?: string;
  /** Record every search's candidates with their score parts on each case (for calibrating weights and threshold). */
  trace?: boolean;
  /** Called after each case (the CLI prints a line). */
  onCase?: (outcome: CaseOutcome, index: number) => void;
}

export interface EvalReport {
  model: string;
  embeddings: string;
  kbDir: string;
  startedAt: string;
  durationMs: number;
  summary: EvalSummary;
  cases: CaseOutcome[];
}

/**
 * A fresh in-memory database, migrated; the knowledge base ingested; every case through processInbound (the
 * message-processor's use case) with the real agent; the results read back from the database.
 */
export async function runEval(options: EvalOptions): Promise<EvalReport> {
  const started = Date.now();
  const env = options.env ?? {};
  const db = await createSqlClient({ pglite: {} });
  try {
    await migrate(db);
    const embedder = createEmbedder(env);
    await ingestKnowledgeBase({ db, embedder }, await readKnowledgeDir(options.kbDir));
    const logger = createLogger({ service: 'eval', level: 'silent' });
    let searches: NonNullable<CaseOutcome['searches']> = [];
    const onSearch = options.trace ? (query: string, hits: KnowledgeHit[]) => searches.push({ query, hits }) : undefined;
    // The agent knows whose support it is (PRODUCT_NAME): the eval takes it from the set's sign-off unless given.
    const product = env.PRODUCT_NAME ?? productNameOf(options.signature);
    const agent = await createCustomerAgent({ db, env: { ...env, KB_INGEST_ON_START: false, ...(product ? { PRODUCT_NAME: product } : {}) }, onSearch });
    const deps = { db, agent, relay: { kick() {} }, logger, settings: { resumeWindowMs: 86_400_000, signature: options.signature ?? 'The Brightdesk Support Team' } };
    const outcomes: CaseOutcome[] = [];
    for (const [i, c] of options.cases.entries()) {
      searches = [];
      const outcome = await runCase(deps, c, i);
      if (options.trace) outcome.searches = searches;
      outcomes.push(outcome);
      options.onCase?.(outcome, i);
    }
    return {
      model: env.OPENAI_API_KEY ? (env.OPENAI_MODEL ?? 'gpt-4.1-mini') : 'offline-extractive-v1',
      embeddings: embedder.model,
      kbDir: options.kbDir,
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      summary: summarize(outcomes),
      cases: outcomes,
    };
  } finally {
    await db.close();
  }
}
