import { splitSentences } from './message-cleanup';
import { NEGATIVE_SENTIMENT_THRESHOLD } from './sentiment-score';
import { PRODUCT_CONTEXT, TRIGGER_RULES, type GateReason, type TriggerRule } from './trigger-rules';

export interface RuleMatch {
  rule: string;
  reason: TriggerRule['reason'];
  excerpt: string;
}

export interface GateVerdict {
  reason: GateReason;
  /** What decided it: the matched rules with the customer's words, or the sentiment score. */
  evidence: Record<string, unknown>;
}

/** When several reasons apply the most specific wins: a legal threat over a refund over a price question. */
const PRIORITY: readonly TriggerRule['reason'][] = ['legal', 'refund', 'pricing', 'human_requested'];

/** Every trigger rule that fires on the text, sentence by sentence, honouring product-context exemptions. */
export function matchTriggerRules(text: string): RuleMatch[] {
  const matches: RuleMatch[] = [];
  for (const sentence of splitSentences(text)) {
    for (const rule of TRIGGER_RULES) {
      const found = rule.pattern.exec(sentence);
      if (!found) continue;
      if (rule.weak && PRODUCT_CONTEXT[rule.reason].test(sentence)) continue;
      matches.push({ rule: rule.id, reason: rule.reason, excerpt: found[0].slice(0, 80) });
    }
  }
  return matches;
}

/**
 * The deterministic gate before the model: escalates what belongs to humans whatever a model would say.
 * `text` is the customer's own words (see extractCustomerText); `sentiment` is on the 0–1 scale.
 */
export function evaluatePolicyGate(input: { text: string; subject?: string; sentiment: number }): GateVerdict | null {
  const subject = input.subject && !/^\s*(re|fwd?|aw|wg)\s*:/i.test(input.subject) ? input.subject : '';
  const matches = matchTriggerRules(subject ? `${subject}.\n${input.text}` : input.text);
  for (const reason of PRIORITY) {
    if (matches.some((m) => m.reason === reason)) return { reason, evidence: { rules: matches, sentiment: input.sentiment } };
  }
  if (input.sentiment < NEGATIVE_SENTIMENT_THRESHOLD) {
    return { reason: 'negative_sentiment', evidence: { sentiment: input.sentiment, threshold: NEGATIVE_SENTIMENT_THRESHOLD } };
  }
  return null;
}
