import { EMBEDDING_DIMENSIONS } from './embedder.port';
import { embedLocally, LocalHashEmbedder } from './local-hash.embedder';

const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);

describe('LocalHashEmbedder', () => {
  it('is deterministic, 256-dimensional and L2-normalised', async () => {
    const embedder = new LocalHashEmbedder();
    const [a, b] = await embedder.embed(['Export a board to CSV', 'Export a board to CSV']);
    expect(a).toEqual(b);
    expect(a).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(Math.sqrt(cosine(a!, a!))).toBeCloseTo(1, 5);
    expect(embedder.model).toBe('local-hash-v1');
  });

  it('puts related texts closer than unrelated ones, typos included', () => {
    const doc = embedLocally('Exporting boards with CSV. Open the board and choose Export, then CSV.');
    expect(cosine(embedLocally('how do i exprot my bord to csv'), doc)).toBeGreaterThan(cosine(embedLocally('reset my two-factor authentication'), doc));
  });

  it('gives a text without topic words a valid unit vector', () => {
    const v = embedLocally('the and of');
    expect(Math.sqrt(cosine(v, v))).toBeCloseTo(1, 5);
  });
});
