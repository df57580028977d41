import { booleanFromEnv } from '@cs/config';
import { z } from 'zod';

/** The agent's settings; services spread them into their own config schema. */
export const agentEnv = {
  /** Set: OpenAI models and embeddings. Unset: the offline model and the local embedding. */
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4.1-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  /** The offline embedding model's folder (model.onnx, tokenizer.json); defaults to where `npm install` puts it. */
  EMBEDDING_MODEL_DIR: z.string().min(1).optional(),
  /** Markdown articles ingested at start when KB_INGEST_ON_START is on (the embedded mode's default). */
  KNOWLEDGE_BASE_DIR: z.string().default('knowledge-base'),
  KB_INGEST_ON_START: booleanFromEnv.optional(),
  /** The product the agent supports: the hosted model's instructions name it, the intent check looks for it. */
  PRODUCT_NAME: z.string().min(1).default('Brightdesk'),
  PRODUCT_DESCRIPTION: z.string().min(1).default('a task-board product for teams'),
  /** Overrides the calibrated "is this passage an answer" threshold of the embedding model in use. */
  KB_MATCH_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  KB_UNKNOWN_WORD_STEP: z.coerce.number().min(0).max(0.1).optional(),
  /** Overrides how much more than a section an article's overview (its opening) needs to count as an answer. */
  KB_OVERVIEW_STEP: z.coerce.number().min(0).max(0.2).optional(),
  /** Overrides the probability the intent check needs to escalate a request the trigger rules missed; 1 turns it off. */
  INTENT_THRESHOLD: z.coerce.number().gt(0).max(1).optional(),
  /** Overrides the probability the distress check needs to lower a lukewarm sentiment score; 1 turns it off. */
  DISTRESS_THRESHOLD: z.coerce.number().gt(0).max(1).optional(),
  /** Off: search results stay in fused-score order instead of the article ranker's (on by default with local embeddings). */
  KB_ARTICLE_RANKER: booleanFromEnv.optional(),
  /** Overrides the probability the answerability check needs to send an answer to a person as no_kb_match; 1 turns it off. */
  ANSWERABILITY_THRESHOLD: z.coerce.number().gt(0).max(1).optional(),
};

export const agentEnvSchema = z.object(agentEnv);
export type AgentEnv = z.input<typeof agentEnvSchema>;
