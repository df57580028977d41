import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqlClient, migrate } from '../src';

describe('PGlite persisted to a dataDir', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-pglite-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps the schema and the data across a restart', async () => {
    const first = await createSqlClient({ pglite: { dataDir } });
    const applied = await migrate(first);
    expect(applied.applied.length).toBeGreaterThan(0);
    await first.query("INSERT INTO processed_events (consumer, event_id) VALUES ('c', 'e')");
    await first.close();

    const second = await createSqlClient({ pglite: { dataDir } });
    try {
      expect((await migrate(second)).applied).toEqual([]);
      expect((await second.query('SELECT event_id FROM processed_events')).rows).toEqual([{ event_id: 'e' }]);
    } finally {
      await second.close();
    }
  }, 60_000);
});
