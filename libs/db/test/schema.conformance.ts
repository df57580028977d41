import { claimOutboxBatch, enqueueOutbox, markOutboxPublished, markProcessed, recordOutboxFailure } from '@cs/core';
import {
  migrate,
  parseDbError,
  readMigrationFiles,
  toVectorLiteral,
  type SqlClient,
} from '../src';

export const EXPECTED_TABLES = [
  'agent_metrics', 'channel_configs', 'conversations', 'customer_identifiers', 'customers', 'dead_letters', 'deliveries',
  'knowledge_base', 'message_traces', 'messages', 'outbox', 'processed_events', 'schema_migrations', 'tickets',
];

/** The column's size (migration 0012). */
const DIMENSIONS = 384;

/** Mostly along `axis`, tilted towards `axis + 1`: vectors on the same axis are close, others orthogonal. */
function embedding(axis: number, tilt = 0.2): string {
  const v = new Array<number>(DIMENSIONS).fill(0);
  v[axis] = 1;
  v[(axis + 1) % DIMENSIONS] = tilt;
  return toVectorLiteral(v);
}

/** The migrated schema and the repositories, on whichever database `getClient` returns (already migrated). */
export function schemaConformance(getClient: () => SqlClient): void {
  const db = () => getClient();

  it('creates every table in the current schema and a second migrate is a no-op', async () => {
    const { rows } = await db().query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    expect(rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
    const again = await migrate(db());
    expect(again).toEqual({ applied: [], alreadyApplied: readMigrationFiles().length, unknownVersions: [] });
  });

  it('has the HNSW and GIN indexes and seeded the channels', async () => {
    const { rows } = await db().query<{ indexname: string; indexdef: string }>(
      "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'knowledge_base'",
    );
    expect(rows.find((r) => r.indexname === 'knowledge_base_embedding_hnsw_idx')?.indexdef).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    expect(rows.find((r) => r.indexname === 'knowledge_base_tsv_idx')?.indexdef).toMatch(/USING gin \(tsv\)/);
    const channels = await db().query<{ channel: string }>('SELECT channel FROM channel_configs ORDER BY channel');
    expect(channels.rows.map((r) => r.channel)).toEqual(['email', 'web_form', 'whatsapp']);
  });

  it('finds nearest chunks by cosine distance, through the HNSW index', async () => {
    const chunks = [
      ['refunds.md', 'Refunds', 'Refunds are issued to the original payment method within 5 business days.', 10],
      ['login.md', 'Password reset', 'Reset a forgotten password from the sign-in page.', 50],
      ['export.md', 'Exporting data', 'Export your projects as CSV from the settings page.', 90],
    ] as const;
    for (const [i, [source, heading, content, axis]] of chunks.entries()) {
      await db().query(
        `INSERT INTO knowledge_base (source, heading, chunk_index, content, content_hash, embedding, embedding_model)
         VALUES ($1, $2, $3, $4, md5($4), $5::vector, 'test-axis')`,
        [source, heading, i, content, embedding(axis)],
      );
    }
    const near = await db().query<{ source: string; distance: number }>(
      'SELECT source, embedding <=> $1::vector AS distance FROM knowledge_base ORDER BY embedding <=> $1::vector LIMIT 2',
      [embedding(50, 0.3)],
    );
    expect(near.rows[0]!.source).toBe('login.md');
    expect(near.rows[0]!.distance).toBeLessThan(0.01);
    expect(near.rows[1]!.distance).toBeCloseTo(1, 5);
    const plan = await db().transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const { rows } = await tx.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM knowledge_base ORDER BY embedding <=> '${embedding(50, 0.3)}'::vector LIMIT 2`,
      );
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('knowledge_base_embedding_hnsw_idx');
  });

  it('searches the generated tsvector with English stemming', async () => {
    const { rows } = await db().query<{ source: string }>(
      `SELECT source FROM knowledge_base WHERE tsv @@ websearch_to_tsquery('english', $1)
       ORDER BY ts_rank(tsv, websearch_to_tsquery('english', $1)) DESC`,
      ['refund payments'],
    );
    expect(rows.map((r) => r.source)).toEqual(['refunds.md']);
  });

  it('enforces normalized identifiers, enum checks and web-only unlinked tickets', async () => {
    const { rows } = await db().query<{ id: string }>("INSERT INTO customers (display_name) VALUES ('Ada') RETURNING id");
    const customerId = rows[0]!.id;
    const insertIdentifier = (type: string, value: string) =>
      db().query('INSERT INTO customer_identifiers (customer_id, type, value) VALUES ($1, $2, $3)', [customerId, type, value]);
    await insertIdentifier('email', 'ada@example.com');
    await insertIdentifier('phone', '+14155550123');
    for (const [type, value] of [['email', 'Ada@Example.com'], ['phone', '4155550123'], ['fax', '123']]) {
      expect(parseDbError(await insertIdentifier(type!, value!).catch((e: unknown) => e)).code).toBe('DB_CONSTRAINT_23514');
    }
    expect(parseDbError(await insertIdentifier('email', 'ada@example.com').catch((e: unknown) => e)).code).toBe('DB_CONSTRAINT_23505');
    await db().query("INSERT INTO tickets (number, channel, subject) VALUES ('TKT-8F3K2Q', 'web_form', 'Hi')");
    const unlinked = await db().query("INSERT INTO tickets (number, channel) VALUES ('TKT-8F3K2R', 'email')").catch((e: unknown) => e);
    expect(parseDbError(unlinked).code).toBe('DB_CONSTRAINT_23514');
    const badNumber = await db().query("INSERT INTO tickets (number, channel) VALUES ('TKT-8F3K2O', 'web_form')").catch((e: unknown) => e);
    expect(parseDbError(badNumber).code).toBe('DB_CONSTRAINT_23514');
  });

  it('markProcessed: exactly one of ten concurrent transactions wins', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => db().transaction((tx) => markProcessed(tx, 'message-processor', 'email:m-1'))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db().transaction((tx) => markProcessed(tx, 'egress-email', 'email:m-1'))).toBe(true);
    // A rolled-back first attempt leaves the event unprocessed.
    await db().transaction(async (tx) => {
      expect(await markProcessed(tx, 'message-processor', 'email:m-2')).toBe(true);
      throw new Error('handler failed');
    }).catch(() => undefined);
    expect(await db().transaction((tx) => markProcessed(tx, 'message-processor', 'email:m-2'))).toBe(true);
  });

  it('outbox: enqueue once per event, claim in order under a lease, publish or back off', async () => {
    const ids = await db().transaction(async (tx) => {
      const out: Array<string | null> = [];
      for (const n of [1, 2, 3]) out.push(await enqueueOutbox(tx, { topic: 'cs.inbound.v1', key: 'k', payload: Buffer.from(`{"n":${n}}`), headers: { 'x-n': String(n) }, eventId: `web:${n}` }));
      out.push(await enqueueOutbox(tx, { topic: 'cs.inbound.v1', key: 'k', payload: '{"n":1}', eventId: 'web:1' }));
      return out;
    });
    expect(ids[3]).toBeNull();
    const first = await claimOutboxBatch(db(), { limit: 2, leaseMs: 60_000 });
    expect(first.map((r) => r.id)).toEqual([ids[0], ids[1]]);
    expect(first[0]).toMatchObject({ topic: 'cs.inbound.v1', key: 'k', payload: '{"n":1}', headers: { 'x-n': '1' }, attempts: 1 });
    const second = await claimOutboxBatch(db(), { limit: 10, leaseMs: 60_000 });
    expect(second.map((r) => r.id)).toEqual([ids[2]]);
    expect(await markOutboxPublished(db(), [ids[0]!, ids[1]!])).toBe(2);
    await recordOutboxFailure(db(), ids[2]!, 'broker down', 60_000);
    expect(await claimOutboxBatch(db(), { limit: 10 })).toEqual([]);
    await recordOutboxFailure(db(), ids[2]!, 'broker down', 0);
    const retried = await claimOutboxBatch(db(), { limit: 10 });
    expect(retried.map((r) => [r.id, r.attempts])).toEqual([[ids[2], 2]]);
    const { rows } = await db().query<{ last_error: string }>('SELECT last_error FROM outbox WHERE id = $1', [ids[2]]);
    expect(rows[0]!.last_error).toBe('broker down');
  });
}
