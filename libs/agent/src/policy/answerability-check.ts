import type { Embedder, KnowledgeHit } from '@cs/knowledge';
import answerability from './answerability-model.json';

/**
 * A logistic regression that reads a question and what the first search found for it, and says how likely the
 * knowledge base is not to answer it: fitted by `npm run answerability:train` on the development sets' traces
 * (eval/answerability/train.py records how). The passage bar alone cannot tell a question the help center answers
 * from one about a feature it never describes when the nearest passage scores the same; the question's own embedding
 * can ("can we livestream the service on the memorial page?" asks for a capability, and the articles that
 * mention the memorial page do not offer it).
 */
export interface AnswerabilityModel {
  embeddingModel: string;
  /** The names of the search features, in order; the question's embedding follows them. */
  features: readonly string[];
  threshold: number;
  /** Standardisation of the full feature vector (search features, then embedding). */
  mean: readonly number[];
  scale: readonly number[];
  weights: readonly number[];
  bias: number;
}

export const ANSWERABILITY_MODEL: AnswerabilityModel = answerability;

/** What the features read of a search: its first five passages (the search tool's page). */
export const SEARCH_PAGE = 5;

/** The languages whose questions it reads (its embeddings are English; `und` is text too short to tell). */
export const ANSWERABILITY_LANGUAGES: ReadonlySet<string> = new Set(['en', 'und']);

export const SEARCH_FEATURES = ['score', 'vector', 'coverage', 'heading', 'rank', 'semantic', 'distinct', 'overview', 'otherArticle', 'margin', 'second', 'sameArticle', 'questionWords'] as const;

/**
 * The search features: the best passage's fused score and its parts, whether it is an overview, the best score of
 * another article and the margin to it, the second passage's score, how many of the page come from the best article,
 * and the log of the question's word count (a long email matches more passages a little).
 */
export function searchFeatures(hits: readonly KnowledgeHit[], question: string): number[] {
  // The page by fused score, as it was fitted: the article ranker's order is a choice among answers, not evidence of one.
  const page = hits.slice(0, SEARCH_PAGE).sort((a, b) => b.score - a.score);
  const questionWords = Math.log(Math.max(1, question.match(/[A-Za-z]{3,}/g)?.length ?? 0));
  const top = page[0];
  if (!top) return [...Array<number>(SEARCH_FEATURES.length - 1).fill(0), questionWords];
  const other = page.find((h) => h.source !== top.source)?.score ?? 0;
  const p = top.parts;
  return [top.score, p.vector, p.coverage, p.heading, p.rank, p.semantic, p.distinct, top.overview ? 1 : 0, other, top.score - other, page[1]?.score ?? 0, page.filter((h) => h.source === top.source).length, questionWords];
}

export interface AnswerabilityVerdict {
  /** Probability that the knowledge base does not answer the question. */
  probability: number;
  unanswerable: boolean;
}

/** Embeds the question and scores it with the first search's passages. */
export class AnswerabilityCheck {
  readonly threshold: number;

  constructor(
    private readonly embedder: Embedder,
    private readonly model: AnswerabilityModel = ANSWERABILITY_MODEL,
    threshold?: number,
  ) {
    if (embedder.model !== model.embeddingModel) throw new Error(`the answerability model was fitted on ${model.embeddingModel} embeddings, not ${embedder.model}`);
    const width = model.weights.length;
    if (model.mean.length !== width || model.scale.length !== width || width <= model.features.length) throw new Error('answerability model: one mean, scale and weight per feature');
    this.threshold = threshold ?? model.threshold;
  }

  probability(features: readonly number[]): number {
    if (features.length !== this.model.weights.length) throw new Error(`answerability model expects ${this.model.weights.length} features, got ${features.length}`);
    const z = features.reduce((sum, x, i) => sum + (this.model.weights[i] ?? 0) * ((x - (this.model.mean[i] ?? 0)) / (this.model.scale[i] || 1)), this.model.bias);
    return 1 / (1 + Math.exp(-z));
  }

  async judge(question: string, firstSearch: readonly KnowledgeHit[]): Promise<AnswerabilityVerdict> {
    const [vector = []] = await this.embedder.embed([question]);
    const probability = Math.round(this.probability([...searchFeatures(firstSearch, question), ...vector]) * 1000) / 1000;
    return { probability, unanswerable: probability >= this.threshold };
  }
}
