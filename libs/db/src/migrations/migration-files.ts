import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MigrationError } from '../db-errors';

export interface MigrationFile {
  version: number;
  name: string;
  filename: string;
  sql: string;
  /** SHA-256 of the file with line endings normalized, so a Windows checkout does not look edited. */
  checksum: string;
}

/** database/migrations at the repository root. */
export const DEFAULT_MIGRATIONS_DIR = resolve(__dirname, '..', '..', '..', '..', 'database', 'migrations');

const FILENAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Every NNNN_name.sql in `dir`, by version. A misnamed .sql file or a repeated version is an error, not skipped. */
export function readMigrationFiles(dir: string = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((filename) => {
      const match = FILENAME.exec(filename);
      if (!match?.[1] || !match[2]) {
        throw new MigrationError('MIGRATION_INVALID_FILES', `${filename} in ${dir} is not named NNNN_lower_snake_name.sql`);
      }
      const sql = readFileSync(join(dir, filename), 'utf8');
      return { version: Number(match[1]), name: match[2], filename, sql, checksum: migrationChecksum(sql) };
    })
    .sort((a, b) => a.version - b.version);
  const repeated = files.find((f, i) => i > 0 && files[i - 1]?.version === f.version);
  if (repeated) throw new MigrationError('MIGRATION_INVALID_FILES', `two migrations share version ${repeated.version} in ${dir}`);
  return files;
}
