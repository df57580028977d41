import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { addressesVendor, extractCustomerText, extractSignOff, gateSentences, matchTriggerRules, scoreSentiment } from '@cs/domain';
import { OnnxEmbedder } from '@cs/knowledge';
import { loadCases } from '../eval-case.schema';
import { productNameOf } from '../product-name';

/**
 * `npm run intent:export`: the training data of the intent check. Every sentence the gate reads in the development
 * sets (the shipped cases and every set in eval/floors.json), with its sentence embedding and a label:
 * - in a case expected to escalate for pricing, refund, legal or human_requested: that reason when the trigger rules
 *   match the sentence for it and nothing else (the rules were fixed on these sets, so they mark the sentence that
 *   carries the request); the case's other sentences are left out (context, neither side);
 * - in an answerable case: `none` (this includes every trap: "She'd like a refund", "our lawyer drafted a waiver");
 * - in a case expected to escalate for negative sentiment or no knowledge-base match: `none` unless a rule matches.
 * For the distress model every sentence of a negative-sentiment case is `distressed` and every sentence of an
 * answerable case `calm`; each row carries its message's word-level sentiment score.
 * New held-back sets are not read until they are added to floors.json, so their first run stays unseen.
 */
const ROOT = join(__dirname, '..', '..');
export const SENTENCES_FILE = join(ROOT, 'tmp', 'intent', 'sentences.jsonl');

/** The reasons the intent check learns: what the trigger rules stand for (sentiment is scored, not matched). */
export const INTENT_REASONS = ['pricing', 'refund', 'legal', 'human_requested'] as const;
const GATE = new Set<string>(INTENT_REASONS);

function labelOf(expected: string, rules: string[]): string | null {
  if (GATE.has(expected)) return rules.length > 0 && rules.every((r) => r === expected) ? expected : null;
  if (expected === 'answer') return 'none';
  return rules.length === 0 ? 'none' : null;
}

async function main(): Promise<void> {
  const floors = JSON.parse(readFileSync(join(ROOT, 'eval/floors.json'), 'utf8')) as Record<string, { signature: string }>;
  const sets: { name: string; file: string; product?: string }[] = [
    { name: 'shipped', file: join(ROOT, 'eval/cases.jsonl'), product: 'Brightdesk' },
    ...Object.entries(floors).map(([name, f]) => ({ name, file: join(ROOT, 'eval', name, 'cases.jsonl'), product: productNameOf(f.signature) })),
  ];
  const embedder = new OnnxEmbedder();
  const lines: string[] = [];
  for (const set of sets) {
    for (const c of await loadCases(set.file)) {
      const expected = c.expect.action === 'answer' ? 'answer' : (c.expect.reason ?? 'escalate');
      const own = extractCustomerText(c.body);
      const signOff = extractSignOff(c.body);
      // The message's word-level score, as the agent computes it (the distress check reads only lukewarm ones).
      const sentiment = scoreSentiment(signOff ? `${own}\n${signOff}` : own, { emphasis: c.subject });
      const sentences = gateSentences({ text: own, subject: c.subject });
      const vectors = await embedder.embed(sentences);
      sentences.forEach((text, i) => {
        const rules = [...new Set(matchTriggerRules(text).map((m) => m.reason))];
        const label = labelOf(expected, rules);
        lines.push(JSON.stringify({ set: set.name, id: c.id, expected, label, vendor: addressesVendor(text, set.product), sentiment, text, vector: vectors[i] }));
      });
    }
    process.stdout.write(`${set.name} `);
  }
  mkdirSync(dirname(SENTENCES_FILE), { recursive: true });
  writeFileSync(SENTENCES_FILE, `${lines.join('\n')}\n`);
  process.stdout.write(`\n${lines.length} sentences of ${sets.length} sets -> ${SENTENCES_FILE} (${embedder.model})\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`intent:export failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
