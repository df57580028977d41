import { parseDbError, SqlClientMisuseError, type Queryable, type SqlClient, type SqlSession } from '../src';

/** Behaviour both adapters must share; each adapter's spec calls this with its client. */
export function sqlClientConformance(getClient: () => SqlClient): void {
  const db = () => getClient();

  beforeAll(async () => {
    await db().exec(`
      CREATE TABLE conformance_items (id bigserial PRIMARY KEY, name text UNIQUE NOT NULL, doc jsonb, amount numeric, at timestamptz DEFAULT now());
      CREATE TABLE conformance_counter (id int PRIMARY KEY, n int NOT NULL);
      INSERT INTO conformance_counter VALUES (1, 0);`);
  });

  it('returns rows and rowCount with the same value shapes', async () => {
    const inserted = await db().query<{ id: string; doc: unknown; amount: string; at: Date }>(
      'INSERT INTO conformance_items (name, doc, amount) VALUES ($1, $2::jsonb, $3) RETURNING id, doc, amount, at',
      ['a', JSON.stringify({ k: [1, 2] }), '12.50'],
    );
    expect(inserted.rowCount).toBe(1);
    const row = inserted.rows[0]!;
    expect(typeof row.id).toBe('string');
    expect(row.doc).toEqual({ k: [1, 2] });
    expect(row.amount).toBe('12.50');
    expect(row.at).toBeInstanceOf(Date);
    const counted = await db().query<{ n: string }>('SELECT count(*) AS n FROM conformance_items');
    expect(counted.rows[0]!.n).toBe('1');
    expect((await db().query('UPDATE conformance_items SET amount = 1 WHERE name = $1', ['none'])).rowCount).toBe(0);
  });

  it('commits a transaction and rolls it back when the work throws', async () => {
    await db().transaction((tx) => tx.query("INSERT INTO conformance_items (name) VALUES ('committed')"));
    const boom = new Error('boom');
    await expect(
      db().transaction(async (tx) => {
        await tx.query("INSERT INTO conformance_items (name) VALUES ('rolled-back')");
        throw boom;
      }),
    ).rejects.toBe(boom);
    const names = (await db().query<{ name: string }>('SELECT name FROM conformance_items ORDER BY id')).rows.map((r) => r.name);
    expect(names).toContain('committed');
    expect(names).not.toContain('rolled-back');
  });

  it('surfaces a constraint violation with its SQLSTATE and stays usable', async () => {
    const err = await db()
      .transaction((tx) => tx.query("INSERT INTO conformance_items (name) VALUES ('committed')"))
      .catch((e: unknown) => e);
    expect(parseDbError(err)).toMatchObject({ code: 'DB_CONSTRAINT_23505', retriable: false });
    expect((await db().query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('serializes concurrent read-modify-write transactions without losing updates', async () => {
    const increment = (tx: Queryable) =>
      tx
        .query<{ n: number }>('SELECT n FROM conformance_counter WHERE id = 1 FOR UPDATE')
        .then(({ rows }) => tx.query('UPDATE conformance_counter SET n = $1 WHERE id = 1', [rows[0]!.n + 1]));
    await Promise.all(Array.from({ length: 10 }, () => db().transaction(increment)));
    expect((await db().query<{ n: number }>('SELECT n FROM conformance_counter')).rows[0]!.n).toBe(10);
  });

  it('refuses transaction and session handles used after they ended', async () => {
    let leaked: Queryable | undefined;
    await db().transaction(async (tx) => {
      leaked = tx;
    });
    await expect(leaked!.query('SELECT 1')).rejects.toThrow();
    let leakedSession: SqlSession | undefined;
    await db().session(async (session) => {
      leakedSession = session;
    });
    await expect(leakedSession!.query('SELECT 1')).rejects.toBeInstanceOf(SqlClientMisuseError);
    await expect(leakedSession!.transaction(async () => 1)).rejects.toBeInstanceOf(SqlClientMisuseError);
  });

  it('runs a session on one connection, with transactions that cannot be bypassed', async () => {
    const pids = await db().session(async (session) => {
      const first = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      await session.query('SELECT pg_advisory_lock(42)');
      const inTx = await session.transaction(async (tx) => {
        await expect(session.query('SELECT 1')).rejects.toBeInstanceOf(SqlClientMisuseError);
        return tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      });
      await session.query('SELECT pg_advisory_unlock(42)');
      return [first.rows[0]!.pid, inTx.rows[0]!.pid];
    });
    expect(pids[0]).toBe(pids[1]);
  });

  it('runs a multi-statement script with exec', async () => {
    await db().exec("INSERT INTO conformance_items (name) VALUES ('x1'); INSERT INTO conformance_items (name) VALUES ('x2');");
    const { rows } = await db().query<{ n: string }>("SELECT count(*) AS n FROM conformance_items WHERE name IN ('x1', 'x2')");
    expect(rows[0]!.n).toBe('2');
  });
}
