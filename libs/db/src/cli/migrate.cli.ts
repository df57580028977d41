import { z } from 'zod';
import { databaseEnv, loadConfig } from '@cs/config';
import { createSqlClient } from '../sql-client.factory';
import { migrate } from '../migrations/migrate';

/** `npm run db:migrate`: applies database/migrations to DATABASE_URL and says what it did. */
async function main(): Promise<void> {
  const config = loadConfig('db-migrate', z.object({ DATABASE_URL: databaseEnv.DATABASE_URL }));
  const client = await createSqlClient({ url: config.DATABASE_URL, poolMax: 1, applicationName: 'cs-db-migrate' });
  try {
    const result = await migrate(client);
    for (const m of result.applied) process.stdout.write(`applied ${String(m.version).padStart(4, '0')}_${m.name} (${m.durationMs} ms)\n`);
    if (result.unknownVersions.length > 0) {
      process.stdout.write(`warning: the database has versions this build does not know: ${result.unknownVersions.join(', ')}\n`);
    }
    process.stdout.write(
      result.applied.length === 0
        ? `up to date (${result.alreadyApplied} migrations already applied)\n`
        : `done: ${result.applied.length} applied, ${result.alreadyApplied} already applied\n`,
    );
  } finally {
    await client.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`db:migrate failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
