import type { Embedder } from '../embeddings/embedder.port';
import { ARTICLE_FEATURES, ARTICLE_RANKER_MODEL, ArticleRanker, articleCandidates, type ArticleRankerModel } from './article-ranker';
import type { KnowledgeHit } from './hybrid-search';

const DIMENSIONS = 384;

function hit(source: string, heading: string, score: number, over: Partial<KnowledgeHit['parts']> = {}): KnowledgeHit {
  const parts = { vector: 0.7, coverage: 0.3, heading: 0, rank: 0.1, semantic: 0.5, distinct: 0, ...over };
  return { chunkId: `${source}/${heading}`, source, heading, content: heading, overview: false, score, vectorScore: parts.vector, textScore: parts.coverage, parts };
}

/** Headings that name "invite" point along dimension 0, every other heading along dimension 1. */
class FakeEmbedder implements Embedder {
  readonly model = ARTICLE_RANKER_MODEL.embeddingModel;
  readonly embedded: string[] = [];
  async embed(texts: string[]): Promise<number[][]> {
    this.embedded.push(...texts);
    return texts.map((t) => unit(/invite/i.test(t) ? 0 : 1));
  }
  async embedQuery(): Promise<number[]> {
    return unit(0);
  }
}

function unit(dimension: number): number[] {
  const v = new Array<number>(DIMENSIONS).fill(0);
  v[dimension] = 1;
  return v;
}

function model(over: Record<string, number> = {}, headingWeights: Record<number, number> = {}): ArticleRankerModel {
  const weights = [...ARTICLE_FEATURES.map((f) => over[f] ?? 0), ...Array.from({ length: DIMENSIONS }, (_, d) => headingWeights[d] ?? 0)];
  return { ...ARTICLE_RANKER_MODEL, weights };
}

const hits = [
  hit('driver-app', 'Driver app › Signing in', 0.51),
  hit('team-roles', 'Team roles › Invite a member by phone', 0.47),
  hit('driver-app', 'Driver app › Offline mode', 0.45),
  hit('routes', 'Routes › Planning', 0.4),
];

describe('ArticleRanker', () => {
  it('puts first the article its weights prefer, the rest in fused order, scores untouched', async () => {
    const embedder = new FakeEmbedder();
    // The question's embedding meets the "invite" heading on dimension 0, which this model weighs.
    const ranked = await new ArticleRanker(embedder, model({ score: 1 }, { 0: 1 })).rank(unit(0), hits);
    expect(ranked.map((h) => h.heading)).toEqual(['Team roles › Invite a member by phone', 'Driver app › Signing in', 'Driver app › Offline mode', 'Routes › Planning']);
    expect(ranked[0]!.score).toBe(0.47);
  });

  it('keeps the fused order when its weights see no difference, and for a single article', async () => {
    const ranker = new ArticleRanker(new FakeEmbedder(), model());
    expect((await ranker.rank(unit(0), hits)).map((h) => h.chunkId)).toEqual(hits.map((h) => h.chunkId));
    const one = [hit('a', 'A › x', 0.4), hit('a', 'A › y', 0.5)];
    expect((await ranker.rank(unit(0), one)).map((h) => h.score)).toEqual([0.5, 0.4]);
  });

  it('chooses among the articles of the best passages by fused score only', async () => {
    const page = Array.from({ length: 10 }, (_, i) => hit(`article-${i}`, `Heading ${i}`, 0.6 - i * 0.02));
    const ranked = await new ArticleRanker(new FakeEmbedder(), model({ position: 1 })).rank(unit(0), page);
    // Weighing position up prefers the last candidate (the eighth passage); the ninth and tenth are not candidates.
    expect(ranked.map((h) => h.source)).toEqual([7, 0, 1, 2, 3, 4, 5, 6, 8, 9].map((i) => `article-${i}`));
  });

  it("moves all of the chosen article's candidate passages, in their order", async () => {
    const mixed = [hit('a', 'A › 1', 0.5), hit('b', 'B › 1', 0.49), hit('c', 'C › 1', 0.48), hit('b', 'B › 2', 0.47)];
    const ranked = await new ArticleRanker(new FakeEmbedder(), model({ passageShare: 1 })).rank(unit(0), mixed);
    expect(ranked.map((h) => h.heading)).toEqual(['B › 1', 'B › 2', 'A › 1', 'C › 1']);
  });

  it('embeds each heading once, in one batch per search', async () => {
    const embedder = new FakeEmbedder();
    const ranker = new ArticleRanker(embedder, model({ score: 1 }));
    await ranker.rank(unit(0), hits);
    await ranker.rank(unit(0), hits);
    expect(embedder.embedded).toEqual(['Driver app › Signing in', 'Team roles › Invite a member by phone', 'Routes › Planning']);
  });

  it('computes the article features it was fitted on', () => {
    const [driver, team] = articleCandidates(hits, 8);
    expect(driver!.article).toBe('driver-app');
    const named = Object.fromEntries(ARTICLE_FEATURES.map((f, i) => [f, driver!.features[i]]));
    expect(named).toMatchObject({ score: 0.51, behindTop: 0, position: 0, passageShare: 2 / 8, secondPassage: 0.45, overview: 0 });
    expect(named.sumOfThree).toBeCloseTo(0.96);
    expect(team!.features[1]).toBeCloseTo(-0.04);
    expect(team!.features[2]).toBeCloseTo(0.1);
  });

  it('refuses vectors of another embedding model, and a model whose weights do not fit its features', () => {
    const other: Embedder = { model: 'text-embedding-3-small@384', embed: async () => [], embedQuery: async () => [] };
    expect(() => new ArticleRanker(other)).toThrow(/fitted on bge-small/);
    expect(() => new ArticleRanker(new FakeEmbedder(), { ...ARTICLE_RANKER_MODEL, weights: [1, 2] })).toThrow(/do not match/);
    expect(ARTICLE_RANKER_MODEL.weights).toHaveLength(ARTICLE_FEATURES.length + DIMENSIONS);
    expect(ARTICLE_RANKER_MODEL.features).toEqual(ARTICLE_FEATURES);
  });
});
