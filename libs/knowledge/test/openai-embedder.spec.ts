import { AppError } from '@cs/domain';
import { FakeOpenAiServer } from '@cs/testing';
import { OpenAiEmbedder } from '../src';

describe('OpenAiEmbedder against a local server speaking the embeddings API', () => {
  let openai: FakeOpenAiServer;
  beforeAll(async () => {
    openai = await new FakeOpenAiServer().start();
  });
  afterAll(() => openai.stop());
  beforeEach(() => {
    openai.embeddingRequests.length = 0;
  });

  it('asks for 384 dimensions, batches, keeps input order (the API may not) and names the model', async () => {
    const embedder = new OpenAiEmbedder({ apiKey: openai.apiKey, baseURL: openai.baseURL, batchSize: 2 });
    const [archive, board, archiveAgain] = await embedder.embed(['archive a card', 'invite a board member', 'archive a card']);
    expect(archive).toHaveLength(384);
    expect(archiveAgain).toEqual(archive);
    expect(board).not.toEqual(archive);
    expect(openai.embeddingRequests.map((r) => [r.model, r.dimensions, r.input.length])).toEqual([['text-embedding-3-small', 384, 2], ['text-embedding-3-small', 384, 1]]);
    expect(embedder.model).toBe('text-embedding-3-small@384');
  });

  it('maps a 400 to a permanent error with a code, and a wrong key to OPENAI_UNAUTHORIZED', async () => {
    openai.failNext(400);
    const rejected = await new OpenAiEmbedder({ apiKey: openai.apiKey, baseURL: openai.baseURL }).embed(['a']).catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(AppError);
    expect(rejected).toMatchObject({ code: 'OPENAI_REJECTED', retriable: false });
    const unauthorized = await new OpenAiEmbedder({ apiKey: 'sk-wrong', baseURL: openai.baseURL }).embed(['a']).catch((e: unknown) => e);
    expect(unauthorized).toMatchObject({ code: 'OPENAI_UNAUTHORIZED', retriable: false });
  });
});
