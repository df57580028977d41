import { OnnxEmbedder, type Embedder, type KnowledgeHit } from '@cs/knowledge';
import { EXPORT_HIT } from '../testing/agent-test-kit';
import { ANSWERABILITY_MODEL, AnswerabilityCheck, SEARCH_FEATURES, searchFeatures, type AnswerabilityModel } from './answerability-check';

function hit(source: string, score: number, overview = false): KnowledgeHit {
  return { ...EXPORT_HIT, chunkId: `${source}-${score}`, source, score, overview };
}

/** One dimension per text, looked up in a table. */
function tableEmbedder(table: Record<string, number>, model = 'table'): Embedder {
  return { model, embed: async (texts: string[]) => texts.map((t) => [table[t] ?? 0]), embedQuery: async (t: string) => [table[t] ?? 0] };
}

/** A toy model over the 13 search features and a one-dimensional embedding: only the score and the embedding count. */
const TOY: AnswerabilityModel = {
  embeddingModel: 'table',
  features: SEARCH_FEATURES,
  threshold: 0.7,
  mean: Array(14).fill(0),
  scale: [0.1, ...Array(13).fill(1)],
  weights: [-1, ...Array(12).fill(0), 3],
  bias: 4,
};

describe('searchFeatures', () => {
  it('reads the first page of a search: the best passage, the best of another article, and the question length', () => {
    const hits = [hit('roles', 0.5), hit('roles', 0.45), hit('exports', 0.4), hit('roles', 0.3), hit('billing', 0.2), hit('roles', 0.9)];
    const f = searchFeatures(hits, 'How do I give Dana the manager role?');
    const named = Object.fromEntries(SEARCH_FEATURES.map((name, i) => [name, f[i]]));
    expect(named).toMatchObject({ score: 0.5, vector: 0.5, coverage: 0.7, heading: 1, overview: 0, otherArticle: 0.4, second: 0.45, sameArticle: 3 });
    expect(named.margin).toBeCloseTo(0.1, 10);
    // "How", "give", "Dana", "the", "manager", "role": six words of three letters or more (the sixth page hit is unread).
    expect(named.questionWords).toBeCloseTo(Math.log(6), 10);
    expect(f).toHaveLength(SEARCH_FEATURES.length);
    // The article ranker may put another article first: the page is read by fused score all the same.
    expect(searchFeatures([hits[2]!, ...hits.slice(0, 2), ...hits.slice(3)], 'How do I give Dana the manager role?')).toEqual(f);
  });

  it('gives zeros but the question length for an empty search', () => {
    expect(searchFeatures([], 'Anything there?')).toEqual([...Array(12).fill(0), Math.log(2)]);
  });
});

describe('AnswerabilityCheck (mechanics, on a toy model)', () => {
  it('standardises, weighs and squashes the features and the question embedding', async () => {
    const check = new AnswerabilityCheck(tableEmbedder({ 'a capability question': 1, 'a how-to question': -1 }), TOY);
    // z = 4 - 0.5 / 0.1 + 3 × 1 = 2 → 0.881; with the how-to question z = 4 - 5 - 3 = -4 → 0.018.
    expect(await check.judge('a capability question', [hit('roles', 0.5)])).toEqual({ probability: 0.881, unanswerable: true });
    expect(await check.judge('a how-to question', [hit('roles', 0.5)])).toEqual({ probability: 0.018, unanswerable: false });
    // A better passage lowers it: z = 4 - 8 + 3 = -1 → 0.269.
    expect(await check.judge('a capability question', [hit('roles', 0.8)])).toEqual({ probability: 0.269, unanswerable: false });
    expect((await new AnswerabilityCheck(tableEmbedder({ q: 0 }), TOY, 0.01).judge('q', [hit('roles', 0.8)])).unanswerable).toBe(true);
  });

  it('refuses another embedding model and a model whose vectors do not line up', () => {
    expect(() => new AnswerabilityCheck(tableEmbedder({}, 'text-embedding-3-small@384'), TOY)).toThrow(/fitted on table/);
    expect(() => new AnswerabilityCheck(tableEmbedder({}), { ...TOY, mean: [0] })).toThrow(/one mean, scale and weight per feature/);
    expect(() => new AnswerabilityCheck(tableEmbedder({}), TOY).probability([1, 2])).toThrow(/expects 14 features, got 2/);
  });
});

/**
 * The trained model on the real embedding, with questions written for this test: on the same strong passage about
 * exporting a board, a how-to question it answers stays under the threshold, and a question about a capability the
 * passage does not describe scores higher.
 */
describe('the answerability model (trained, on bge-small)', () => {
  const check = new AnswerabilityCheck(new OnnxEmbedder());

  it('reads the question, not only the scores', async () => {
    const page = [EXPORT_HIT, { ...EXPORT_HIT, chunkId: 'x', source: 'boards', score: 0.4 }];
    const howTo = await check.judge('Subject: CSV\nMessage:\nHow do I export my board to CSV?', page);
    const capability = await check.judge('Subject: Live stream\nMessage:\nCan Brightdesk livestream our board meetings to YouTube for the whole company?', page);
    expect(howTo.unanswerable).toBe(false);
    expect(capability.probability).toBeGreaterThan(howTo.probability);
  });

  it('carries the threshold the training chose, fitted on the embedding it runs on', () => {
    expect(check.threshold).toBe(ANSWERABILITY_MODEL.threshold);
    expect(ANSWERABILITY_MODEL.embeddingModel).toBe(new OnnxEmbedder().model);
    expect(ANSWERABILITY_MODEL.weights).toHaveLength(SEARCH_FEATURES.length + 384);
  });
});
