import { splitSentences } from './message-cleanup';

const WITH_TOOL =
  /\b(?:integrat(?:e|es|ed|ing|ion|ions)|sync(?:s|ed|ing)?|compatible|work(?:s|ing)?|plug(?:s|ged)? ?in|hook(?:s|ed)? up|connector)(?:\s+(?!with\b|to\b|into\b|for\b)[\w']+){0,4}?\s+(?:with|to|into|for)\s+(?:our\s+|my\s+|the\s+|an?\s+)?([A-Za-z][\w.&-]*)(?:\s+([A-Z][\w.&-]*))?/g;
const TOOL_INTEGRATION = /\b(?:an?|any)\s+([A-Za-z][\w.&-]*)\s+(?:integration|plugin|plug-in|connector|add-on)\b/g;
const GENERIC = new Set(['it', 'this', 'that', 'them', 'us', 'me', 'you', 'each', 'other', 'every', 'all', 'any', 'our', 'my', 'your', 'their', 'a', 'an', 'the', 'new', 'old', 'same']);

/**
 * The tools a customer asks us to integrate or work with ("Does it integrate with QuickBooks or Xero?", "is there a
 * Zendesk integration?"): the words naming them. The agent asks the knowledge base whether it ever mentions them.
 */
export function integrationTargets(text: string): string[] {
  const targets = new Set<string>();
  for (const sentence of splitSentences(text)) {
    if (!/[?]|\b(can|could|does|do|is there|are there|will|would|possible|way to)\b/i.test(sentence)) continue;
    for (const pattern of [WITH_TOOL, TOOL_INTEGRATION]) {
      for (const match of sentence.matchAll(pattern)) {
        for (const word of match.slice(1)) if (word && !GENERIC.has(word.toLowerCase())) targets.add(word);
      }
    }
    for (const alt of sentence.matchAll(/\b(?:integrat\w*|sync\w*)\b[^.?!]*?\bor\s+([A-Z][\w.&-]*)/g)) if (alt[1]) targets.add(alt[1]);
  }
  return [...targets];
}
