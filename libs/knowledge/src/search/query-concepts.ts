import { STOPWORDS, tokenize } from '@cs/domain';
import type { Queryable } from '@cs/ports';
import type { CorpusStats } from './corpus-stats';
import { synonymsOf } from './support-synonyms';

/** One idea of the query: a word, the lexemes it and its synonyms stem to, and how much it weighs. */
export interface QueryConcept {
  word: string;
  lexemes: string[];
  weight: number;
}

function asArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((v) => v.replace(/^"|"$/g, ''));
}

/**
 * Stems the query's words and their synonyms with PostgreSQL's english configuration (the one the tsv column uses)
 * and weighs each concept by inverse document frequency. A concept the knowledge base never mentions weighs like
 * its rarest word, so a question about something we do not cover cannot look answered through its filler words.
 */
export async function analyzeQuery(db: Queryable, query: string, stats: CorpusStats): Promise<QueryConcept[]> {
  const words = [...new Set(tokenize(query).filter((w) => !STOPWORDS.has(w) && w.length > 1))].slice(0, 40);
  if (words.length === 0) return [];
  const expanded = [...new Set(words.flatMap((w) => synonymsOf(w)))];
  const result = await db.query<{ w: string; lexemes: string[] | string }>(
    `SELECT w, tsvector_to_array(to_tsvector('english', w)) AS lexemes FROM unnest($1::text[]) AS w`,
    [expanded],
  );
  const stems = new Map(result.rows.map((r) => [r.w, asArray(r.lexemes)]));
  const idf = (df: number) => Math.log(1 + stats.chunks / df);
  const seen = new Set<string>();
  const concepts: QueryConcept[] = [];
  for (const word of words) {
    const own = stems.get(word) ?? [];
    if (own.length === 0) continue; // an English stopword PostgreSQL drops
    const lexemes = [...new Set(synonymsOf(word).flatMap((s) => stems.get(s) ?? []))];
    const key = [...lexemes].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const known = lexemes.map((l) => stats.lexemes.get(l) ?? 0).filter((df) => df > 0);
    const weight = known.length > 0 ? idf(Math.max(...known)) : idf(1);
    concepts.push({ word, lexemes, weight });
  }
  return concepts;
}

/** IDF-weighted share of the query's concepts a chunk contains (its lexemes are the chunk's tsvector). */
export function conceptCoverage(concepts: QueryConcept[], chunkLexemes: ReadonlySet<string>): number {
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return 0;
  const matched = concepts.reduce((sum, c) => sum + (c.lexemes.some((l) => chunkLexemes.has(l)) ? c.weight : 0), 0);
  return matched / total;
}

/** Share of a heading's lexemes that some query concept names. */
export function headingMatch(concepts: QueryConcept[], headingLexemes: string[]): number {
  if (headingLexemes.length === 0) return 0;
  const named = new Set(concepts.flatMap((c) => c.lexemes));
  return headingLexemes.filter((l) => named.has(l)).length / headingLexemes.length;
}

export { asArray as lexemeArray };
