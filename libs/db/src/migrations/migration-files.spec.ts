import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MigrationError } from '../db-errors';
import { DEFAULT_MIGRATIONS_DIR, migrationChecksum, readMigrationFiles } from './migration-files';

describe('readMigrationFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cs-migrations-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads NNNN_name.sql in version order and ignores other files', () => {
    writeFileSync(join(dir, '0002_second.sql'), 'SELECT 2;');
    writeFileSync(join(dir, '0001_first.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'README.md'), '# notes');
    const files = readMigrationFiles(dir);
    expect(files.map((f) => [f.version, f.name])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
    expect(files[0]!.checksum).toBe(migrationChecksum('SELECT 1;'));
  });

  it('refuses a misnamed .sql file and a repeated version', () => {
    writeFileSync(join(dir, '1_bad.sql'), 'SELECT 1;');
    expect(() => readMigrationFiles(dir)).toThrow(MigrationError);
    rmSync(join(dir, '1_bad.sql'));
    writeFileSync(join(dir, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '0001_b.sql'), 'SELECT 1;');
    expect(() => readMigrationFiles(dir)).toThrow(/share version 1/);
  });

  it('ignores line-ending differences in the checksum', () => {
    expect(migrationChecksum('A;\r\nB;\r\n')).toBe(migrationChecksum('A;\nB;\n'));
  });

  it('finds the repository migrations and none of them names the public schema', () => {
    const files = readMigrationFiles(DEFAULT_MIGRATIONS_DIR);
    expect(files.length).toBeGreaterThan(0);
    expect(files[0]!.version).toBe(1);
    for (const f of files) expect(readFileSync(join(DEFAULT_MIGRATIONS_DIR, f.filename), 'utf8')).not.toMatch(/\bpublic\./i);
  });
});
