import { createSqlClient, migrate } from '@cs/db';
import { ingestKnowledgeBase, KnowledgeSearch, LocalHashEmbedder, readKnowledgeDir } from '@cs/knowledge';
import { extractCustomerText, extractQuestionFocus } from '@cs/domain';
import { loadCases } from './eval-case.schema';

async function main() {
  const db = await createSqlClient({ pglite: {} });
  await migrate(db);
  const embedder = new LocalHashEmbedder();
  await ingestKnowledgeBase({ db, embedder }, await readKnowledgeDir(process.argv[2]!));
  const search = new KnowledgeSearch({ db, embedder });
  const cases = await loadCases(process.argv[3]!);
  const ids = process.argv.slice(4);
  for (const c of cases.filter((x) => ids.length === 0 || ids.includes(x.id))) {
    const own = extractCustomerText(c.body);
    const q = extractQuestionFocus(`${c.subject ?? ''}\n${own}`);
    const hits = await search.search(q, 3);
    console.log(`${c.id} [${c.expect.article ?? c.expect.reason}] q="${q.slice(0, 100)}"`);
    for (const h of hits) console.log(`   ${h.score.toFixed(3)} v=${h.vectorScore.toFixed(3)} t=${h.textScore.toFixed(3)} ${h.source} :: ${h.heading}`);
  }
  await db.close();
}
void main();
