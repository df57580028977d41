import { OpenAIProvider } from '@openai/agents';
import { ARTICLE_RANKER_MODEL, ArticleRanker, createEmbedder, ingestKnowledgeBase, KnowledgeSearch, OnnxEmbedder, readKnowledgeDir, type Embedder, type KnowledgeHit } from '@cs/knowledge';
import type { Logger } from '@cs/observability';
import type { SqlClient } from '@cs/ports';
import { DEFAULT_PRODUCT } from './agent-instructions';
import { CustomerSuccessAgent, type MatchPolicy } from './customer-success.agent';
import { readCustomerHistory } from './history/customer-history.reader';
import { ANSWERABILITY_MODEL, AnswerabilityCheck } from './policy/answerability-check';
import { DISTRESS_LABELS, DISTRESS_MODEL, INTENT_LABELS, INTENT_MODEL, SentenceCheck } from './policy/sentence-check';
import { OFFLINE_MODEL_NAME, OfflineModel } from './models/offline/offline.model';

export interface CustomerAgentSettings {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_MODEL?: string;
  OPENAI_EMBEDDING_MODEL?: string;
  EMBEDDING_MODEL_DIR?: string;
  KNOWLEDGE_BASE_DIR?: string;
  KB_INGEST_ON_START?: boolean;
  KB_MATCH_THRESHOLD?: number;
  KB_UNKNOWN_WORD_STEP?: number;
  KB_OVERVIEW_STEP?: number;
  PRODUCT_NAME?: string;
  PRODUCT_DESCRIPTION?: string;
  /** Probability the intent check needs to escalate (default: the trained model's); 1 turns it off. */
  INTENT_THRESHOLD?: number;
  /** Probability the distress check needs to lower a lukewarm sentiment score (default: the model's); 1 turns it off. */
  DISTRESS_THRESHOLD?: number;
  /** Probability the answerability check needs to send an answer to a person as no_kb_match; 1 turns it off. */
  ANSWERABILITY_THRESHOLD?: number;
  /** false: search results in fused-score order; by default the article ranker orders them (local embeddings only). */
  KB_ARTICLE_RANKER?: boolean;
}

/**
 * What a passage needs to count as an answer, per embedding model: a fused score of at least `threshold`, raised by
 * `unknownWordStep` for each word the question asks with that the knowledge base never uses (up to
 * MAX_UNKNOWN_WORDS). The score's parts are shares and normalised similarities that do not depend on the knowledge
 * base's size or vocabulary, so one value per model holds across knowledge bases: searched on the traces of the
 * development sets, measured on held-back sets never used for tuning (docs/agent.md). The OpenAI values are a
 * starting point that has not been measured (no key here): recalibrate with `npm run eval -- --trace`.
 */
export const MATCH_POLICIES: Record<string, MatchPolicy> = {
  [new OnnxEmbedder().model]: { threshold: 0.34, unknownWordStep: 0, overviewStep: 0.05 },
  'text-embedding-3-small@384': { threshold: 0.3, unknownWordStep: 0, overviewStep: 0 },
};

export function matchPolicyFor(embedder: Embedder, overrides: Partial<MatchPolicy> = {}): MatchPolicy {
  const calibrated = MATCH_POLICIES[embedder.model] ?? { threshold: 0.27, unknownWordStep: 0, overviewStep: 0 };
  return {
    threshold: overrides.threshold ?? calibrated.threshold,
    unknownWordStep: overrides.unknownWordStep ?? calibrated.unknownWordStep,
    overviewStep: overrides.overviewStep ?? calibrated.overviewStep,
  };
}

/**
 * The composition of the agent: OpenAI when OPENAI_API_KEY is set, otherwise the offline model; embeddings to match;
 * hybrid knowledge search and customer history read from the database. Optionally ingests the knowledge base first.
 */
export async function createCustomerAgent(input: {
  db: SqlClient;
  env: CustomerAgentSettings;
  logger?: Logger;
  ingestOnStart?: boolean;
  /** Sees every search with up to 40 candidates (the eval's --trace, for calibration); the tool still gets its limit. */
  onSearch?: (query: string, hits: KnowledgeHit[]) => void;
}): Promise<CustomerSuccessAgent> {
  const { db, env, logger } = input;
  const embedder = createEmbedder(env);
  if (env.KB_INGEST_ON_START ?? input.ingestOnStart ?? false) {
    const dir = env.KNOWLEDGE_BASE_DIR ?? 'knowledge-base';
    const report = await ingestKnowledgeBase({ db, embedder }, await readKnowledgeDir(dir));
    logger?.info({ dir, added: report.added.length, updated: report.updated.length, removed: report.removed.length, chunks: report.chunks }, 'knowledge base ingested');
  }
  // The article ranker's weights are fitted on bge-small vectors and fused scores; with other embeddings it is off.
  const ranker = env.KB_ARTICLE_RANKER !== false && embedder.model === ARTICLE_RANKER_MODEL.embeddingModel ? new ArticleRanker(embedder) : undefined;
  const knowledge = new KnowledgeSearch({ db, embedder, ranker });
  const deps = {
    searchKnowledge: async (query: string, limit: number) => {
      if (!input.onSearch) return knowledge.search(query, limit);
      const hits = await knowledge.search(query, Math.max(limit, 40));
      input.onSearch(query, hits);
      return hits.slice(0, limit);
    },
    readHistory: (customerId: string, limit: number) => readCustomerHistory(db, customerId, limit),
    headingTerms: (words: readonly string[]) => knowledge.headingTerms(words),
    unknownTerms: (words: readonly string[]) => knowledge.unknownTerms(words),
  };
  const online = Boolean(env.OPENAI_API_KEY);
  const modelName = online ? (env.OPENAI_MODEL ?? 'gpt-4.1-mini') : OFFLINE_MODEL_NAME;
  const model = online
    ? await new OpenAIProvider({ apiKey: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, useResponses: true }).getModel(modelName)
    : new OfflineModel();
  // The sentence models read bge-small embeddings whichever embeddings the knowledge base uses (local, no network).
  const local = embedder.model === INTENT_MODEL.embeddingModel ? embedder : new OnnxEmbedder(env.EMBEDDING_MODEL_DIR);
  const intentThreshold = env.INTENT_THRESHOLD ?? INTENT_MODEL.threshold;
  const intents = intentThreshold >= 1 ? undefined : new SentenceCheck(local, INTENT_MODEL, INTENT_LABELS, intentThreshold);
  const distressThreshold = env.DISTRESS_THRESHOLD ?? DISTRESS_MODEL.threshold;
  const distress = distressThreshold >= 1 ? undefined : new SentenceCheck(local, DISTRESS_MODEL, DISTRESS_LABELS, distressThreshold);
  // The answerability model reads the fused scores of bge-small searches: with other embeddings it has nothing to read.
  const answerabilityThreshold = env.ANSWERABILITY_THRESHOLD ?? ANSWERABILITY_MODEL.threshold;
  const answerability = answerabilityThreshold >= 1 || embedder.model !== ANSWERABILITY_MODEL.embeddingModel ? undefined : new AnswerabilityCheck(embedder, ANSWERABILITY_MODEL, answerabilityThreshold);
  logger?.info({ model: modelName, embeddings: embedder.model, intentThreshold: intents?.threshold ?? 'off', distressThreshold: distress?.threshold ?? 'off', answerabilityThreshold: answerability?.threshold ?? 'off', articleRanker: ranker ? 'on' : 'off' }, 'customer agent ready');
  return new CustomerSuccessAgent({ model, modelName, deps, match: matchPolicyFor(embedder, { threshold: env.KB_MATCH_THRESHOLD, unknownWordStep: env.KB_UNKNOWN_WORD_STEP, overviewStep: env.KB_OVERVIEW_STEP }),
    logger,
    intents,
    distress,
    answerability,
    product: { name: env.PRODUCT_NAME ?? DEFAULT_PRODUCT.name, description: env.PRODUCT_DESCRIPTION ?? DEFAULT_PRODUCT.description },
  });
}
