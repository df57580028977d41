import type { SqlClient } from '@cs/ports';
import { ArticleRanker, ingestKnowledgeBase, KnowledgeSearch, OnnxEmbedder, type KnowledgeDocument, type KnowledgeHit } from '../src';

export const SAMPLE_DOCS: KnowledgeDocument[] = [
  { source: 'csv-export', markdown: '# Exporting boards\n\n## Export a board to CSV\n\nOpen the board, select Board menu > Export and choose CSV. The file has one row per card.' },
  { source: 'two-factor', markdown: '# Account security\n\n## Turn on two-factor authentication\n\nOpen Profile > Security and scan the QR code with an authenticator app.' },
  { source: 'slack', markdown: '# Slack integration\n\n## Connect Slack\n\nA workspace admin opens Integrations > Slack and selects Connect.' },
];

/** The same hybrid-search and ingestion behaviour on PGlite and on PostgreSQL with pgvector. */
export function hybridSearchConformance(open: () => Promise<SqlClient>): void {
  let db: SqlClient;
  const embedder = new OnnxEmbedder();

  beforeAll(async () => {
    db = await open();
    await ingestKnowledgeBase({ db, embedder }, SAMPLE_DOCS);
  });
  afterAll(async () => db.close());

  it('ranks the right chunk first and returns source, heading, chunk id and score', async () => {
    const hits = await new KnowledgeSearch({ db, embedder }).search('how do I export my board to csv', 3);
    expect(hits[0]).toMatchObject({ source: 'csv-export', heading: 'Exporting boards › Export a board to CSV' });
    expect(hits[0]!.chunkId).toMatch(/^[0-9a-f-]{36}$/);
    expect(hits[0]!.score).toBeGreaterThan(0.5);
    expect(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score)).toBe(true);
    // The parts of the fused score, each a share or similarity in [0, 1]; the heading's lexemes come precomputed.
    expect(hits[0]!.parts).toMatchObject({ coverage: 1, heading: 1 });
    for (const part of Object.values(hits[0]!.parts)) expect(part).toBeGreaterThanOrEqual(0);
    // The right article stands out from the others by cosine; the others' own margin is negative.
    expect(hits[0]!.parts.distinct).toBeGreaterThan(0);
    const others = hits.filter((h) => h.source !== 'csv-export');
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((h) => h.parts.distinct < 0)).toBe(true);
    const stored = await db.query<{ heading_lexemes: string[] | string }>("SELECT heading_lexemes FROM knowledge_base WHERE source = 'csv-export' ORDER BY chunk_index DESC LIMIT 1");
    expect(String(stored.rows[0]!.heading_lexemes)).toMatch(/export/);
  });

  it('hands the fused hits and the query embedding to the article ranker, and returns its order cut to the limit', async () => {
    const seen: { vector: number; hits: string[] }[] = [];
    const ranker = {
      rank: async (vector: readonly number[], hits: readonly KnowledgeHit[]) => {
        seen.push({ vector: vector.length, hits: hits.map((h) => h.source) });
        return [...hits].reverse();
      },
    };
    const fused = await new KnowledgeSearch({ db, embedder }).search('how do I export my board to csv', 10);
    const ranked = await new KnowledgeSearch({ db, embedder, ranker }).search('how do I export my board to csv', 2);
    expect(seen).toEqual([{ vector: 384, hits: fused.map((h) => h.source) }]);
    expect(ranked.map((h) => h.chunkId)).toEqual([...fused].reverse().slice(0, 2).map((h) => h.chunkId));
    // The real ranker on the real search: the right article stays first, scores as fused.
    const real = await new KnowledgeSearch({ db, embedder, ranker: new ArticleRanker(embedder) }).search('how do I export my board to csv', 3);
    expect(real[0]).toMatchObject({ source: 'csv-export', score: fused[0]!.score });
  });

  it('tells which words name a section of the knowledge base, stemmed like full-text search', async () => {
    const search = new KnowledgeSearch({ db, embedder });
    expect((await search.headingTerms(['exports', 'admin', 'refund', 'the', 'authentication'])).sort()).toEqual(['authentication', 'exports']);
    expect(await search.headingTerms([])).toEqual([]);
  });

  it('names the words it never uses, but not everyday English, chat filler or shorthand for words it knows', async () => {
    const search = new KnowledgeSearch({ db, embedder });
    const words = ['QuickBooks', 'exports', 'board', 'want', 'yesterday', 'thru', 'lol', 'cant', 'bug', 'msg', 'qty', 'xero'];
    expect((await search.unknownTerms(words)).sort()).toEqual(['qty', 'quickbooks', 'xero']);
    expect(await search.unknownTerms([])).toEqual([]);
  });

  it('finds through typos and synonyms, and scores unknown topics low', async () => {
    const search = new KnowledgeSearch({ db, embedder });
    expect((await search.search('enable 2fa authenticator', 1))[0]?.source).toBe('two-factor');
    expect((await search.search('exprot to spreadsheet', 1))[0]?.source).toBe('csv-export');
    // Everyday words the knowledge base never uses do not sink a question it answers.
    const chatty = await search.search('hey i still want to get my whole board out as a csv, is that possible somehow', 1);
    expect(chatty[0]).toMatchObject({ source: 'csv-export' });
    expect(chatty[0]!.score).toBeGreaterThan(0.5);
    // A topic no article covers: related vocabulary (sync, integrations) gives it some similarity, never half as much.
    const unknown = await search.search('salesforce opportunities sync', 1);
    expect(unknown[0]?.score ?? 0).toBeLessThan(chatty[0]!.score / 2);
  });

  it("marks an article's opening before its first section as its overview, and nothing of an article without sections", async () => {
    const extra: KnowledgeDocument[] = [
      {
        source: 'guest-portal',
        markdown: '# Guest portal\n\nThe guest portal lets your guests see their bookings online.\n\n## Turning the portal on\n\nOpen Settings > Portal and switch on Guest portal.',
      },
      { source: 'shortcuts', markdown: '# Keyboard shortcuts\n\nPress the question mark key on any board to see every keyboard shortcut.' },
    ];
    await ingestKnowledgeBase({ db, embedder }, [...SAMPLE_DOCS, ...extra]);
    try {
      const search = new KnowledgeSearch({ db, embedder, statsTtlMs: 0 });
      const portal = await search.search('guest portal bookings settings', 10);
      const byHeading = new Map(portal.filter((h) => h.source === 'guest-portal').map((h) => [h.heading, h.overview]));
      expect(Object.fromEntries(byHeading)).toEqual({ 'Guest portal': true, 'Guest portal › Turning the portal on': false });
      const shortcuts = await search.search('keyboard shortcuts question mark', 3);
      expect(shortcuts.find((h) => h.source === 'shortcuts')).toMatchObject({ heading: 'Keyboard shortcuts', overview: false });
      expect(shortcuts.find((h) => h.source === 'csv-export')?.overview ?? false).toBe(false);
    } finally {
      await ingestKnowledgeBase({ db, embedder }, SAMPLE_DOCS);
    }
  });

  it('breaks ties between equal scores by article and position, the same at every ingestion', async () => {
    const twin = '# Exporting reports\n\n## Export a report\n\nOpen Reports, choose a report and select Export as PDF.';
    const twins: KnowledgeDocument[] = [
      { source: 'zz-report-export', markdown: twin },
      { source: 'aa-report-export', markdown: twin },
    ];
    try {
      // Chunk ids are fresh at each ingestion; the order must not follow them.
      for (let round = 0; round < 3; round++) {
        await ingestKnowledgeBase({ db, embedder }, SAMPLE_DOCS);
        await ingestKnowledgeBase({ db, embedder }, [...SAMPLE_DOCS, ...twins]);
        const hits = await new KnowledgeSearch({ db, embedder, statsTtlMs: 0 }).search('export a report as pdf', 2);
        expect(hits.map((h) => h.source)).toEqual(['aa-report-export', 'zz-report-export']);
        expect(hits[0]!.score).toBe(hits[1]!.score);
      }
    } finally {
      await ingestKnowledgeBase({ db, embedder }, SAMPLE_DOCS);
    }
  });

  it('re-ingestion skips unchanged articles, replaces changed ones and deletes removed ones', async () => {
    const changed = [{ ...SAMPLE_DOCS[0]!, markdown: `${SAMPLE_DOCS[0]!.markdown}\n\n## Import\n\nUpload a CSV file to import cards.` }, SAMPLE_DOCS[1]!];
    const report = await ingestKnowledgeBase({ db, embedder }, changed);
    expect(report).toMatchObject({ added: [], updated: ['csv-export'], unchanged: ['two-factor'], removed: ['slack'] });
    const rows = await db.query<{ source: string; n: string | number; model: string }>(
      'SELECT source, count(*) AS n, min(embedding_model) AS model FROM knowledge_base GROUP BY source ORDER BY source',
    );
    expect(rows.rows.map((r) => [r.source, Number(r.n), r.model])).toEqual([['csv-export', 2, embedder.model], ['two-factor', 1, embedder.model]]);
    const again = await ingestKnowledgeBase({ db, embedder }, changed);
    expect(again.unchanged).toEqual(['csv-export', 'two-factor']);
    const hits = await new KnowledgeSearch({ db, embedder, statsTtlMs: 0 }).search('connect slack', 3);
    expect(hits.some((h) => h.source === 'slack')).toBe(false);
  });
}
