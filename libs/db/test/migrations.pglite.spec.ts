import { createIsolatedTestDatabase, readMigrationFiles, SqlClientMisuseError, type IsolatedTestDatabase, migrate, MigrationError } from '../src';
import { schemaConformance } from './schema.conformance';
import { sqlClientConformance } from './sql-client.conformance';

// One in-memory PGlite for the whole file: creating one costs about a second.
let db: IsolatedTestDatabase;
beforeAll(async () => {
  db = await createIsolatedTestDatabase();
}, 60_000);
afterAll(() => db?.close());

describe('PGlite', () => {
  it('applied every migration on PostgreSQL 18 (WASM) with pgvector', async () => {
    expect(db.kind).toBe('pglite');
    expect(db.migration?.applied.map((m) => m.version)).toEqual(readMigrationFiles().map((f) => f.version));
    const { rows } = await db.query<{ v: string }>("SELECT extversion AS v FROM pg_extension WHERE extname = 'vector'");
    expect(rows[0]?.v).toMatch(/^0\.8\./);
  });

  describe('schema', () => schemaConformance(() => db));
  describe('sql client', () => sqlClientConformance(() => db));

  describe('single-connection rules', () => {
    it('fails fast instead of deadlocking when work calls the client instead of its tx', async () => {
      await expect(db.transaction(() => db.query('SELECT 1'))).rejects.toBeInstanceOf(SqlClientMisuseError);
      await expect(db.transaction(() => db.transaction(async () => 1))).rejects.toBeInstanceOf(SqlClientMisuseError);
      await expect(db.session(() => db.query('SELECT 1'))).rejects.toBeInstanceOf(SqlClientMisuseError);
      // Work started inside a transaction but run after it ended is fine.
      let later: Promise<unknown> = Promise.resolve();
      await db.transaction(async () => {
        later = new Promise((resolve) => setTimeout(resolve, 5)).then(() => db.query('SELECT 1'));
      });
      await expect(later).resolves.toMatchObject({ rowCount: 1 });
    });

    it('keeps top-level statements out of an open transaction', async () => {
      await db.exec('CREATE TABLE single_conn (v int)');
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const tx = db.transaction(async (t) => {
        await t.query('INSERT INTO single_conn VALUES (1)');
        await gate;
        throw new Error('roll back');
      });
      const outside = db.query('INSERT INTO single_conn VALUES (2)');
      release();
      await expect(tx).rejects.toThrow('roll back');
      await outside;
      // Had the outside insert run inside the transaction, the rollback would have taken it too.
      expect((await db.query<{ v: number }>('SELECT v FROM single_conn')).rows).toEqual([{ v: 2 }]);
    });

    it('refuses to run when an applied migration was edited', async () => {
      const files = readMigrationFiles().map((f, i) => (i === 1 ? { ...f, checksum: 'edited' } : f));
      await expect(migrate(db, { files })).rejects.toMatchObject({ code: 'MIGRATION_CHECKSUM_MISMATCH' });
      await expect(migrate(db, { files })).rejects.toBeInstanceOf(MigrationError);
    });

    it('rolls back a failing migration file as a whole', async () => {
      const bad = { version: 9001, name: 'broken', filename: '9001_broken.sql', sql: 'CREATE TABLE half_done (id int); SELECT nope;', checksum: 'c' };
      await expect(migrate(db, { files: [...readMigrationFiles(), bad] })).rejects.toMatchObject({ code: 'MIGRATION_FAILED' });
      expect((await db.query("SELECT to_regclass('half_done') AS t")).rows[0]).toEqual({ t: null });
      expect((await db.query('SELECT 1 FROM schema_migrations WHERE version = 9001')).rowCount).toBe(0);
    });
  });
});
