import { SqlClientMisuseError } from './db-errors';
import type { Queryable, SqlSession } from './sql-client.port';

type TransactionRunner = <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>;

/**
 * A session whose own query/exec/transaction refuse to run while one of its transactions is open: on PGlite
 * they would wait for that transaction forever, on pg they would silently join it. Both adapters use this so
 * the misuse fails the same way everywhere.
 */
export function guardedSession(direct: Queryable, runTransaction: TransactionRunner): SqlSession {
  let inTransaction = false;
  const guard = (what: string) => {
    if (inTransaction) throw new SqlClientMisuseError(`session.${what}() called inside session.transaction(); use the tx passed to the callback`);
  };
  return {
    query: async <R>(sql: string, params?: unknown[]) => (guard('query'), direct.query<R>(sql, params)),
    exec: async (sql: string) => (guard('exec'), direct.exec(sql)),
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      guard('transaction');
      inTransaction = true;
      try {
        return await runTransaction(work);
      } finally {
        inTransaction = false;
      }
    },
  };
}

/** A handle that refuses to run once its scope ended, so a leaked tx/session cannot touch a reused connection. */
export function scoped(inner: Queryable, what = 'transaction/session'): { handle: Queryable; end: () => void; assertOpen: () => void } {
  let open = true;
  const check = () => {
    if (!open) throw new SqlClientMisuseError(`${what} handle used after it ended`);
  };
  return {
    handle: {
      query: async <R>(sql: string, params?: unknown[]) => (check(), inner.query<R>(sql, params)),
      exec: async (sql: string) => (check(), inner.exec(sql)),
    },
    end: () => {
      open = false;
    },
    assertOpen: check,
  };
}
