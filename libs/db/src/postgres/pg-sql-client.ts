import { createHash } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { SqlClientMisuseError } from '../db-errors';
import { guardedSession, scoped } from '../guarded-session';
import type { Queryable, QueryResult, SqlClient, SqlSession } from '../sql-client.port';

export interface PostgresOptions {
  url: string;
  poolMax?: number;
  /** search_path for every connection, first schema first; isolated test schemas use ['t_x', 'public']. */
  searchPath?: string[];
  applicationName?: string;
  /** An idle connection failed; the pool has already discarded it. Without a listener pg would crash the process. */
  onPoolError?: (err: Error) => void;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * node-postgres pool adapter. pgvector types are deliberately not registered: vectors travel as their text form
 * on both adapters (see vector-literal.ts), and registration would need a type lookup on every new connection
 * that fails until the extension exists.
 */
export function createPgSqlClient(options: PostgresOptions): SqlClient {
  const badSchema = options.searchPath?.find((s) => !IDENTIFIER.test(s));
  if (badSchema !== undefined) throw new SqlClientMisuseError(`invalid schema name in searchPath: ${JSON.stringify(badSchema)}`);
  const pool = new Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    application_name: options.applicationName ?? 'cs-agent',
    ...(options.searchPath?.length ? { options: `-c search_path=${options.searchPath.join(',')}` } : {}),
  });
  pool.on('error', (err) => options.onPoolError?.(err));
  const direct = toQueryable(pool);

  return {
    kind: 'postgres',
    query: direct.query,
    exec: direct.exec,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      try {
        return await runTransaction(client, work, () => (broken = true));
      } finally {
        client.release(broken);
      }
    },
    async session<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const { handle, end, assertOpen } = scoped(toQueryable(client), 'session');
      const inTransaction = async <U>(inner: (tx: Queryable) => Promise<U>) => (assertOpen(), runTransaction(client, inner, () => undefined));
      try {
        return await work(guardedSession(handle, inTransaction));
      } finally {
        end();
        // Destroy rather than return the connection: session state (advisory locks, SET) must not leak into the pool.
        client.release(true);
      }
    },
    close: () => pool.end(),
  };
}

/** BEGIN … COMMIT on one connection; if even ROLLBACK fails the connection's state is unknown and it is marked broken. */
async function runTransaction<T>(client: PoolClient, work: (tx: Queryable) => Promise<T>, markBroken: () => void): Promise<T> {
  const { handle, end } = scoped(toQueryable(client));
  try {
    await client.query('BEGIN');
    const result = await work(handle);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(markBroken);
    throw err;
  } finally {
    end();
  }
}

const statementNames = new Map<string, string>();

/**
 * Parameterized statements run as named prepared statements: PostgreSQL parses and plans each once per connection
 * instead of on every call, which is most of its CPU for the short statements the pipeline issues. The name is derived
 * from the text, so the same SQL shares one name; schema changes invalidate the cached plans server-side.
 */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (!name) {
    name = `cs_${createHash('sha1').update(sql).digest('hex').slice(0, 16)}`;
    statementNames.set(sql, name);
  }
  return name;
}

function toQueryable(target: Pool | PoolClient): Queryable {
  return {
    async query<R>(sql: string, params?: unknown[]): Promise<QueryResult<R>> {
      const result = params?.length ? await target.query({ name: statementName(sql), text: sql, values: params }) : await target.query(sql);
      return { rows: result.rows as R[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      // Without parameters pg uses the simple protocol, which accepts several statements.
      await target.query(sql);
    },
  };
}
