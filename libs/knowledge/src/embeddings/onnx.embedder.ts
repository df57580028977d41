import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Tokenizer } from '@huggingface/tokenizers';
import { EMBEDDING_DIMENSIONS, type Embedder } from './embedder.port';

/** Where `npm install` puts the model (scripts/fetch-embedding-model.mjs); EMBEDDING_MODEL_DIR overrides it. */
export const DEFAULT_MODEL_DIR = join(__dirname, '../../models/bge-small-en-v1.5-q');

/** BGE's instruction for short queries searched against passages (its model card; passages get none). */
const QUERY_INSTRUCTION = 'Represent this sentence for searching relevant passages: ';
/** The model's position embeddings end here; longer texts are cut (a chunk's first 512 tokens carry its topic). */
const MAX_TOKENS = 512;

/**
 * The inference thread. ONNX Runtime's `session.run` computes on the calling thread, so on the event loop it would
 * stall HTTP, Kafka heartbeats and every other request for the 5–80 ms an embedding takes. The worker owns the session
 * and answers `{ id, ids }` with the CLS vector (transferred, not copied). Plain CommonJS evaluated as a string: it
 * needs no file of its own in the bundle, and loads onnxruntime-node from the path the main thread resolved.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.runtime);
const ready = ort.InferenceSession.create(workerData.modelFile, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
const int64 = (values) => new ort.Tensor('int64', BigInt64Array.from(values, BigInt), [1, values.length]);
parentPort.on('message', async ({ id, ids }) => {
  try {
    const session = await ready;
    const feeds = { input_ids: int64(ids), attention_mask: int64(ids.map(() => 1)) };
    if (session.inputNames.includes('token_type_ids')) feeds.token_type_ids = int64(ids.map(() => 0));
    const output = await session.run(feeds);
    const cls = Float32Array.from(output[session.outputNames[0]].data.subarray(0, workerData.dimensions));
    parentPort.postMessage({ id, vector: cls }, [cls.buffer]);
  } catch (err) {
    parentPort.postMessage({ id, error: String((err && err.stack) || err) });
  }
});`;

type Reply = { id: number; vector: Float32Array } | { id: number; error: string };

/** One tokenizer and one inference thread per model folder and process: loading takes ~0.4 s and ~120 MB. */
class ModelRunner {
  private readonly tokenizer: Tokenizer;
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (v: Float32Array) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor(private readonly dir: string) {
    const modelFile = join(dir, 'model.onnx');
    const tokenizerFile = join(dir, 'tokenizer.json');
    if (!existsSync(modelFile) || !existsSync(tokenizerFile)) {
      throw new Error(`the offline embedding model is not in ${dir}: run \`node scripts/fetch-embedding-model.mjs\` (npm install does)`);
    }
    this.tokenizer = new Tokenizer(JSON.parse(readFileSync(tokenizerFile, 'utf8')), {});
  }

  run(text: string): Promise<Float32Array> {
    const ids = this.tokenizer.encode(text, { add_special_tokens: true }).ids;
    // Keep [CLS] … [SEP] when cutting: the last id is the separator the model was trained to see.
    const input = ids.length > MAX_TOKENS ? [...ids.slice(0, MAX_TOKENS - 1), ids[ids.length - 1]!] : ids;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const worker = this.thread();
      // Held while an embedding is awaited (a CLI awaiting ingestion must not exit half way), released when idle.
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, ids: input });
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { runtime: require.resolve('onnxruntime-node'), modelFile: join(this.dir, 'model.onnx'), dimensions: EMBEDDING_DIMENSIONS },
    });
    worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (!waiting) return;
      if ('error' in reply) waiting.reject(new Error(`embedding failed: ${reply.error}`));
      else waiting.resolve(reply.vector);
    });
    const fail = (err: Error) => {
      this.worker = null;
      for (const waiting of this.pending.values()) waiting.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the embedding thread exited (code ${code})`)));
    // An idle model must not keep a finished process (a CLI, a test) alive. After the listeners, which ref it again.
    worker.unref();
    this.worker = worker;
    return worker;
  }
}

const runners = new Map<string, ModelRunner>();

function runnerFor(dir: string): ModelRunner {
  let runner = runners.get(dir);
  if (!runner) {
    runner = new ModelRunner(dir);
    runners.set(dir, runner);
  }
  return runner;
}

/**
 * The offline embedding: BAAI bge-small-en-v1.5, int8-quantised, run by ONNX Runtime on the CPU in a worker thread.
 * A sentence embedding, so "get my money back" lands near "refunds" without sharing a word; deterministic and needs
 * no network. CLS pooling and L2 normalisation as the model card prescribes; 384 dimensions (EMBEDDING_DIMENSIONS).
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
    const cls = await runnerFor(this.dir).run(text);
    const norm = Math.hypot(...cls) || 1;
    return Array.from(cls, (v) => Math.round((v / norm) * 1e6) / 1e6);
  }
}
