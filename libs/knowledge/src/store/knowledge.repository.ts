import { toVectorLiteral } from '@cs/db';
import type { Queryable } from '@cs/ports';
import type { KnowledgeChunk } from '../chunking/markdown-chunker';

export interface StoredSource {
  hashes: string[];
  models: Set<string | null>;
}

/** What is stored per source: its chunk hashes in order and the embedding models used. */
export async function loadStoredSources(db: Queryable): Promise<Map<string, StoredSource>> {
  const result = await db.query<{ source: string; content_hash: string; embedding_model: string | null }>(
    'SELECT source, content_hash, embedding_model FROM knowledge_base ORDER BY source, chunk_index',
  );
  const sources = new Map<string, StoredSource>();
  for (const row of result.rows) {
    const entry = sources.get(row.source) ?? { hashes: [], models: new Set() };
    entry.hashes.push(row.content_hash);
    entry.models.add(row.embedding_model);
    sources.set(row.source, entry);
  }
  return sources;
}

/** Replaces every chunk of one source (a changed article is re-chunked as a whole). */
export async function replaceSource(tx: Queryable, source: string, chunks: KnowledgeChunk[], vectors: number[][], model: string): Promise<void> {
  await tx.query('DELETE FROM knowledge_base WHERE source = $1', [source]);
  for (const [i, chunk] of chunks.entries()) {
    await tx.query(
      `INSERT INTO knowledge_base (source, heading, chunk_index, content, content_hash, embedding, embedding_model)
       VALUES ($1, $2, $3, $4, $5, $6::vector, $7)`,
      [source, chunk.heading, chunk.index, chunk.content, chunk.contentHash, toVectorLiteral(vectors[i]!), model],
    );
  }
}

export async function deleteSources(tx: Queryable, sources: string[]): Promise<void> {
  if (sources.length > 0) await tx.query('DELETE FROM knowledge_base WHERE source = ANY($1::text[])', [sources]);
}
