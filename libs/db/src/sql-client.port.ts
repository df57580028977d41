/** A row-returning query result; the subset both node-postgres and PGlite provide. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

/**
 * The database port: real PostgreSQL (pg pool) or PGlite (embedded mode). Repositories take a Queryable,
 * so the same code runs inside or outside a transaction.
 */
export interface SqlClient extends Queryable {
  /** Runs `work` in one transaction (READ COMMITTED); commits if it resolves, rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'postgres' | 'pglite';
}
