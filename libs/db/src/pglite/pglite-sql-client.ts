import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { SqlClientMisuseError } from '../db-errors';
import { guardedSession, scoped } from '../guarded-session';
import type { Queryable, QueryResult, SqlClient, SqlSession } from '../sql-client.port';
import { AsyncMutex } from './async-mutex';

export interface PgliteOptions {
  /** Directory the database persists to; in memory when omitted. */
  dataDir?: string;
}

const INT8_OID = 20;

/** PGlite (PostgreSQL in WebAssembly) with pgvector, for the embedded mode and fast tests. */
export async function createPgliteSqlClient(options: PgliteOptions = {}): Promise<SqlClient> {
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    extensions: { vector },
    // node-postgres returns int8 as a string (it may not fit a JS number); do the same so code sees one shape.
    parsers: { [INT8_OID]: (value: string) => value },
  });
  return new PgliteSqlClient(db);
}

type Runner = Pick<Transaction, 'query' | 'exec'>;

function toQueryable(runner: Runner): Queryable {
  return {
    query: async <R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> => toResult(await runner.query<R>(sql, params)),
    exec: async (sql: string) => {
      await runner.exec(sql);
    },
  };
}

function toResult<R>(result: Results<R>): QueryResult<R> {
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length };
}

/**
 * PGlite is one connection, so every call takes one FIFO mutex: a transaction or session owns the connection
 * until it settles and nothing interleaves with it. Work running inside it must use the `tx`/`session` it was
 * given; reaching for the client instead would wait on itself forever, so that is detected and thrown.
 */
class PgliteSqlClient implements SqlClient {
  readonly kind = 'pglite';
  private readonly mutex = new AsyncMutex();
  private readonly owner = new AsyncLocalStorage<{ active: boolean; what: string }>();

  constructor(private readonly db: PGlite) {}

  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>> {
    return this.exclusive('query', () => toQueryable(this.db).query<R>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.exclusive('exec', () => toQueryable(this.db).exec(sql));
  }

  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.exclusive('transaction', () => this.db.transaction((tx) => work(toQueryable(tx))));
  }

  session<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    // The mutex is already held here, so the session talks to PGlite directly.
    return this.exclusive('session', async () => {
      const { handle, end, assertOpen } = scoped(toQueryable(this.db), 'session');
      const runTransaction = async <U>(inner: (tx: Queryable) => Promise<U>) => {
        assertOpen();
        return this.db.transaction((tx) => inner(toQueryable(tx)));
      };
      try {
        return await work(guardedSession(handle, runTransaction));
      } finally {
        end();
      }
    });
  }

  close(): Promise<void> {
    return this.exclusive('close', async () => {
      if (!this.db.closed) await this.db.close();
    });
  }

  private exclusive<T>(what: string, work: () => Promise<T>): Promise<T> {
    const held = this.owner.getStore();
    if (held?.active) {
      return Promise.reject(
        new SqlClientMisuseError(`${what}() called on the PGlite client from inside its own ${held.what}(); use the tx/session passed to the callback`),
      );
    }
    return this.mutex.run(async () => {
      const token = { active: true, what };
      try {
        return await this.owner.run(token, work);
      } finally {
        token.active = false;
      }
    });
  }
}
