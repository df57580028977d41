import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '@cs/domain';
import { OpenAiEmbedder } from '../src';

/** A local server speaking the embeddings endpoint, so the real OpenAI SDK runs without the network. */
function fakeOpenAi(status: () => number): Promise<{ server: Server; baseURL: string; requests: Array<Record<string, unknown>> }> {
  const requests: Array<Record<string, unknown>> = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body) as { input: string[]; dimensions: number; model: string };
      requests.push(parsed);
      const code = status();
      res.writeHead(code, { 'content-type': 'application/json' });
      if (code !== 200) return res.end(JSON.stringify({ error: { message: 'nope', type: 'invalid_request_error' } }));
      const data = parsed.input.map((_t, index) => ({ object: 'embedding', index, embedding: Array.from({ length: parsed.dimensions }, (_v, i) => (i === index ? 1 : 0)) }));
      res.end(JSON.stringify({ object: 'list', data: data.reverse(), model: parsed.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, requests, baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` })));
}

describe('OpenAiEmbedder against a local fake server', () => {
  it('asks for 384 dimensions, batches, keeps input order and names the model', async () => {
    const fake = await fakeOpenAi(() => 200);
    try {
      const embedder = new OpenAiEmbedder({ apiKey: 'sk-test', baseURL: fake.baseURL, batchSize: 2 });
      const vectors = await embedder.embed(['a', 'b', 'c']);
      expect(vectors.map((v) => v.indexOf(1))).toEqual([0, 1, 0]);
      expect(fake.requests.map((r) => [r.model, r.dimensions, (r.input as string[]).length])).toEqual([['text-embedding-3-small', 384, 2], ['text-embedding-3-small', 384, 1]]);
      expect(embedder.model).toBe('text-embedding-3-small@384');
    } finally {
      fake.server.close();
    }
  });

  it('maps a 400 to a permanent error with a code', async () => {
    const fake = await fakeOpenAi(() => 400);
    try {
      const error = await new OpenAiEmbedder({ apiKey: 'sk-test', baseURL: fake.baseURL }).embed(['a']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'OPENAI_REJECTED', retriable: false });
    } finally {
      fake.server.close();
    }
  });
});
