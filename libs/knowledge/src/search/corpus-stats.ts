import type { Queryable } from '@cs/ports';

export interface CorpusStats {
  chunks: number;
  /** Surface words (the 'simple' configuration) and the number of chunks containing each: the spelling vocabulary. */
  words: Map<string, number>;
  /** English lexemes (as in the tsv column) and their document frequency: the weights of the full-text score. */
  lexemes: Map<string, number>;
}

/** Vocabulary and document frequencies from PostgreSQL's own ts_stat, so they match the stored tsvectors exactly. */
export async function loadCorpusStats(db: Queryable): Promise<CorpusStats> {
  const count = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM knowledge_base');
  const words = await db.query<{ word: string; ndoc: number }>(
    `SELECT word, ndoc FROM ts_stat($$SELECT to_tsvector('simple', coalesce(heading, '') || ' ' || content) FROM knowledge_base$$)`,
  );
  const lexemes = await db.query<{ word: string; ndoc: number }>('SELECT word, ndoc FROM ts_stat($$SELECT tsv FROM knowledge_base$$)');
  return {
    chunks: Number(count.rows[0]?.n ?? 0),
    words: new Map(words.rows.map((r) => [r.word, Number(r.ndoc)])),
    lexemes: new Map(lexemes.rows.map((r) => [r.word, Number(r.ndoc)])),
  };
}
