/**
 * A row-returning query result; the subset both node-postgres and PGlite provide.
 * Both adapters parse values the same way: int8/bigserial and numeric as strings, timestamptz as Date,
 * json/jsonb as values, vector as its text form ('[1,2,3]', see vector-literal.ts).
 * Pass jsonb parameters as JSON.stringify(...) so both drivers send the same text.
 */
export interface QueryResult<R> {
  rows: R[];
  /** Rows returned by a SELECT or affected by INSERT/UPDATE/DELETE. */
  rowCount: number;
}

export interface Queryable {
  /** One statement, with $1..$n parameters. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** One dedicated connection: session state (advisory locks, SET) holds for every statement in it. */
export interface SqlSession extends Queryable {
  /** A transaction on this session's connection. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

/**
 * The database port: real PostgreSQL (pg pool) or PGlite (embedded mode). Repositories take a Queryable,
 * so the same code runs inside or outside a transaction.
 *
 * PGlite has one connection: while `transaction` or `session` work runs, every other call waits, and calling
 * the client itself (instead of the `tx`/`session` handed to you) from inside that work throws
 * SqlClientMisuseError rather than deadlocking. Write code that passes the `tx` down and it runs on both.
 */
export interface SqlClient extends Queryable {
  /** Runs `work` in one transaction (READ COMMITTED); commits if it resolves, rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs `work` on one connection held for its whole duration (e.g. under a session advisory lock). */
  session<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly kind: 'postgres' | 'pglite';
}
