import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '@cs/config';
import { listDeadLetters, replayDeadLetters } from '@cs/core';
import { createSqlClient, migrate } from '@cs/db';
import { runtimeEnv } from '@cs/runtime';

const USAGE = `Usage:
  npm run dlq -- list [--all] [--limit N]     dead letters not yet replayed (--all: replayed ones too)
  npm run dlq -- replay <id> [<id> ...]       put these back on their source topic
  npm run dlq -- replay --all                 replay every dead letter not yet replayed

Replays go through the outbox: the running services publish them within a second. A replayed event that was
already processed is skipped by the consumer's idempotency, so replaying twice is harmless.
With the embedded database (no DATABASE_URL), stop \`npm start\` first: PGlite allows one process at a time.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command !== 'list' && command !== 'replay') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  const env = loadConfig('dlq', z.object({ DATABASE_URL: runtimeEnv.DATABASE_URL, DATABASE_SCHEMA: runtimeEnv.DATABASE_SCHEMA, DATA_DIR: runtimeEnv.DATA_DIR }));
  const db = env.DATABASE_URL
    ? await createSqlClient({ url: env.DATABASE_URL, poolMax: 2, applicationName: 'cs-dlq', ...(env.DATABASE_SCHEMA ? { searchPath: [env.DATABASE_SCHEMA, 'public'] } : {}) })
    : await openEmbedded(env.DATA_DIR);
  try {
    if (command === 'list') {
      const limitIndex = args.indexOf('--limit');
      const letters = await listDeadLetters(db, { includeReplayed: args.includes('--all'), limit: limitIndex >= 0 ? Number(args[limitIndex + 1]) : 100 });
      if (letters.length === 0) process.stdout.write('no dead letters\n');
      for (const l of letters) {
        process.stdout.write(
          `${l.id}  ${l.failed_at.toISOString()}  ${l.error_code.padEnd(20)} attempts=${l.attempts} retriable=${l.retriable} ` +
            `${l.source_topic}[${l.source_partition}]@${l.source_offset} event=${l.event_id ?? '-'}${l.replayed_at ? ` replayed=${l.replay_count}` : ''}\n` +
            `    ${l.error_message.slice(0, 200)}\n`,
        );
      }
      return 0;
    }
    const ids = args.filter((a) => !a.startsWith('--'));
    const selection = args.includes('--all') ? { all: true as const } : { ids };
    if (!args.includes('--all') && ids.length === 0) {
      process.stderr.write('replay needs dead-letter ids or --all\n');
      return 2;
    }
    const result = await replayDeadLetters({ db, relay: { kick: () => undefined } }, selection);
    process.stdout.write(`replayed ${result.replayed.length}${result.replayed.length ? `: ${result.replayed.join(', ')}` : ''}\n`);
    if (result.missing.length > 0) process.stderr.write(`not found: ${result.missing.join(', ')}\n`);
    return result.missing.length > 0 ? 1 : 0;
  } finally {
    await db.close();
  }
}

async function openEmbedded(dataDir: string) {
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await createSqlClient({ pglite: { dataDir: dir } });
  await migrate(db);
  return db;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`dlq failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
