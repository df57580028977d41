/** The knowledge base's vector size (database/migrations: vector(384)), the offline model's native size. */
export const EMBEDDING_DIMENSIONS = 384;

/** Turns texts into vectors of EMBEDDING_DIMENSIONS. Vectors of different models are never compared. */
export interface Embedder {
  /** Stored with every vector, e.g. "bge-small-en-v1.5-q" or "text-embedding-3-small@384". */
  readonly model: string;
  /** Passages: knowledge-base chunks. */
  embed(texts: string[]): Promise<number[][]>;
  /** A search query; asymmetric models phrase it differently from a passage. */
  embedQuery(text: string): Promise<number[]>;
}
