import { OnnxEmbedder, type Embedder } from '@cs/knowledge';
import { DISTRESS_LABELS, DISTRESS_MODEL, INTENT_LABELS, INTENT_MODEL, SentenceCheck, type SentenceModel } from './sentence-check';

/** Two dimensions: "refund-ness" and "price-ness", looked up per sentence. */
function tableEmbedder(table: Record<string, [number, number]>, model = 'table'): Embedder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    model,
    calls,
    embed: async (texts: string[]) => {
      calls.push(texts);
      return texts.map((t) => table[t] ?? [0, 0]);
    },
    embedQuery: async (t: string) => table[t] ?? [0, 0],
  };
}

const TOY: SentenceModel = {
  embeddingModel: 'table',
  classes: ['none', 'pricing', 'refund', 'legal', 'human_requested'],
  threshold: 0.8,
  bias: [1, 0, 0, -5, -5],
  weights: [[0, 0], [0, 8], [8, 0], [0, 0], [0, 0]],
};

describe('SentenceCheck (mechanics, on a two-dimensional toy model)', () => {
  it('returns the most likely request over the threshold with its sentence, and null below it', async () => {
    const embedder = tableEmbedder({ 'send the second one back': [1, 0], 'what would that cost': [0, 0.6], 'how do I export': [0, 0] });
    const check = new SentenceCheck(embedder, TOY, INTENT_LABELS);
    const verdict = await check.classify(['how do I export', 'what would that cost', 'send the second one back']);
    expect(verdict).toEqual({ label: 'refund', probability: expect.any(Number), sentence: 'send the second one back' });
    expect(verdict!.probability).toBeGreaterThan(0.99);
    // 0.6 × 8 = 4.8 against none's bias of 1: p(pricing) = e^4.8 / (e^1 + e^4.8 + e^0 + 2e^-5) ≈ 0.97.
    expect(await check.classify(['what would that cost'])).toMatchObject({ label: 'pricing' });
    expect(await check.classify(['how do I export'])).toBeNull();
    expect(await check.classify([])).toBeNull();
    expect(embedder.calls).toHaveLength(3);
  });

  it('honours its threshold and gives probabilities that sum to one', async () => {
    const embedder = tableEmbedder({ 'a bit pricey': [0, 0.3] });
    const p = new SentenceCheck(embedder, TOY, INTENT_LABELS).probabilities([0, 0.3]);
    expect(Object.values(p).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
    // 0.3 × 8 = 2.4: e^2.4 / (e^1 + e^2.4 + e^0 + 2e^-5) = 0.7471.
    expect(p.pricing).toBeCloseTo(0.7471, 4);
    expect(await new SentenceCheck(embedder, TOY, INTENT_LABELS).classify(['a bit pricey'])).toBeNull();
    expect(await new SentenceCheck(embedder, TOY, INTENT_LABELS, 0.7).classify(['a bit pricey'])).toMatchObject({ label: 'pricing', probability: 0.747 });
  });

  it('refuses embeddings of another model than the one it was fitted on', () => {
    expect(() => new SentenceCheck(tableEmbedder({}, 'text-embedding-3-small@384'), TOY, INTENT_LABELS)).toThrow(/fitted on table/);
    expect(() => new SentenceCheck(tableEmbedder({}), { ...TOY, bias: [0] }, INTENT_LABELS)).toThrow(/one weight row and one bias per class/);
    expect(() => new SentenceCheck(tableEmbedder({}), TOY, DISTRESS_LABELS)).toThrow(/no class distressed/);
  });
});

/**
 * The trained model on the real embedding, with sentences written for this test (in none of the eval sets): requests
 * in everyday wording (the last one the trigger rules miss), and how-to questions on the same topics.
 */
describe('the intent model (trained, on bge-small)', () => {
  const check = new SentenceCheck(new OnnxEmbedder(), INTENT_MODEL, INTENT_LABELS);

  it.each([
    ['pricing', 'How much will our monthly bill be once we add the second depot and nine more drivers?'],
    ['refund', 'You took the annual fee off our card twice this morning, can you put the second one back?'],
    ['legal', 'Our solicitor wants to strike the auto-renewal clause from your master agreement before we sign again.'],
    ['human_requested', 'Could someone from your team ring me tomorrow so we can go through the setup together?'],
    ['refund', 'We paid you for March even though we were shut the whole month, could that go back on our account?'],
  ])('recognises a %s request in new wording', async (reason, sentence) => {
    expect(await check.classify([sentence])).toMatchObject({ label: reason, sentence });
  });

  it.each([
    'How do I issue a refund to one of my clients from the payments screen?',
    'Where do I change the price a customer sees on their quote?',
    'Can you tell me how to give our office manager permission to approve timesheets?',
    'Can I keep a signed copy of each tenancy agreement against the tenant in your app?',
  ])('leaves a how-to question on the same topic to the knowledge base: %s', async (sentence) => {
    expect(await check.classify([sentence])).toBeNull();
  });

  it('carries the threshold the training chose, fitted on the embedding it runs on', () => {
    expect(check.threshold).toBe(INTENT_MODEL.threshold);
    expect(INTENT_MODEL.embeddingModel).toBe(new OnnxEmbedder().model);
    expect(INTENT_MODEL.weights.every((row) => row.length === 384)).toBe(true);
  });
});

/** The same, for the distress model: sentences written for this test, scored by the words at 0.3-0.5. */
describe('the distress model (trained, on bge-small)', () => {
  const check = new SentenceCheck(new OnnxEmbedder(), DISTRESS_MODEL, DISTRESS_LABELS);

  it('hears distress the words score only lukewarm (0.34)', async () => {
    const sentence = 'I have cried twice today over this, the payouts still have not come and rent is due.';
    expect(await check.classify(['Hello.', sentence])).toMatchObject({ label: 'distressed', sentence });
  });

  it.each([
    'The card payments from Tuesday have not arrived yet, how long do payouts usually take?',
    'Our front desk printer died this morning, can I print receipts from the tablet instead?',
  ])('hears a plain problem report as calm: %j', async (sentence) => {
    expect(await check.classify([sentence])).toBeNull();
  });
});
