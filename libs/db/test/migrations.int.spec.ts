import { describeWithInfra, testDatabaseUrl } from '@cs/testing';
import { claimOutboxBatch, enqueueOutbox, markProcessed } from '@cs/core';
import {
  createIsolatedTestDatabase,
  createSqlClient,
  migrate,
  readMigrationFiles,
  type IsolatedTestDatabase,
  type SqlClient,
} from '../src';
import { schemaConformance } from './schema.conformance';
import { sqlClientConformance } from './sql-client.conformance';

describeWithInfra(['postgres'], 'PostgreSQL migrations and repositories', () => {
  const url = () => testDatabaseUrl()!;
  // Every test file gets its own schema (t_<random>), dropped again in afterAll.
  let db: IsolatedTestDatabase;
  beforeAll(async () => {
    db = await createIsolatedTestDatabase({ url: url(), poolMax: 12 });
  });
  afterAll(() => db?.close());

  it('migrated into its own schema as the non-superuser role, with pgvector 0.8', async () => {
    expect(db.kind).toBe('postgres');
    expect(db.migration?.applied).toHaveLength(readMigrationFiles().length);
    const { rows } = await db.query<{ schema: string; superuser: string; v: string }>(
      "SELECT current_schema() AS schema, current_setting('is_superuser') AS superuser, (SELECT extversion FROM pg_extension WHERE extname = 'vector') AS v",
    );
    expect(rows[0]).toEqual({ schema: db.schema, superuser: 'off', v: expect.stringMatching(/^0\.8\./) });
    // The extension exists (created by a superuser), so this is a no-op the app role may run.
    await expect(db.exec('CREATE EXTENSION IF NOT EXISTS vector')).resolves.toBeUndefined();
  });

  describe('schema', () => schemaConformance(() => db));
  describe('sql client', () => sqlClientConformance(() => db));

  it('applies each version exactly once when four migrators race', async () => {
    const fresh = await createIsolatedTestDatabase({ url: url(), migrate: false });
    const clients = await Promise.all(
      Array.from({ length: 4 }, () => createSqlClient({ url: url(), poolMax: 2, searchPath: [fresh.schema!, 'public'] })),
    );
    try {
      const results = await Promise.all(clients.map((c) => migrate(c)));
      const versions = results.flatMap((r) => r.applied.map((a) => a.version)).sort((a, b) => a - b);
      expect(versions).toEqual(readMigrationFiles().map((f) => f.version));
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      const { rows } = await fresh.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
      expect(Number(rows[0]!.n)).toBe(versions.length);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
      await fresh.close();
    }
  });

  it('markProcessed: ten concurrent transactions on ten connections, one winner', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        db.transaction(async (tx) => {
          const first = await markProcessed(tx, 'race', 'whatsapp:SM1');
          // Hold the transaction open a little so the others really contend for the row.
          await tx.query('SELECT pg_sleep(0.02)');
          return first;
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('outbox: a claim skips rows another relay holds, without waiting for it', async () => {
    await db.exec('DELETE FROM outbox');
    await db.transaction(async (tx) => {
      for (let i = 0; i < 20; i++) await enqueueOutbox(tx, { topic: 't', key: `k${i}`, payload: `{"i":${i}}` });
    });
    let other: SqlClient | undefined;
    try {
      other = await createSqlClient({ url: url(), poolMax: 1, searchPath: [db.schema!, 'public'] });
      const relayB = other;
      const [a, b] = await db.transaction(async (tx) => {
        const mine = await claimOutboxBatch(tx, { limit: 8 });
        // relay A's claim is uncommitted and its rows locked; relay B must skip them, not block on them.
        await relayB.query("SET statement_timeout = '2s'");
        const theirs = await claimOutboxBatch(relayB, { limit: 8 });
        return [mine, theirs];
      });
      expect(a).toHaveLength(8);
      expect(b).toHaveLength(8);
      expect(a.map((r) => r.id).filter((id) => b.some((r) => r.id === id))).toEqual([]);
      // Four relays draining the rest concurrently never share a row.
      const drained = await Promise.all(Array.from({ length: 4 }, () => claimOutboxBatch(db, { limit: 3 })));
      const ids = drained.flat().map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(4);
    } finally {
      await other?.close();
    }
  });
});
