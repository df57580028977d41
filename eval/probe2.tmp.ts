import { createSqlClient, migrate } from '@cs/db';
import { ingestKnowledgeBase, KnowledgeSearch, LocalHashEmbedder, readKnowledgeDir } from '@cs/knowledge';
import { extractCustomerText, extractQuestionFocus } from '@cs/domain';
import { loadCases } from './eval-case.schema';

async function main() {
  const db = await createSqlClient({ pglite: {} });
  await migrate(db);
  const embedder = new LocalHashEmbedder();
  await ingestKnowledgeBase({ db, embedder }, await readKnowledgeDir(process.argv[2]!));
  const w = process.argv[4] ? JSON.parse(process.argv[4]) : undefined;
  const search = new KnowledgeSearch({ db, embedder, weights: w });
  const cases = await loadCases(process.argv[3]!);
  const pos: number[] = []; const neg: number[] = []; let top1 = 0; let n = 0;
  for (const c of cases) {
    if (c.expect.action === 'escalate' && c.expect.reason !== 'no_kb_match') continue;
    const own = extractCustomerText(c.body);
    const q = extractQuestionFocus(`${c.subject ?? ''}\n${own}`);
    const hits = await search.search(q, 5);
    const best = hits[0]?.score ?? 0;
    if (c.expect.article) { n++; const ok = hits[0]?.source === c.expect.article; if (ok) top1++; pos.push(best); console.log(`${ok ? 'ok ' : 'BAD'} ${best.toFixed(3)} ${c.id} -> ${hits[0]?.source}`); }
    else { neg.push(best); console.log(`NEG ${best.toFixed(3)} ${c.id} -> ${hits[0]?.source} ${hits[0]?.heading}`); }
  }
  pos.sort(); neg.sort();
  console.log(`top1 ${top1}/${n}; pos min..: ${pos.slice(0, 8).map((x) => x.toFixed(3)).join(' ')}; neg max..: ${neg.slice(-6).map((x) => x.toFixed(3)).join(' ')}`);
  await db.close();
}
void main();
