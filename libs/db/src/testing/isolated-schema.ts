import { randomBytes } from 'node:crypto';
import { migrate, type MigrationResult } from '../migrations/migrate';
import { createPgliteSqlClient } from '../pglite/pglite-sql-client';
import { createPgSqlClient } from '../postgres/pg-sql-client';
import type { Queryable, SqlClient, SqlSession } from '../sql-client.port';

export interface IsolatedTestDatabase extends SqlClient {
  /** The schema this database lives in on real PostgreSQL; null on PGlite (a fresh in-memory instance). */
  readonly schema: string | null;
  /** What migrate() did, or null when created with `migrate: false`. */
  readonly migration: MigrationResult | null;
}

export interface IsolatedTestDatabaseOptions {
  /** Real PostgreSQL when given (e.g. testDatabaseUrl()), otherwise in-memory PGlite. */
  url?: string;
  /** Apply database/migrations (default true). */
  migrate?: boolean;
  poolMax?: number;
}

/**
 * A database of its own for one test file: on PostgreSQL a fresh schema `t_<random>` that every connection puts
 * first on its search_path, dropped again by close(); on PGlite a fresh in-memory instance.
 */
export async function createIsolatedTestDatabase(options: IsolatedTestDatabaseOptions = {}): Promise<IsolatedTestDatabase> {
  if (!options.url) {
    const client = await createPgliteSqlClient();
    return finish(client, null, options, () => client.close());
  }
  const url = options.url;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = createPgSqlClient({ url, poolMax: 1, applicationName: 'cs-test-admin' });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const client = createPgSqlClient({ url, poolMax: options.poolMax ?? 5, searchPath: [schema, 'public'], applicationName: 'cs-test' });
  return finish(client, schema, options, async () => {
    await client.close();
    try {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    } finally {
      await admin.close();
    }
  });
}

async function finish(
  client: SqlClient,
  schema: string | null,
  options: IsolatedTestDatabaseOptions,
  close: () => Promise<void>,
): Promise<IsolatedTestDatabase> {
  let migration: MigrationResult | null = null;
  try {
    if (options.migrate !== false) migration = await migrate(client);
  } catch (err) {
    await close();
    throw err;
  }
  return {
    kind: client.kind,
    schema,
    migration,
    query: <R>(sql: string, params?: unknown[]) => client.query<R>(sql, params),
    exec: (sql: string) => client.exec(sql),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => client.transaction(work),
    session: <T>(work: (session: SqlSession) => Promise<T>) => client.session(work),
    close,
  };
}
