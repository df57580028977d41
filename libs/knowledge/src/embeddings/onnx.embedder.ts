import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from '@huggingface/tokenizers';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { EMBEDDING_DIMENSIONS, type Embedder } from './embedder.port';

/** Where `npm install` puts the model (scripts/fetch-embedding-model.mjs); EMBEDDING_MODEL_DIR overrides it. */
export const DEFAULT_MODEL_DIR = join(__dirname, '../../models/bge-small-en-v1.5-q');

/** BGE's instruction for short queries searched against passages (its model card; passages get none). */
const QUERY_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';
/** The model's position embeddings end here; longer texts are cut (a chunk's first 512 tokens carry its topic). */
const MAX_TOKENS = 512;

interface LoadedModel {
  tokenizer: Tokenizer;
  session: InferenceSession;
}

/** One model per directory and process: loading takes ~300 ms and 130 MB, every embedder shares it. */
const loaded = new Map<string, Promise<LoadedModel>>();

function loadModel(dir: string): Promise<LoadedModel> {
  let model = loaded.get(dir);
  if (!model) {
    model = (async () => {
      const modelFile = join(dir, 'model.onnx');
      const tokenizerFile = join(dir, 'tokenizer.json');
      if (!existsSync(modelFile) || !existsSync(tokenizerFile)) {
        throw new Error(`the offline embedding model is not in ${dir}: run \`node scripts/fetch-embedding-model.mjs\` (npm install does)`);
      }
      const tokenizer = new Tokenizer(JSON.parse(readFileSync(tokenizerFile, 'utf8')), {});
      // One intra-op thread: requests are embedded concurrently by the event loop, not by splitting one matrix product.
      const session = await InferenceSession.create(modelFile, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
      return { tokenizer, session };
    })();
    model.catch(() => loaded.delete(dir));
    loaded.set(dir, model);
  }
  return model;
}

function int64(values: number[]): Tensor {
  return new Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);
}

/**
 * The offline embedding: BAAI bge-small-en-v1.5, int8-quantised, run by ONNX Runtime on the CPU. A sentence
 * embedding, so "get my money back" lands near "refunds" without sharing a word; deterministic and needs no network.
 * CLS pooling and L2 normalisation as the model card prescribes; 384 dimensions (EMBEDDING_DIMENSIONS).
 */
export class OnnxEmbedder implements Embedder {
  readonly model = 'bge-small-en-v1.5-q';

  constructor(private readonly dir: string = DEFAULT_MODEL_DIR) {}

  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (const text of texts) vectors.push(await this.run(text));
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.run(QUERY_INSTRUCTION + text);
  }

  private async run(text: string): Promise<number[]> {
    const { tokenizer, session } = await loadModel(this.dir);
    const ids = tokenizer.encode(text, { add_special_tokens: true }).ids;
    // Keep [CLS] … [SEP] when cutting: the last id is the separator the model was trained to see.
    const input = ids.length > MAX_TOKENS ? [...ids.slice(0, MAX_TOKENS - 1), ids[ids.length - 1]!] : ids;
    const feeds: Record<string, Tensor> = { input_ids: int64(input), attention_mask: int64(input.map(() => 1)) };
    if (session.inputNames.includes('token_type_ids')) feeds.token_type_ids = int64(input.map(() => 0));
    const output = await session.run(feeds);
    const hidden = output[session.outputNames[0]!]!.data as Float32Array;
    const cls = hidden.subarray(0, EMBEDDING_DIMENSIONS);
    const norm = Math.hypot(...cls) || 1;
    return Array.from(cls, (v) => Math.round((v / norm) * 1e6) / 1e6);
  }
}
