import { SemanticCoverage } from './semantic-coverage';
import { loadWordVectors, WordVectors } from './word-vectors';
import { selectWordVectors } from './word-vectors.source';

describe('word vectors (vendored GloVe, int8)', () => {
  const vectors = loadWordVectors();
  const sim = (a: string, b: string) => vectors.similarity(vectors.rank(a)!, vectors.rank(b)!);

  it('holds the 50 000 most frequent plain words in frequency order', () => {
    expect(vectors.words).toHaveLength(50_000);
    expect(vectors.dims).toBe(100);
    expect(vectors.rank('the')).toBe(0);
    expect(vectors.rank('payment')).toBeLessThan(vectors.rank('invoice')!);
    expect(vectors.words.every((w) => /^[a-z][a-z'-]*$/.test(w))).toBe(true);
  });

  it('puts words of one meaning close and unrelated words apart', () => {
    expect(sim('warning', 'alert')).toBeGreaterThan(0.5);
    expect(sim('remove', 'delete')).toBeGreaterThan(0.5);
    expect(sim('warning', 'banana')).toBeLessThan(0.2);
    expect(sim('invoice', 'invoice')).toBeCloseTo(1, 5);
  });

  it('round-trips through its file format, quantised to int8', () => {
    const source = { dimensions: 3, words: ['b', 'the', 'a', 'x1'], vectors: { b: [1, 0, 0], the: [0.5, 0.5, 0], a: [0, 0, -2], x1: [1, 1, 1] } };
    const { words, vectors: v } = selectWordVectors(source, 3);
    expect(words).toEqual(['b', 'the', 'a']);
    const decoded = WordVectors.decode(WordVectors.encode(words, v, 3));
    expect(decoded.words).toEqual(['b', 'the', 'a']);
    expect(decoded.similarity(0, 1)).toBeCloseTo(Math.SQRT1_2, 2);
    expect(decoded.similarity(0, 2)).toBeCloseTo(0, 5);
    expect(() => WordVectors.decode(Buffer.from('nope'))).toThrow(/not a word-vectors file/);
  });
});

describe('SemanticCoverage', () => {
  const semantic = new SemanticCoverage(loadWordVectors());

  it('covers a question through words of the same meaning, more than an unrelated passage does', () => {
    const terms = semantic.terms('the low stock warnings never arrive');
    const related = semantic.coverage(terms, 'alerts', 'Low-stock alerts: when an item drops below its reorder point we send an email alert.');
    const unrelated = semantic.coverage(terms, 'logo', 'Upload your logo under Settings > Branding; it appears on purchase orders.');
    expect(related).toBeGreaterThan(unrelated + 0.15);
    expect(related).toBeLessThanOrEqual(1);
    expect(semantic.coverage([], 'alerts', 'anything')).toBe(0);
  });

  it('ignores function words and words without a vector', () => {
    expect(semantic.terms('how do i the of xqzzyv')).toEqual([]);
  });
});
