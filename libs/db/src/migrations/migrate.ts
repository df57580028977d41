import { MigrationError } from '../db-errors';
import type { SqlClient, SqlSession } from '../sql-client.port';
import { readMigrationFiles, type MigrationFile } from './migration-files';

export interface MigrateOptions {
  /** Defaults to database/migrations. */
  dir?: string;
  /** Files already read (tests); wins over `dir`. */
  files?: MigrationFile[];
}

export interface MigrationResult {
  applied: Array<{ version: number; name: string; durationMs: number }>;
  alreadyApplied: number;
  /** Versions recorded in the database that no file here knows (an older build running against a newer schema). */
  unknownVersions: number[];
}

// One lock per schema, so isolated test schemas migrate side by side while two migrators of one schema queue up.
const LOCK_KEY = `hashtext('cs.schema_migrations'), hashtext(current_schema())`;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/**
 * Applies pending migrations in version order, each file in its own transaction, into the first schema of the
 * connection's search_path. Safe to run twice and in parallel: everything happens under a session advisory lock
 * (PGlite, being one connection, is serialized by its client anyway). Refuses if an applied file was edited.
 */
export async function migrate(client: SqlClient, options: MigrateOptions = {}): Promise<MigrationResult> {
  const files = options.files ?? readMigrationFiles(options.dir);
  return client.session(async (session) => {
    await session.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    try {
      return await applyPending(session, files);
    } finally {
      // Never mask the real error; on pg the session's connection is closed next, which releases the lock anyway.
      await session.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch(() => undefined);
    }
  });
}

async function applyPending(session: SqlSession, files: MigrationFile[]): Promise<MigrationResult> {
  await session.query(CREATE_TABLE);
  const { rows } = await session.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations ORDER BY version');
  const recorded = new Map(rows.map((r) => [r.version, r.checksum]));
  for (const file of files) {
    const checksum = recorded.get(file.version);
    if (checksum !== undefined && checksum !== file.checksum) {
      throw new MigrationError(
        'MIGRATION_CHECKSUM_MISMATCH',
        `${file.filename} was edited after it was applied (checksum ${checksum.slice(0, 12)}… is now ${file.checksum.slice(0, 12)}…); add a new migration instead`,
      );
    }
  }
  const known = new Set(files.map((f) => f.version));
  const result: MigrationResult = {
    applied: [],
    alreadyApplied: files.filter((f) => recorded.has(f.version)).length,
    unknownVersions: rows.map((r) => r.version).filter((v) => !known.has(v)),
  };
  for (const file of files.filter((f) => !recorded.has(f.version))) {
    const started = performance.now();
    try {
      await session.transaction(async (tx) => {
        await tx.exec(file.sql);
        await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [file.version, file.name, file.checksum]);
      });
    } catch (err) {
      throw new MigrationError('MIGRATION_FAILED', `${file.filename} failed and was rolled back: ${(err as Error).message}`, err);
    }
    result.applied.push({ version: file.version, name: file.name, durationMs: Math.round(performance.now() - started) });
  }
  return result;
}
