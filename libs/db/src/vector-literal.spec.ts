import { parseVectorLiteral, toVectorLiteral } from './vector-literal';

describe('vector literals', () => {
  it('round-trips', () => {
    expect(toVectorLiteral([0.5, -1, 1e-7])).toBe('[0.5,-1,1e-7]');
    expect(parseVectorLiteral('[0.5,-1,1e-07]')).toEqual([0.5, -1, 1e-7]);
  });

  it('rejects what pgvector would', () => {
    expect(() => toVectorLiteral([])).toThrow(RangeError);
    expect(() => toVectorLiteral([1, Number.NaN])).toThrow(RangeError);
    expect(() => parseVectorLiteral('{1,2}')).toThrow();
  });
});
