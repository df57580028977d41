import type { Embedder } from '@cs/knowledge';
import trained from './intent-model.json';

/** The requests that belong to people, as the trigger rules name them. */
export type IntentReason = 'pricing' | 'refund' | 'legal' | 'human_requested';

/**
 * A multinomial logistic regression from a sentence embedding to none / pricing / refund / legal / human_requested,
 * fitted by `npm run intent:train` on the development sets' sentences (eval/intent/train.py records how).
 */
export interface IntentModel {
  embeddingModel: string;
  classes: readonly string[];
  threshold: number;
  bias: readonly number[];
  weights: readonly (readonly number[])[];
}

export const INTENT_MODEL: IntentModel = trained;

export interface IntentVerdict {
  reason: IntentReason;
  probability: number;
  /** The customer's sentence that carries the request. */
  sentence: string;
}

const REASONS = new Set<string>(['pricing', 'refund', 'legal', 'human_requested']);

/**
 * The semantic half of the gate: recognises a request for pricing, money back, legal terms or a person in wording the
 * trigger rules have no phrase for ("what would our Cuspline bill go to with the second site", "can u send the second
 * one back"). It reads only sentences addressed to the vendor (see addressesVendor) and speaks only when one of them
 * reaches the threshold, so a how-to question that shares the topic is left to the rules and the knowledge base.
 */
export class IntentCheck {
  readonly threshold: number;

  constructor(
    private readonly embedder: Embedder,
    private readonly model: IntentModel = INTENT_MODEL,
    threshold?: number,
  ) {
    if (embedder.model !== model.embeddingModel) throw new Error(`the intent model was fitted on ${model.embeddingModel} embeddings, not ${embedder.model}`);
    if (model.classes.length !== model.weights.length || model.classes.length !== model.bias.length) throw new Error('intent model: one weight row and one bias per class');
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

  /** The most likely request among the sentences, when it reaches the threshold; null otherwise. */
  async classify(sentences: readonly string[]): Promise<IntentVerdict | null> {
    if (sentences.length === 0) return null;
    const vectors = await this.embedder.embed([...sentences]);
    let best: IntentVerdict | null = null;
    vectors.forEach((vector, i) => {
      for (const [reason, probability] of Object.entries(this.probabilities(vector))) {
        if (!REASONS.has(reason) || probability < this.threshold || (best && probability <= best.probability)) continue;
        best = { reason: reason as IntentReason, probability: Math.round(probability * 1000) / 1000, sentence: sentences[i] ?? '' };
      }
    });
    return best;
  }
}
