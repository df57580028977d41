import { toVectorLiteral } from '@cs/db';
import type { Queryable } from '@cs/ports';
import type { Embedder } from '../embeddings/embedder.port';
import type { ArticleRanker } from './article-ranker';
import { loadCorpusStats, type CorpusStats } from './corpus-stats';
import { analyzeQuery, conceptCoverage, headingMatch, lexemeArray } from './query-concepts';
import { correctSpelling } from './spelling-corrector';
import { everydayReadings, withPhraseMeanings } from './support-synonyms';
import { specificity } from './english-frequency';
import { SemanticCoverage } from './semantic-coverage';
import { loadWordVectors, type WordVectors } from './word-vectors';

export interface KnowledgeHit {
  chunkId: string;
  source: string;
  heading: string;
  content: string;
  /**
   * The article's opening, before its first section, in an article that has sections: an overview of what a feature
   * is, seldom the step, limit or rule a question asks for (the agent asks more of it before answering from it).
   */
  overview: boolean;
  /** Fused relevance, about [0, 1]; comparable across queries, so one threshold decides "no match". */
  score: number;
  vectorScore: number;
  textScore: number;
  /** The fused score's parts, each in [0, 1] except `distinct` in [-1, 1] (see FusionWeights). */
  parts: { vector: number; coverage: number; heading: number; rank: number; semantic: number; distinct: number };
}

/**
 * Fusion weights: a calibrated weighted sum (see docs/agent.md for how they were chosen). Every part is a share or a
 * normalised similarity that does not grow with the size or vocabulary of the knowledge base, so one threshold
 * holds across knowledge bases.
 */
export interface FusionWeights {
  vector: number;
  coverage: number;
  /** Share of the section heading's words the query mentions: "Not receiving notification emails" names the problem. */
  heading: number;
  rank: number;
  /** Soft coverage through word vectors (SemanticCoverage): paraphrases count, not only the same words. */
  semantic: number;
  /**
   * How far the chunk's cosine similarity stands above the best chunk of any other article. A question the knowledge
   * base answers is close to one article; a question it does not answer is about as close to several (same product,
   * same words, no answer), so this part separates them where the similarity alone does not.
   */
  distinct: number;
}

export const DEFAULT_FUSION_WEIGHTS: FusionWeights = { vector: 0.35, coverage: 0.2, heading: 0, rank: 0, semantic: 0.2, distinct: 0.5 };

export interface KnowledgeSearchOptions {
  db: Queryable;
  embedder: Embedder;
  weights?: FusionWeights;
  /** Candidates taken from each of the vector and the full-text side before fusion. */
  candidates?: number;
  /** Word vectors for the semantic part; defaults to the vendored ones (loadWordVectors). */
  wordVectors?: WordVectors;
  /** How long corpus statistics are reused; ingestion by another process shows up after this. */
  statsTtlMs?: number;
  /** Chooses which of the best candidates' articles comes first (ArticleRanker); without it, hits are in fused order. */
  ranker?: Pick<ArticleRanker, 'rank'>;
}

const SEARCH_SQL = `
WITH q AS (SELECT $1::vector AS v, websearch_to_tsquery('english', $2) AS tq),
vec AS (SELECT k.id FROM knowledge_base k WHERE k.embedding_model = $3 ORDER BY k.embedding <=> (SELECT v FROM q) LIMIT $4),
txt AS (SELECT k.id FROM knowledge_base k, q WHERE k.tsv @@ q.tq ORDER BY ts_rank_cd(k.tsv, q.tq, 32) DESC LIMIT $4)
SELECT k.id, k.source, k.chunk_index, coalesce(k.heading, k.source) AS heading, k.content,
       CASE WHEN k.embedding_model = $3 THEN 1 - (k.embedding <=> q.v) ELSE 0 END AS cosine,
       ts_rank_cd(k.tsv, q.tq, 32) AS rank,
       tsvector_to_array(k.tsv) AS lexemes, k.heading_lexemes,
       (position(' › ' IN coalesce(k.heading, '')) = 0
        AND EXISTS (SELECT 1 FROM knowledge_base s WHERE s.source = k.source AND position(' › ' IN coalesce(s.heading, '')) > 0)) AS overview
  FROM knowledge_base k CROSS JOIN q
 WHERE k.id IN (SELECT id FROM vec UNION SELECT id FROM txt)`;

const HEADING_TERMS_SQL = `
SELECT w FROM unnest($1::text[]) AS w
 WHERE numnode(plainto_tsquery('english', w)) > 0
   AND EXISTS (SELECT 1 FROM knowledge_base k WHERE to_tsvector('english', coalesce(k.heading, k.source)) @@ plainto_tsquery('english', w))`;

interface CandidateRow {
  id: string;
  source: string;
  chunk_index: number | string;
  heading: string;
  content: string;
  cosine: number | string;
  rank: number | string;
  lexemes: string[] | string;
  heading_lexemes: string[] | string;
  overview: boolean;
}

/**
 * Hybrid retrieval over the knowledge_base table: pgvector cosine similarity and PostgreSQL full-text search pick
 * candidates; each is scored by a weighted sum of its cosine similarity, the IDF-weighted share of the query's
 * lexemes it contains, and ts_rank_cd. Same SQL on PostgreSQL and PGlite.
 */
export class KnowledgeSearch {
  private stats: { value: CorpusStats; at: number } | null = null;
  private readonly weights: FusionWeights;
  private readonly semantic: SemanticCoverage;

  constructor(private readonly options: KnowledgeSearchOptions) {
    this.weights = options.weights ?? DEFAULT_FUSION_WEIGHTS;
    this.semantic = new SemanticCoverage(options.wordVectors ?? loadWordVectors());
  }

  async search(query: string, limit = 5): Promise<KnowledgeHit[]> {
    const stats = await this.corpusStats();
    if (stats.chunks === 0 || !query.trim()) return [];
    const corrected = withPhraseMeanings(correctSpelling(query, stats.words));
    const concepts = await analyzeQuery(this.options.db, corrected, stats);
    if (concepts.length === 0) return [];
    const vector = await this.options.embedder.embedQuery(corrected);
    const result = await this.options.db.query<CandidateRow>(SEARCH_SQL, [
      toVectorLiteral(vector),
      [...new Set(concepts.flatMap((c) => c.lexemes))].join(' or '),
      this.options.embedder.model,
      this.options.candidates ?? 20,
    ]);
    const terms = this.semantic.terms(corrected);
    const bestCosineBySource = new Map<string, number>();
    for (const row of result.rows) bestCosineBySource.set(row.source, Math.max(bestCosineBySource.get(row.source) ?? 0, Math.max(0, Number(row.cosine))));
    const hits = result.rows.map((row): KnowledgeHit => {
      const coverage = conceptCoverage(concepts, new Set(lexemeArray(row.lexemes)));
      const vectorScore = Math.max(0, Number(row.cosine));
      const rank = Number(row.rank);
      const heading = headingMatch(concepts, lexemeArray(row.heading_lexemes));
      const semantic = this.semantic.coverage(terms, row.id, `${row.heading}\n${row.content}`);
      const others = [...bestCosineBySource].filter(([source]) => source !== row.source).map(([, cosine]) => cosine);
      // With a one-article knowledge base there is nothing to stand out from: the part is neutral.
      const distinct = others.length > 0 ? vectorScore - Math.max(...others) : 0;
      const w = this.weights;
      const score =
        w.vector * vectorScore + w.coverage * coverage + w.heading * heading + w.rank * rank + w.semantic * semantic + w.distinct * distinct;
      return {
        chunkId: row.id,
        source: row.source,
        heading: row.heading,
        content: row.content,
        overview: row.overview === true,
        score: round(score),
        vectorScore: round(vectorScore),
        textScore: round(coverage),
        parts: {
          vector: round(vectorScore),
          coverage: round(coverage),
          heading: round(heading),
          rank: round(rank),
          semantic: round(semantic),
          distinct: round(distinct),
        },
      };
    });
    // Equal scores keep the knowledge base's own order (article, then position in it), not the chunk ids', which are
    // fresh at every ingestion: the same knowledge base and question give the same ranking every time.
    const place = new Map(result.rows.map((row) => [row.id, `${row.source}\u0000${String(row.chunk_index).padStart(6, '0')}`]));
    const fused = hits.sort((a, b) => b.score - a.score || place.get(a.chunkId)!.localeCompare(place.get(b.chunkId)!));
    return (this.options.ranker ? await this.options.ranker.rank(vector, fused) : fused).slice(0, limit);
  }

  /**
   * The words (of those given) that an article title or section heading uses, stemmed as full-text search does:
   * "refund" for a knowledge base with "Refunding an order". The policy gate treats such words as product features.
   */
  async headingTerms(words: readonly string[]): Promise<string[]> {
    if (words.length === 0) return [];
    const result = await this.options.db.query<{ w: string }>(HEADING_TERMS_SQL, [[...words]]);
    return result.rows.map((r) => r.w);
  }

  /**
   * The words (of those given) that the knowledge base never uses, in any form, and that are not everyday English: the
   * names of things it does not cover ("QuickBooks", "Xero" in a knowledge base without that integration).
   */
  async unknownTerms(words: readonly string[]): Promise<string[]> {
    const stats = await this.corpusStats();
    const lower = [...new Set(words.map((w) => w.toLowerCase()).filter((w) => /^[a-z][a-z0-9-]{2,}$/.test(w)))];
    // Chat shorthand is unknown only when every word it stands for is ("msg" in a help center about messages is not).
    const readings = new Map(lower.map((w) => [w, everydayReadings(w)]));
    const asked = [...new Set([...readings.values()].flat())];
    if (asked.length === 0) return [];
    const result = await this.options.db.query<{ w: string; lexemes: string[] | string }>(
      `SELECT w, tsvector_to_array(to_tsvector('english', w)) AS lexemes FROM unnest($1::text[]) AS w`,
      [asked],
    );
    const unknown = new Set(
      result.rows
        .filter((r) => specificity(r.w) === 1 && !stats.words.has(r.w))
        .filter((r) => lexemeArray(r.lexemes).every((l) => !stats.lexemes.has(l)))
        .map((r) => r.w),
    );
    return lower.filter((w) => readings.get(w)!.length > 0 && readings.get(w)!.every((r) => unknown.has(r)));
  }

  private async corpusStats(): Promise<CorpusStats> {
    const ttl = this.options.statsTtlMs ?? 60_000;
    if (!this.stats || Date.now() - this.stats.at > ttl) this.stats = { value: await loadCorpusStats(this.options.db), at: Date.now() };
    return this.stats.value;
  }
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
