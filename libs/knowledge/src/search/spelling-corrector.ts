import { STOPWORDS, tokenize } from '@cs/domain';

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped for speed. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}

/** Corrections already worked out, per vocabulary (a new corpus-statistics load brings a new vocabulary). */
const CORRECTIONS = new WeakMap<ReadonlyMap<string, number>, Map<string, string>>();
const MAX_CACHED = 20_000;

/** The closest knowledge-base word to an unknown word, or the word itself when none is close enough. */
function closestWord(word: string, vocabulary: ReadonlyMap<string, number>): string {
  const max = word.length >= 8 ? 2 : 1;
  let best: { word: string; distance: number; freq: number } | null = null;
  for (const [candidate, freq] of vocabulary) {
    if (candidate.length < 3 || Math.abs(candidate.length - word.length) > max) continue;
    const distance = editDistance(word, candidate, max);
    if (distance > max) continue;
    if (!best || distance < best.distance || (distance === best.distance && freq > best.freq)) best = { word: candidate, distance, freq };
  }
  return best?.word ?? word;
}

/**
 * Rewrites words the knowledge base has never seen to the closest word it has ("exprot" -> "export", "notifcations"
 * -> "notifications"), so a typo on a phone does not sink the full-text half of the search. Unknown words with no
 * close neighbour (product names we do not support) stay as they are. The scan over the vocabulary is done once per
 * word and vocabulary, then remembered: customers keep using the same words.
 */
export function correctSpelling(query: string, vocabulary: ReadonlyMap<string, number>): string {
  let cache = CORRECTIONS.get(vocabulary);
  if (!cache) CORRECTIONS.set(vocabulary, (cache = new Map()));
  const corrected = tokenize(query).map((word) => {
    // Short words are too easily another real word ("dark" is one letter from "mark"): only longer ones are corrected.
    if (word.length < 5 || vocabulary.has(word) || STOPWORDS.has(word) || /\d/.test(word)) return word;
    let fixed = cache.get(word);
    if (fixed === undefined) {
      fixed = closestWord(word, vocabulary);
      if (cache.size >= MAX_CACHED) cache.clear();
      cache.set(word, fixed);
    }
    return fixed;
  });
  return corrected.join(' ');
}
