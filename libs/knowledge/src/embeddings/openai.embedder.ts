import OpenAI from 'openai';
import { EMBEDDING_DIMENSIONS, type Embedder } from './embedder.port';
import { parseOpenAiError } from './parse-openai-error';

export interface OpenAiEmbedderOptions {
  apiKey: string;
  model?: string;
  /** For a proxy or a local fake server in tests. */
  baseURL?: string;
  batchSize?: number;
}

/** OpenAI embeddings, asked for EMBEDDING_DIMENSIONS so they fit the same vector column. */
export class OpenAiEmbedder implements Embedder {
  readonly model: string;
  private readonly client: OpenAI;
  private readonly apiModel: string;
  private readonly batchSize: number;

  constructor(options: OpenAiEmbedderOptions) {
    this.apiModel = options.model ?? 'text-embedding-3-small';
    this.model = `${this.apiModel}@${EMBEDDING_DIMENSIONS}`;
    this.batchSize = options.batchSize ?? 96;
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 2, timeout: 20_000 });
  }

  async embed(texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const batch = texts.slice(i, i + this.batchSize);
      try {
        const response = await this.client.embeddings.create({ model: this.apiModel, input: batch, dimensions: EMBEDDING_DIMENSIONS });
        const ordered = [...response.data].sort((a, b) => a.index - b.index);
        vectors.push(...ordered.map((d) => d.embedding));
      } catch (err) {
        throw parseOpenAiError(err, 'embeddings.create');
      }
    }
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embed([text]);
    return vector!;
  }
}
