import { splitSentences } from './message-cleanup';
import { NEGATIVE_SENTIMENT_THRESHOLD } from './sentiment-score';
import { FEATURE_SYNONYMS, FEATURE_TRIGGER_WORD, PRODUCT_CONTEXT, REPORTED_REFUND, REPORTED_REQUEST, TRIGGER_RULES, VENDOR_CONTEXT, VENDOR_PAYMENT, type GateReason, type TriggerRule } from './trigger-rules';

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

const WEAK_RULE_IDS = new Set(TRIGGER_RULES.filter((rule) => rule.weak).map((rule) => rule.id));

/** When several reasons apply the most specific wins: a legal threat over a refund over a price question. */
const PRIORITY: readonly TriggerRule['reason'][] = ['legal', 'refund', 'pricing', 'human_requested'];

/**
 * What the knowledge base says about the product: `featureTerms` are the trigger words (lowercase) that name one of
 * its own sections, e.g. "refund" for a product with a "Refunding an order" article.
 */
export interface ProductVocabulary {
  featureTerms: ReadonlySet<string>;
}

function exempt(rule: TriggerRule, sentence: string, found: RegExpExecArray, vocabulary?: ProductVocabulary, aboutPayingUs = false): boolean {
  // Someone else's request, reported: "our tenants want to reach a person", "a student asked for her money back".
  if (rule.notWhen?.test(sentence)) return true;
  const before = sentence.slice(0, found.index);
  if (rule.reason === 'human_requested' && REPORTED_REQUEST.test(before)) return true;
  if (rule.reason === 'refund' && REPORTED_REFUND.test(before)) return true;
  if (!rule.weak || VENDOR_CONTEXT.test(sentence)) return false;
  if (PRODUCT_CONTEXT[rule.reason].test(sentence)) return true;
  if (!vocabulary || (aboutPayingUs && (rule.reason === 'refund' || rule.reason === 'pricing'))) return false;
  return featureWordsOf(rule, sentence).some((word) => vocabulary.featureTerms.has(word));
}

/** The sentence's words that could name a product feature, and the ones the rule stands for. */
function featureWordsOf(rule: TriggerRule, sentence: string): string[] {
  const own = (sentence.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => FEATURE_TRIGGER_WORD.test(w));
  const words = [...own, ...(rule.featureWords ?? [])];
  return [...new Set([...words, ...words.flatMap((w) => FEATURE_SYNONYMS[w] ?? [])])];
}

/** Every trigger rule that fires on the text, sentence by sentence, honouring product-context exemptions. */
export function matchTriggerRules(text: string, vocabulary?: ProductVocabulary): RuleMatch[] {
  const matches: RuleMatch[] = [];
  const sentences = splitSentences(text);
  const aboutPayingUs = sentences.some((s) => VENDOR_PAYMENT.test(s));
  for (const sentence of sentences) {
    for (const rule of TRIGGER_RULES) {
      if (rule.onlyAboutPayingUs && !aboutPayingUs) continue;
      const found = rule.pattern.exec(sentence);
      if (!found || exempt(rule, sentence, found, vocabulary, aboutPayingUs)) continue;
      matches.push({ rule: rule.id, reason: rule.reason, excerpt: found[0].slice(0, 80) });
    }
  }
  return matches;
}

/**
 * The trigger words of weak rules in the text that could name a product feature: the agent asks the knowledge base
 * which of them head one of its sections and passes the answer back as `ProductVocabulary`.
 */
export function candidateFeatureWords(input: { text: string; subject?: string }): string[] {
  const words = new Set<string>();
  for (const sentence of splitSentences(gateText(input))) {
    for (const rule of TRIGGER_RULES) {
      if (rule.weak && rule.pattern.test(sentence)) for (const word of featureWordsOf(rule, sentence)) words.add(word);
    }
  }
  return [...words];
}

/**
 * The subject of a new thread (not of a reply) and the customer's words, without what they quote others saying
 * ("patients reply with things like “can a human call me?”" is about their patients, not a request of theirs).
 */
function gateText(input: { text: string; subject?: string }): string {
  const subject = input.subject && !/^\s*(re|fwd?|aw|wg)\s*:/i.test(input.subject) ? input.subject : '';
  const text = input.text.replace(/["“][^"“”\n]{1,200}["”]/g, '"…"');
  return subject ? `${subject}.\n${text}` : text;
}

/** The sentences the gate reads: the subject of a new thread first, then the customer's words (quotes masked). */
export function gateSentences(input: { text: string; subject?: string }): string[] {
  return splitSentences(gateText(input));
}

const SECOND_PERSON = /\b(?:you|your|yours|u|ur|y'?all)\b/i;

/**
 * A sentence addressed to the vendor: it speaks to "you" or names the product other than as the tool the customer
 * works in ("what would our Cuspline bill go to", "Gleamgate took $649 twice", "can u send the second one back"; not
 * "where do I record the credit in Colophy"). The intent check reads only these, which keeps it off sentences about
 * the customer's own customers ("She'd like a refund", "Our lawyer drafted a new waiver").
 */
export function addressesVendor(sentence: string, productName?: string): boolean {
  if (SECOND_PERSON.test(sentence)) return true;
  const name = productName?.trim().split(/\s+/)[0]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!name) return false;
  const asTool = new RegExp(`\\b(?:in|through|via|using|with|into|inside|on|from|to|does|do|can|will|is) ${name}\\b(?!'s)`, 'gi');
  return new RegExp(`\\b${name}\\b`, 'i').test(sentence.replace(asTool, ''));
}

/**
 * The deterministic gate before the model: escalates what belongs to humans whatever a model would say.
 * `text` is the customer's own words (see extractCustomerText); `sentiment` is on the 0–1 scale.
 */
export function evaluatePolicyGate(input: { text: string; subject?: string; sentiment: number; vocabulary?: ProductVocabulary }): GateVerdict | null {
  const matches = matchTriggerRules(gateText(input), input.vocabulary);
  // "$38,000 gone because of your system. I'm livid": an amount alone is the loss they are angry about, not a
  // question about our prices.
  const angryAboutAmount = input.sentiment < NEGATIVE_SENTIMENT_THRESHOLD && matches.length > 0 && matches.every((m) => m.rule === 'pricing.amount');
  // "I want someone to explain how this happened" from a furious customer: the anger is what a person must answer.
  const angryWantsSomeone = input.sentiment < NEGATIVE_SENTIMENT_THRESHOLD && matches.length > 0 && matches.every((m) => WEAK_RULE_IDS.has(m.rule) && m.reason === 'human_requested');
  for (const reason of PRIORITY) {
    if (angryAboutAmount || angryWantsSomeone) break;
    if (matches.some((m) => m.reason === reason)) return { reason, evidence: { rules: matches, sentiment: input.sentiment } };
  }
  if (input.sentiment < NEGATIVE_SENTIMENT_THRESHOLD) {
    return { reason: 'negative_sentiment', evidence: { sentiment: input.sentiment, threshold: NEGATIVE_SENTIMENT_THRESHOLD } };
  }
  return null;
}
