import type { Embedder } from '@cs/knowledge';
import distress from './distress-model.json';
import intents from './intent-model.json';

/**
 * A multinomial logistic regression from a sentence embedding to a few classes, fitted by `npm run intent:train` on
 * the development sets' sentences (eval/intent/train.py records how): the weights, one row and one bias per class.
 */
export interface SentenceModel {
  embeddingModel: string;
  classes: readonly string[];
  threshold: number;
  bias: readonly number[];
  weights: readonly (readonly number[])[];
}

/**
 * The intent model: none / pricing / refund / legal / human_requested, read on sentences addressed to us. It finds a
 * request for pricing, money back, legal terms or a person in wording the trigger rules have no phrase for ("what
 * would our Cuspline bill go to with the second site", "can u send the second one back").
 */
export const INTENT_MODEL: SentenceModel = intents;
export const INTENT_LABELS = ['pricing', 'refund', 'legal', 'human_requested'] as const;
export type IntentReason = (typeof INTENT_LABELS)[number];

/**
 * The distress model: calm / distressed, read on every sentence of a message whose word-level sentiment is only
 * lukewarm. It hears desperation the lexicon has few words for ("I have cried twice today over this, the payouts still
 * have not come and rent is due" scores 0.34 by its words).
 */
export const DISTRESS_MODEL: SentenceModel = distress;
export const DISTRESS_LABELS = ['distressed'] as const;
/**
 * The word-level scores the distress check reads (at or over the 0.3 bar, under `below`), and what a distressed
 * message's score is multiplied by: 0.6 takes every such score under the bar (0.5 × 0.6 = 0.3).
 */
export const DISTRESS_WINDOW = { below: 0.5, factor: 0.6 } as const;

export interface SentenceVerdict<L extends string> {
  label: L;
  probability: number;
  /** The customer's sentence that carries it. */
  sentence: string;
}

/** Embeds sentences and reports the most likely of `labels` when one sentence reaches the threshold. */
export class SentenceCheck<L extends string> {
  readonly threshold: number;

  constructor(
    private readonly embedder: Embedder,
    private readonly model: SentenceModel,
    private readonly labels: readonly L[],
    threshold?: number,
  ) {
    if (embedder.model !== model.embeddingModel) throw new Error(`the sentence model was fitted on ${model.embeddingModel} embeddings, not ${embedder.model}`);
    if (model.classes.length !== model.weights.length || model.classes.length !== model.bias.length) throw new Error('sentence model: one weight row and one bias per class');
    const unknown = labels.filter((l) => !model.classes.includes(l));
    if (unknown.length > 0) throw new Error(`sentence model has no class ${unknown.join(', ')}`);
    this.threshold = threshold ?? model.threshold;
  }

  /** Probability of each class for one embedding (softmax of the linear scores). */
  probabilities(vector: readonly number[]): Record<string, number> {
    const scores = this.model.weights.map((row, c) => row.reduce((sum, w, i) => sum + w * (vector[i] ?? 0), this.model.bias[c] ?? 0));
    const top = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - top));
    const total = exp.reduce((a, b) => a + b, 0);
    return Object.fromEntries(this.model.classes.map((name, c) => [name, (exp[c] ?? 0) / total]));
  }

  /** The most likely of the labels over all sentences, when it reaches the threshold; null otherwise. */
  async classify(sentences: readonly string[]): Promise<SentenceVerdict<L> | null> {
    if (sentences.length === 0) return null;
    const vectors = await this.embedder.embed([...sentences]);
    let best: SentenceVerdict<L> | null = null;
    vectors.forEach((vector, i) => {
      const p = this.probabilities(vector);
      for (const label of this.labels) {
        const probability = p[label] ?? 0;
        if (probability < this.threshold || (best && probability <= best.probability)) continue;
        best = { label, probability: Math.round(probability * 1000) / 1000, sentence: sentences[i] ?? '' };
      }
    });
    return best;
  }
}
