import type { Embedder } from './embedder.port';
import { OnnxEmbedder } from './onnx.embedder';
import { OpenAiEmbedder } from './openai.embedder';

export interface EmbedderConfig {
  OPENAI_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  OPENAI_EMBEDDING_MODEL?: string;
  /** The offline model's files (scripts/fetch-embedding-model.mjs puts them in libs/knowledge/models by default). */
  EMBEDDING_MODEL_DIR?: string;
}

/** OpenAI embeddings when a key is configured, the local deterministic embedding otherwise. */
export function createEmbedder(config: EmbedderConfig): Embedder {
  if (!config.OPENAI_API_KEY) return new OnnxEmbedder(config.EMBEDDING_MODEL_DIR);
  return new OpenAiEmbedder({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_EMBEDDING_MODEL });
}
