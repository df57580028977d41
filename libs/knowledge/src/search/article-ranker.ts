import type { Embedder } from '../embeddings/embedder.port';
import type { KnowledgeHit } from './hybrid-search';
import fitted from './article-ranker-model.json';

/**
 * A learned choice of article among the search's best candidates: a linear score per article, fitted pairwise (the
 * right article against each other candidate) by `npm run article-ranker:train` on the development sets' first
 * searches (eval/article-ranker/train.py). The fused score ranks passages; about one answerable question in
 * fifteen still has the right article second ("new driver has no email, how do I get him on the app?" finds the
 * driver-app article before the one on inviting team members). The ranker reads what the fused score does not:
 * how the article's passages do together, and how the question's embedding meets the best passage's heading,
 * element by element, so that a heading about "inviting members" can weigh for "get him on the app".
 */
export interface ArticleRankerModel {
  /** The embedding model whose vectors the weights were fitted on; the ranker refuses any other. */
  embeddingModel: string;
  /** How many of the best passages (by fused score) are read; their articles are the candidates. */
  candidates: number;
  /** The names of the article features, in order; the question-by-heading products follow them. */
  features: readonly string[];
  /** Scale of the question-by-heading products (each is about 1/384 of a cosine). */
  headingScale: number;
  weights: readonly number[];
}

export const ARTICLE_RANKER_MODEL: ArticleRankerModel = fitted;

const PARTS = ['vector', 'coverage', 'heading', 'rank', 'semantic', 'distinct'] as const;

export const ARTICLE_FEATURES = [
  'score',
  'behindTop',
  'position',
  'passageShare',
  'secondPassage',
  'sumOfThree',
  'overview',
  'vectorScore',
  'textScore',
  ...PARTS,
  ...PARTS.map((p) => `best_${p}`),
] as const;

interface Candidate {
  article: string;
  best: KnowledgeHit;
  features: number[];
}

/**
 * The article features, for the articles of the `candidates` best passages by fused score: the best passage's score,
 * how far it is behind the top, its position, the share of the passages the article holds, its second passage's
 * score, the sum of its three best, whether the best is an overview, its similarity and coverage, its score parts,
 * and the article's best value of each part. Exported for the training export, so both read the same numbers.
 */
export function articleCandidates(hits: readonly KnowledgeHit[], candidates: number): Candidate[] {
  const page = [...hits].sort((a, b) => b.score - a.score).slice(0, candidates);
  const top = page[0]?.score ?? 0;
  const byArticle = new Map<string, { position: number; hits: KnowledgeHit[] }>();
  page.forEach((hit, position) => {
    const entry = byArticle.get(hit.source) ?? { position, hits: [] };
    entry.hits.push(hit);
    byArticle.set(hit.source, entry);
  });
  return [...byArticle].map(([article, { position, hits: own }]) => {
    const best = own[0]!;
    const scores = own.map((h) => h.score);
    const features = [
      best.score,
      best.score - top,
      position / 10,
      own.length / candidates,
      scores[1] ?? 0,
      scores.slice(0, 3).reduce((sum, s) => sum + s, 0),
      best.overview ? 1 : 0,
      best.vectorScore,
      best.textScore,
      ...PARTS.map((p) => best.parts[p]),
      ...PARTS.map((p) => Math.max(...own.map((h) => h.parts[p]))),
    ];
    return { article, best, features };
  });
}

/** Reorders search hits so that the article the model prefers comes first; scores are left as the search gave them. */
export class ArticleRanker {
  /** Heading embeddings: a knowledge base has a few hundred headings, and each is asked for again and again. */
  private readonly headings = new Map<string, Promise<number[]>>();

  constructor(
    private readonly embedder: Embedder,
    private readonly model: ArticleRankerModel = ARTICLE_RANKER_MODEL,
  ) {
    if (embedder.model !== model.embeddingModel) {
      throw new Error(`the article ranker was fitted on ${model.embeddingModel} vectors, not ${embedder.model}`);
    }
    if (model.weights.length !== ARTICLE_FEATURES.length + 384) throw new Error('article ranker: weights do not match its features');
  }

  /**
   * Hits by fused score, except that when the model prefers another candidate article to the top one, that article's
   * candidate passages move to the front (in their own order); it was fitted to choose the first article only.
   * `queryVector` is the search's own query embedding.
   */
  async rank(queryVector: readonly number[], hits: readonly KnowledgeHit[]): Promise<KnowledgeHit[]> {
    const sorted = [...hits].sort((a, b) => b.score - a.score);
    const candidates = articleCandidates(sorted, this.model.candidates);
    if (candidates.length < 2) return sorted;
    const headingVectors = await this.headingVectors(candidates.map((c) => c.best.heading));
    const values = candidates.map((c, i) => this.score(c.features, queryVector, headingVectors[i]!));
    // Ties keep the fused order: the first candidate with the highest value.
    const chosen = candidates[values.indexOf(Math.max(...values))]!.article;
    if (chosen === candidates[0]!.article) return sorted;
    const page = sorted.slice(0, this.model.candidates);
    const moved = new Set(page.filter((h) => h.source === chosen));
    return [...moved, ...sorted.filter((h) => !moved.has(h))];
  }

  private score(features: readonly number[], query: readonly number[], heading: readonly number[]): number {
    const w = this.model.weights;
    let value = 0;
    for (let i = 0; i < features.length; i++) value += w[i]! * features[i]!;
    const offset = features.length;
    for (let d = 0; d < query.length; d++) value += w[offset + d]! * this.model.headingScale * query[d]! * heading[d]!;
    return value;
  }

  /** The headings' embeddings, the ones not seen before in one batch. */
  private async headingVectors(headings: readonly string[]): Promise<number[][]> {
    const missing = [...new Set(headings.filter((h) => !this.headings.has(h)))];
    if (missing.length > 0) {
      const batch = this.embedder.embed(missing);
      missing.forEach((heading, i) => {
        const vector = batch.then((vectors) => vectors[i]!);
        // A failed embedding is not remembered: the next search tries again.
        vector.catch(() => this.headings.delete(heading));
        if (this.headings.size >= 5_000) this.headings.delete(this.headings.keys().next().value!);
        this.headings.set(heading, vector);
      });
    }
    return Promise.all(headings.map((h) => this.headings.get(h)!));
  }
}
