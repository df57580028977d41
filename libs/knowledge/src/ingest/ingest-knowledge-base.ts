import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { SqlClient } from '@cs/ports';
import { chunkMarkdown, type KnowledgeChunk } from '../chunking/markdown-chunker';
import type { Embedder } from '../embeddings/embedder.port';
import { deleteSources, loadStoredSources, replaceSource } from '../store/knowledge.repository';

export interface KnowledgeDocument {
  /** File name without extension. */
  source: string;
  markdown: string;
}

export interface IngestReport {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  chunks: number;
  model: string;
}

/** Every `*.md` file of a folder, sorted by name. */
export async function readKnowledgeDir(dir: string): Promise<KnowledgeDocument[]> {
  const files = (await readdir(dir)).filter((f) => extname(f).toLowerCase() === '.md').sort();
  return Promise.all(files.map(async (f) => ({ source: basename(f, extname(f)), markdown: await readFile(join(dir, f), 'utf8') })));
}

/**
 * Makes the stored knowledge base equal to `documents`: new and changed articles are (re-)embedded and replaced,
 * unchanged ones (same chunk hashes, same embedding model) are skipped, articles no longer present are deleted.
 * Embedding runs before the write transaction, so a slow embedding API never holds it open.
 */
export async function ingestKnowledgeBase(deps: { db: SqlClient; embedder: Embedder }, documents: KnowledgeDocument[]): Promise<IngestReport> {
  const stored = await loadStoredSources(deps.db);
  const report: IngestReport = { added: [], updated: [], unchanged: [], removed: [], chunks: 0, model: deps.embedder.model };
  const changed: Array<{ source: string; chunks: KnowledgeChunk[]; vectors: number[][] }> = [];
  for (const doc of documents) {
    const chunks = chunkMarkdown(doc.source, doc.markdown);
    report.chunks += chunks.length;
    const previous = stored.get(doc.source);
    const same =
      previous !== undefined &&
      previous.models.size === 1 &&
      previous.models.has(deps.embedder.model) &&
      previous.hashes.join() === chunks.map((c) => c.contentHash).join();
    if (same) {
      report.unchanged.push(doc.source);
      continue;
    }
    (previous ? report.updated : report.added).push(doc.source);
    const vectors = chunks.length > 0 ? await deps.embedder.embed(chunks.map((c) => `${c.heading}\n${c.content}`)) : [];
    changed.push({ source: doc.source, chunks, vectors });
  }
  const present = new Set(documents.map((d) => d.source));
  report.removed = [...stored.keys()].filter((s) => !present.has(s)).sort();
  await deps.db.transaction(async (tx) => {
    for (const c of changed) await replaceSource(tx, c.source, c.chunks, c.vectors, deps.embedder.model);
    await deleteSources(tx, report.removed);
  });
  return report;
}
