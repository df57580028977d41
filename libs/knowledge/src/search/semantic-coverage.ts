import { STOPWORDS, tokenize } from '@cs/domain';
import type { WordVectors } from './word-vectors';

export interface SemanticTerm {
  rank: number;
  weight: number;
}

/** Below this frequency rank a word weighs less (everyday words say little about the topic); from it on, fully. */
const FULL_WEIGHT_RANK = 30_000;
const CACHE_LIMIT = 20_000;

/**
 * Soft coverage: how much of the question a passage covers in meaning, not only in exact words. Each question word
 * counts with its best cosine similarity to any word of the passage (word vectors), weighted by how specific it is
 * (frequency rank), so "the low stock warnings" is largely covered by a passage about "low-stock alerts".
 */
export class SemanticCoverage {
  private readonly passages = new Map<string, Int32Array>();

  constructor(private readonly vectors: WordVectors) {}

  terms(query: string): SemanticTerm[] {
    const seen = new Set<number>();
    const terms: SemanticTerm[] = [];
    for (const word of tokenize(query)) {
      if (word.length < 2 || STOPWORDS.has(word)) continue;
      const rank = this.vectors.rank(word);
      if (rank === undefined || seen.has(rank)) continue;
      seen.add(rank);
      terms.push({ rank, weight: Math.min(1, Math.log(rank + 2) / Math.log(FULL_WEIGHT_RANK)) });
    }
    return terms;
  }

  /** In [0, 1]; `key` identifies the passage text (a chunk id) so its words are looked up once. */
  coverage(terms: readonly SemanticTerm[], key: string, text: string): number {
    if (terms.length === 0) return 0;
    const words = this.passageRanks(key, text);
    if (words.length === 0) return 0;
    let covered = 0;
    let total = 0;
    for (const term of terms) {
      let best = 0;
      for (const rank of words) best = Math.max(best, rank === term.rank ? 1 : this.vectors.similarity(term.rank, rank));
      covered += term.weight * best;
      total += term.weight;
    }
    return total === 0 ? 0 : covered / total;
  }

  private passageRanks(key: string, text: string): Int32Array {
    const cached = this.passages.get(key);
    if (cached) return cached;
    const ranks = new Set<number>();
    for (const word of tokenize(text)) {
      if (word.length < 2 || STOPWORDS.has(word)) continue;
      const rank = this.vectors.rank(word);
      if (rank !== undefined) ranks.add(rank);
    }
    const value = Int32Array.from(ranks);
    if (this.passages.size >= CACHE_LIMIT) this.passages.clear();
    this.passages.set(key, value);
    return value;
  }
}
