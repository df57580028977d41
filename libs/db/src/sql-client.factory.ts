import { createPgliteSqlClient, type PgliteOptions } from './pglite/pglite-sql-client';
import { createPgSqlClient, type PostgresOptions } from './postgres/pg-sql-client';
import type { SqlClient } from './sql-client.port';

export type SqlClientOptions = PostgresOptions | { pglite: PgliteOptions };

/** Real PostgreSQL when given a URL, PGlite (persisted to dataDir, or in memory) otherwise. */
export async function createSqlClient(options: SqlClientOptions): Promise<SqlClient> {
  return 'pglite' in options ? createPgliteSqlClient(options.pglite) : createPgSqlClient(options);
}
