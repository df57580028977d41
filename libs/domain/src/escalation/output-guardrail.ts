import { contentTokens } from '../language/text-tokens';
import { splitSentences } from './message-cleanup';

export type GuardrailReason = 'pricing' | 'refund' | 'unsupported_claim';

export interface GuardrailVerdict {
  reason: GuardrailReason;
  evidence: Record<string, unknown>;
}

const PRICE_STATEMENT = /[$€£¥]\s?\d|\b\d+([.,]\d+)?\s?(usd|eur|gbp|dollars?|euros?|pounds?|cents?)\b|\bper (seat|user) per (month|year)\b/i;
const REFUND_PROMISE = [
  /\b(we|i|brightdesk)('ll| will| have| 've|'ve| can| shall| are going to)( \w+){0,3} (refund|reimburse|credit|compensate)/i,
  /\brefund (has been|was|is|will be) (approved|issued|processed|granted|sent|on its way)/i,
  /\b(approved|issued|processed|granted) (a|your|the) (refund|credit)/i,
  /\byou('ll| will) (get|receive|be given) (a |your |the )?(full |partial )?(refund|credit|money back)/i,
  /\b(credited|refunded) (to )?your (account|card)/i,
];
export interface GuardrailInput {
  reply: string;
  /** The text of every passage the reply cites. */
  passages: string[];
  /** Sentences the agent may add without a source: greetings, framing, sign-offs. */
  framing?: readonly RegExp[];
  /** Strings that must never reach a customer (instructions, tool names). */
  secrets?: readonly string[];
  /** Share of a sentence's content words that must appear in the cited passages. */
  minSupport?: number;
}

const DEFAULT_FRAMING: readonly RegExp[] = [
  /^(hi|hello|dear|thanks|thank you|best regards|kind regards|cheers)\b/i,
  /^(here('s| is) (what|how)|according to|from) (our|the) help (center|centre|article)/i,
  /^(i hope (this|that) helps|let (me|us) know|if (you|that) (still|need|have)|feel free to)\b/i,
  /^(source|sources|see also|more in)\b/i,
];

/**
 * Lowercased, without markdown emphasis, list markers and table pipes, whitespace collapsed: how a quoted sentence is
 * compared ("6 | Late Fee | Late fee of $20" is the table row "| 6 | Late Fee | Late fee of $20 |").
 */
function plain(text: string): string {
  return text.replace(/[*_`]+/g, '').replace(/^\s*(\d+\.|[-•])\s+/gm, '').replace(/\s*\|\s*/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * The output guardrail: a reply that states prices, promises money back or credits, leaks instructions, or contains
 * sentences the cited passages do not support is not sent.
 */
export function checkReply(input: GuardrailInput): GuardrailVerdict | null {
  const { reply } = input;
  // A sentence copied from a cited passage describes the product ("The refund is sent to the client's card" in an
  // invoicing product's help article); one the passages do not contain is the agent's own price or promise.
  const passages = input.passages.map(plain);
  const ownSentences = splitSentences(reply).filter((sentence) => !passages.some((p) => p.includes(plain(sentence))));
  for (const sentence of ownSentences) {
    const price = PRICE_STATEMENT.exec(sentence);
    if (price) return { reason: 'pricing', evidence: { rule: 'states_price', excerpt: price[0] } };
    for (const pattern of REFUND_PROMISE) {
      const promise = pattern.exec(sentence);
      if (promise) return { reason: 'refund', evidence: { rule: 'promises_refund_or_credit', excerpt: promise[0] } };
    }
  }
  const lower = reply.toLowerCase();
  const leaked = (input.secrets ?? []).find((s) => s.length >= 8 && lower.includes(s.toLowerCase()));
  if (leaked) return { reason: 'unsupported_claim', evidence: { rule: 'leaks_instructions', excerpt: leaked.slice(0, 60) } };
  const support = new Set(input.passages.flatMap(contentTokens));
  const numbers = new Set(input.passages.flatMap((p) => p.match(/\d+/g) ?? []));
  const framing = input.framing ?? DEFAULT_FRAMING;
  const minSupport = input.minSupport ?? 0.7;
  // A framing line is exempt as a whole: an article title may end in "?" ("Why didn't an owner get a text?").
  const lines = reply.split('\n').filter((line) => !framing.some((f) => f.test(line.trim())));
  for (const sentence of lines.flatMap((line) => splitSentences(line))) {
    if (framing.some((f) => f.test(sentence))) continue;
    const unknownNumber = (sentence.match(/\d+/g) ?? []).find((n) => !numbers.has(n));
    const tokens = contentTokens(sentence);
    const supported = tokens.filter((t) => support.has(t)).length;
    const ratio = tokens.length === 0 ? 1 : supported / tokens.length;
    if (unknownNumber !== undefined || ratio < minSupport) {
      return { reason: 'unsupported_claim', evidence: { rule: 'not_in_cited_passages', sentence: sentence.slice(0, 160), support: Math.round(ratio * 100) / 100 } };
    }
  }
  return null;
}
