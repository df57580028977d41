import { STOPWORDS, tokenize } from '@cs/domain';
import type { Queryable } from '@cs/ports';
import type { CorpusStats } from './corpus-stats';
import { specificity } from './english-frequency';
import { everydayReadings, synonymsOf } from './support-synonyms';

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
 * its rarest word, so a question about something we do not cover cannot look answered through its filler words,
 * unless it is a word of everyday English (want, still, whole, yesterday: `specificity`): a small knowledge base
 * does not use most of those, and letting them weigh like "Salesforce" made its scores incomparable with a large one's.
 */
export async function analyzeQuery(db: Queryable, query: string, stats: CorpusStats): Promise<QueryConcept[]> {
  // Chat filler ("lol", "thru", "cant") is no concept: weighing like a topic the passage lacks, it sank chat questions.
  const words = [...new Set(tokenize(query).filter((w) => !STOPWORDS.has(w) && w.length > 1 && everydayReadings(w).length > 0))].slice(0, 40);
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
    const weight = known.length > 0 ? idf(Math.max(...known)) : idf(1) * specificity(word);
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

/**
 * How well a section heading names the question: the share of the heading's lexemes the query names, discounted when
 * those words carry less than half of the query's weight. A one-word heading ("Sync", "See responses") matched by a
 * generic word of a long question about something else no longer counts as a perfect heading match.
 */
export function headingMatch(concepts: QueryConcept[], headingLexemes: string[]): number {
  if (headingLexemes.length === 0) return 0;
  const named = new Set(concepts.flatMap((c) => c.lexemes));
  const headingShare = headingLexemes.filter((l) => named.has(l)).length / headingLexemes.length;
  if (headingShare === 0) return 0;
  const heading = new Set(headingLexemes);
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  const queryShare = total === 0 ? 0 : concepts.reduce((sum, c) => sum + (c.lexemes.some((l) => heading.has(l)) ? c.weight : 0), 0) / total;
  return headingShare * Math.min(1, queryShare / 0.5);
}

export { asArray as lexemeArray };
