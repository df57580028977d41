import { contentTokens } from '@cs/domain';
import { EMBEDDING_DIMENSIONS, type Embedder } from './embedder.port';

/** FNV-1a, 32 bit: fast, stable across platforms and releases. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function add(vector: Float64Array, feature: string, weight: number): void {
  const hash = fnv1a(feature);
  // The sign bit spreads collisions so unrelated features cancel out instead of piling up.
  vector[hash % EMBEDDING_DIMENSIONS]! += hash & 0x80000000 ? -weight : weight;
}

/** Hashed word unigrams and bigrams plus character trigrams (typo tolerance), L2-normalised. */
export function embedLocally(text: string): number[] {
  const vector = new Float64Array(EMBEDDING_DIMENSIONS);
  const tokens = contentTokens(text);
  tokens.forEach((token, i) => {
    add(vector, `w:${token}`, 1);
    if (i > 0) add(vector, `b:${tokens[i - 1]} ${token}`, 0.5);
    const padded = `^${token}$`;
    const grams = Math.max(padded.length - 2, 1);
    for (let j = 0; j + 3 <= padded.length; j++) add(vector, `c:${padded.slice(j, j + 3)}`, 0.6 / grams);
  });
  const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0));
  // A text without topic words still needs a valid direction (a zero vector has no cosine).
  if (norm === 0) return Array.from(vector, (_v, i) => (i === 0 ? 1 : 0));
  return Array.from(vector, (v) => Math.round((v / norm) * 1e6) / 1e6);
}

/** The offline embedding: deterministic, no network, good enough for a help center of a few hundred chunks. */
export class LocalHashEmbedder implements Embedder {
  readonly model = 'local-hash-v1';

  async embed(texts: string[]): Promise<number[][]> {
    return texts.map(embedLocally);
  }
}
