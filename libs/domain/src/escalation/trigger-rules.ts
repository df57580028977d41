/** Reasons the policy gate escalates for before any model runs. */
export const GATE_REASONS = ['legal', 'refund', 'pricing', 'human_requested', 'negative_sentiment'] as const;
export type GateReason = (typeof GATE_REASONS)[number];

/**
 * A phrase that hands the message to a human. `weak` rules are ignored in a sentence that is plainly about the
 * product (a "refund requests" board, a "manager" role, a price field); strong ones never are.
 */
export interface TriggerRule {
  id: string;
  reason: Exclude<GateReason, 'negative_sentiment'>;
  pattern: RegExp;
  weak?: boolean;
}

export const TRIGGER_RULES: readonly TriggerRule[] = [
  // legal: lawyers, lawsuits, GDPR and data requests, subpoenas, contracts
  { id: 'legal.counsel', reason: 'legal', pattern: /\b(lawyers?|attorneys?|solicitors?|law ?firm|lawsuit|law suit|litigation|legal (action|proceedings|claim|notice)|small claims|take (you|this) to court|see you in court)\b/i },
  { id: 'legal.sue', reason: 'legal', pattern: /\b(sue|suing|sued)\b/i },
  { id: 'legal.court', reason: 'legal', pattern: /\b(subpoenas?|court order|cease and desist|law enforcement|search warrant)\b/i },
  { id: 'legal.privacy-law', reason: 'legal', pattern: /\b(gdpr|ccpa|dsar|data subject|right to (be forgotten|erasure|access|rectification)|article (15|17) (request|of))\b/i },
  { id: 'legal.data-request', reason: 'legal', pattern: /\b(all|any|every|copy of)\b[^.?!]{0,25}\b(personal )?(data|information) (you|brightdesk|your company) (hold|have|store|keep|process|collect)/i },
  { id: 'legal.erasure', reason: 'legal', pattern: /\b(delete|erase|remove|wipe) (all )?(of )?(my|our) (personal )?(data|information)\b[^.?!]{0,40}\b(you|your (servers|systems|company))\b/i },
  { id: 'legal.dpa', reason: 'legal', pattern: /\b(dpa|data processing (agreement|addendum)|breach of contract|terms of service violation|liability)\b/i },
  { id: 'legal.contract', reason: 'legal', pattern: /\b(our|the|your|my|a|this) (contract|msa|agreement)\b[^.?!]{0,40}\b(with you|with brightdesk|terms|terminat|cancel|breach|sign|review|negotiat|legal)/i, weak: true },
  { id: 'legal.department', reason: 'legal', pattern: /\b(my|our) (legal (team|department|counsel)|counsel)\b[^.?!]{0,60}\b(review|advised|will|is|has|contact|involved)/i, weak: true },
  // refund: money back, credits, chargebacks for what the customer paid
  { id: 'refund.money-back', reason: 'refund', pattern: /\b(money back|reimburse(ment)?|charge ?back|dispute (the|a|this|my) (charge|payment)|(return|give) (me )?(my|our|the) money)\b/i },
  { id: 'refund.mine', reason: 'refund', pattern: /\b((my|our|a|full|partial|prorated|pro-rated) refund(?! (requests?|tracking|process|workflow|board|queue|template|policy))|refund (me|us|my|our|the (charge|payment|subscription|difference|invoice|renewal|duplicate)))\b/i },
  { id: 'refund.wrong-charge', reason: 'refund', pattern: /\b((charged|billed) (me |us )?(twice|double|two times|again|incorrectly|wrongly|by mistake|after (i|we) cancel+ed)|double[- ]charged|duplicate (charge|payment))\b/i },
  { id: 'refund.credit', reason: 'refund', pattern: /\b(service credits?|account credit|credit (my|our) (account|card)|compensat(e|ion)( for)?)\b/i },
  { id: 'refund.word', reason: 'refund', pattern: /\brefund(s|ed|ing|able)?\b/i, weak: true },
  // pricing: our plans, prices, discounts, quotes
  { id: 'pricing.how-much', reason: 'pricing', pattern: /\b(how much|what)\b[^.?!]{0,50}\b(cost|costs|charge|charges|pay|price|fee)\b/i, weak: true },
  { id: 'pricing.price', reason: 'pricing', pattern: /\b(pricing|prices?|price list|price increase|costs? per (seat|user|month)|per[- ](seat|user) (cost|price|fee))\b/i, weak: true },
  { id: 'pricing.discount', reason: 'pricing', pattern: /\b(discounts?|coupons?|promo(tion)? codes?|cheaper|less expensive|too expensive|special (offer|deal)|(non-?profit|education(al)?|student|startup|volume) (discount|pricing|rate))\b/i },
  { id: 'pricing.quote', reason: 'pricing', pattern: /\b(a |an |the )?(quote|quotation|estimate) (for|on) \d*\s*(seats?|users?|licen[cs]es?|our team|the enterprise|enterprise)\b/i },
  { id: 'pricing.plans', reason: 'pricing', pattern: /\b((which|what) (plan|tier|subscription)s?\b[^.?!]{0,30}\b(include|includes|have|has|need|get|best|offer)|(plans?|tiers?) (include|comparison|compare)|difference between (the )?\w+ (and|&) \w+ (plans?|tiers?)|free (plan|tier|version)|is (it|brightdesk) free|enterprise (plan|pricing|deal|quote))\b/i },
  { id: 'pricing.amount', reason: 'pricing', pattern: /[$€£]\s?\d|\b\d+(\.\d+)?\s?(usd|eur|gbp|dollars?|euros?)\b/i, weak: true },
  // human_requested: a person, agent, representative, manager, call back
  { id: 'human.talk-to', reason: 'human_requested', pattern: /\b(speak|talk|chat|connect|transfer|escalate|put) (me )?(to|with|through to) (a |an |the |your |some |one of your )?(real |actual |live )?(human|person|people|agent|representative|rep|manager|supervisor|someone|somebody|staff( member)?|operator|employee|team member)s?\b/i },
  { id: 'human.real', reason: 'human_requested', pattern: /\b(real|actual|live) (human|person|agent|people)\b|\bhuman (please|pls|plz|being)\b|^\s*(human|agent|operator|representative)\s*[.!?]*\s*$/im },
  { id: 'human.not-bot', reason: 'human_requested', pattern: /\b(no|not|don't want|dont want|do not want|stop|enough of) (talking to )?(a |the |this |your )?(bot|robot|chatbot|ai|machine|automated (reply|response|answer)s?)\b/i },
  { id: 'human.call', reason: 'human_requested', pattern: /\b(call (me|us)( back)?|give (me|us) a (call|ring)|(phone|call) back(?! ?url)|(can|could|would|will|please) (someone|somebody|you|anyone) (please )?(call|phone|ring) (me|us)|phone call|have someone call)\b/i },
  { id: 'human.escalate', reason: 'human_requested', pattern: /\b(escalate (this|my|it|the)|i want (a|your|the) (human|person|manager|supervisor)|(get|need|want) (me )?(a|your|the) (manager|supervisor|representative))\b/i, weak: true },
];

/** Sentence contexts that show a trigger word is about the product itself, per reason. */
export const PRODUCT_CONTEXT: Readonly<Record<TriggerRule['reason'], RegExp>> = {
  legal: /\b(board|boards|card|cards|column|list|label|template|field|tag|workspace)\b/i,
  // Refunds the customer gives their own customers (a product that takes payments) are how-to questions.
  refund: /\b(board|boards|card|cards|column|list|label|template|field|track|tracking|workflow|automation|our customers|customers'|requests? (board|queue|list)|refund(ing)? (them|him|her|a customer|customers|respondents?|buyers?|attendees?)|respondents?|attendees?)\b/i,
  pricing: /\b(field|fields|column|card|cards|board|label|template|formula|estimate field|budget|custom field|api|rate limit|payment question|order form|quantity|respondents?)\b/i,
  human_requested: /\b(role|roles|permission|permissions|admin|promote|assign|invite|board|card|workspace)\b/i,
};
