import { conceptCoverage, headingMatch, type QueryConcept } from './query-concepts';

const concept = (word: string, weight: number, lexemes = [word]): QueryConcept => ({ word, lexemes, weight });

describe('query concepts', () => {
  it('coverage is the IDF-weighted share of the concepts a chunk contains', () => {
    const concepts = [concept('export', 3), concept('board', 1)];
    expect(conceptCoverage(concepts, new Set(['export']))).toBeCloseTo(0.75);
    expect(conceptCoverage(concepts, new Set(['board', 'export']))).toBe(1);
  });

  it('a heading named by the heart of the question matches fully', () => {
    expect(headingMatch([concept('export', 3), concept('board', 1), concept('csv', 3)], ['export', 'board', 'csv'])).toBe(1);
  });

  it('a short heading named only by a minor word of the question hardly counts', () => {
    // "… offline kiosk mode … tablets … show responses": the heading "See responses" shares two light words.
    const concepts = [concept('offline', 4), concept('kiosk', 4), concept('tablets', 4), concept('show', 1, ['show', 'see']), concept('responses', 1, ['respons'])];
    expect(headingMatch(concepts, ['see', 'respons'])).toBeCloseTo((2 / 14) / 0.5);
    expect(headingMatch(concepts, ['export'])).toBe(0);
  });
});
