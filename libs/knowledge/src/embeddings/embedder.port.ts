/** The knowledge base's vector size (database/migrations: vector(256)). */
export const EMBEDDING_DIMENSIONS = 256;

/** Turns texts into vectors of EMBEDDING_DIMENSIONS. Vectors of different models are never compared. */
export interface Embedder {
  /** Stored with every vector, e.g. "local-hash-v1" or "text-embedding-3-small@256". */
  readonly model: string;
  embed(texts: string[]): Promise<number[][]>;
}
