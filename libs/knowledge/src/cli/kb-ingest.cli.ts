import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSqlClient, migrate } from '@cs/db';
import { createEmbedder } from '../embeddings/create-embedder';
import { ingestKnowledgeBase, readKnowledgeDir } from '../ingest/ingest-knowledge-base';

/**
 * `npm run kb:ingest -- --dir <folder>`: makes the knowledge base equal to the folder's markdown articles.
 * DATABASE_URL selects PostgreSQL; without it the embedded PGlite database under DATA_DIR (default .data) is used.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { dir: { type: 'string', default: 'knowledge-base' } } });
  const dir = resolve(values.dir!);
  const dataDir = resolve(process.env.DATA_DIR ?? '.data', 'pglite');
  if (!process.env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
  const db = process.env.DATABASE_URL
    ? await createSqlClient({ url: process.env.DATABASE_URL, poolMax: 2, applicationName: 'cs-kb-ingest' })
    : await createSqlClient({ pglite: { dataDir } });
  try {
    await migrate(db);
    const embedder = createEmbedder(process.env);
    const report = await ingestKnowledgeBase({ db, embedder }, await readKnowledgeDir(dir));
    process.stdout.write(
      `knowledge base from ${dir} (${report.model}): ${report.added.length} added, ${report.updated.length} updated, ` +
        `${report.unchanged.length} unchanged, ${report.removed.length} removed; ${report.chunks} chunks\n`,
    );
    for (const [label, list] of Object.entries({ added: report.added, updated: report.updated, removed: report.removed })) {
      if (list.length > 0) process.stdout.write(`  ${label}: ${list.join(', ')}\n`);
    }
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`kb:ingest failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
