import { OpenAIProvider } from '@openai/agents';
import { createEmbedder, ingestKnowledgeBase, KnowledgeSearch, OnnxEmbedder, readKnowledgeDir, type Embedder, type KnowledgeHit } from '@cs/knowledge';
import type { Logger } from '@cs/observability';
import type { SqlClient } from '@cs/ports';
import { DEFAULT_PRODUCT } from './agent-instructions';
import { CustomerSuccessAgent } from './customer-success.agent';
import { readCustomerHistory } from './history/customer-history.reader';
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
  PRODUCT_NAME?: string;
  PRODUCT_DESCRIPTION?: string;
}

/**
 * The fused score a passage needs to count as an answer, per embedding model. The score's parts are shares and
 * normalised similarities that do not depend on the knowledge base's size or vocabulary, so one value per model holds
 * across knowledge bases: calibrated on two (the shipped Brightdesk set and the held-out Lumen Forms set), measured on
 * a third never used for tuning (docs/agent.md). Cosine weighs 0.1 of the score, so OpenAI embeddings move it little;
 * their value is a starting point that has not been measured (no key here): recalibrate with `npm run eval`.
 */
export const MATCH_THRESHOLDS: Record<string, number> = { [new OnnxEmbedder().model]: 0.42, 'text-embedding-3-small@384': 0.3 };

export function matchThresholdFor(embedder: Embedder, override?: number): number {
  return override ?? MATCH_THRESHOLDS[embedder.model] ?? 0.27;
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
  const knowledge = new KnowledgeSearch({ db, embedder });
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
  logger?.info({ model: modelName, embeddings: embedder.model }, 'customer agent ready');
  return new CustomerSuccessAgent({ model, modelName, deps, matchThreshold: matchThresholdFor(embedder, env.KB_MATCH_THRESHOLD),
    logger,
    product: { name: env.PRODUCT_NAME ?? DEFAULT_PRODUCT.name, description: env.PRODUCT_DESCRIPTION ?? DEFAULT_PRODUCT.description },
  });
}
