import type { TicketTriage } from '@cs/ports';

const CATEGORY_CUES: Array<[TicketTriage['category'], RegExp]> = [
  ['billing', /\b(invoice|billing|payment|seat|subscription|charge|vat|receipt)/i],
  ['account', /\b(password|2fa|two-factor|sso|saml|sign[- ]?in|log[- ]?in|login|account|recovery code)/i],
  ['technical', /\b(sync|error|crash|bug|not working|broken|slow|api|import|export|webhook|integration|slack|drive|app)\b/i],
  ['feedback', /\b(feedback|suggest|feature request|would be nice|wish)\b/i],
];

/** Category from the topic words, priority from urgency words: a first sort for whoever reads the queue. */
export function triageTicket(text: string, answered: boolean): TicketTriage & { summary: string } {
  const category = CATEGORY_CUES.find(([, cue]) => cue.test(text))?.[0] ?? 'general';
  const urgent = /\b(urgent|asap|immediately|right now|outage|everyone is blocked|production)\b/i.test(text);
  const priority = urgent ? 'high' : answered ? 'low' : 'medium';
  const summary = text.replace(/\s+/g, ' ').trim().slice(0, 160) || 'Customer message';
  return { category, priority, summary };
}
