import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMBEDDING_DIMENSIONS } from './embedder.port';
import { OnnxEmbedder } from './onnx.embedder';

const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);

describe('OnnxEmbedder (bge-small-en-v1.5, offline)', () => {
  const embedder = new OnnxEmbedder();

  it('returns unit vectors of the column size, the same for the same text', async () => {
    const [a, b] = await embedder.embed(['Export a board to CSV', 'Export a board to CSV']);
    expect(a).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 4);
    expect(b).toEqual(a);
    expect(await embedder.embedQuery('export')).toEqual(await embedder.embedQuery('export'));
  });

  it('places a paraphrase near its passage and an unrelated passage far, without shared words', async () => {
    const [refunds, twoFactor] = await embedder.embed([
      'Refunding an order: open the order, choose Refund and pick the items; the money goes back to the card.',
      'Turn on two-factor authentication: open Profile > Security and scan the QR code with an authenticator app.',
    ]);
    const query = await embedder.embedQuery('a shopper wants their cash returned for a purchase');
    expect(cosine(query, refunds!)).toBeGreaterThan(cosine(query, twoFactor!) + 0.1);
  });

  it('embeds a text longer than the model takes (512 tokens) from its beginning', async () => {
    const long = `Exporting boards to CSV. ${'Every card becomes one row with its title, list and due date. '.repeat(80)}`;
    const [vector] = await embedder.embed([long]);
    const [start] = await embedder.embed([long.slice(0, 1500)]);
    expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(cosine(vector!, start!)).toBeGreaterThan(0.95);
  });

  it('names the missing files and how to fetch them', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'no-model-'));
    await expect(new OnnxEmbedder(empty).embedQuery('hello')).rejects.toThrow(/not in .*no-model-.*fetch-embedding-model/);
  });
});
