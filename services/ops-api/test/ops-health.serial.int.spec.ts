import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaEventBus } from '@cs/bus';
import { createSqlClient, migrate } from '@cs/db';
import type { SqlClient } from '@cs/ports';
import { describeWithInfra, eventually, testKafkaBrokers } from '@cs/testing';
import { startTestOpsApi, type TestOpsApi } from './ops-api-harness';

// Stops the shared Kafka broker, so it runs in the serial Jest pass. PostgreSQL is not the shared server: a throwaway
// cluster of the same installation, on its own port, is started and stopped here.
const ROOT = join(__dirname, '..', '..', '..');
const PG_BIN = '/usr/lib/postgresql/15/bin';
const PG_PORT = 55499;
const kafkaCtl = (action: 'stop' | 'start' | 'status') => execFileSync('bash', [join(ROOT, 'scripts/infra/kafka-ctl.sh'), action], { stdio: 'pipe', timeout: 180_000 });

/** Starts the broker unless it already runs (another suite may have restarted it meanwhile: starting twice races). */
function startKafka(): void {
  try {
    kafkaCtl('status');
  } catch {
    kafkaCtl('start');
  }
}

/** PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres OS user, like infra:up's. */
function asPostgres(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? 'runuser' : command, root ? ['-u', 'postgres', '--', command, ...args] : args, { stdio: 'pipe', timeout: 120_000 });
}

class ThrowawayPostgres {
  readonly dir = mkdtempSync(join(tmpdir(), 'cs-ops-pg-'));
  readonly url = `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`;
  constructor() {
    if (process.getuid?.() === 0) {
      const { uid, gid } = JSON.parse(execFileSync('bash', ['-c', 'echo "{\\"uid\\":$(id -u postgres),\\"gid\\":$(id -g postgres)}"']).toString()) as { uid: number; gid: number };
      chownSync(this.dir, uid, gid);
      chmodSync(this.dir, 0o700);
    }
    asPostgres(`${PG_BIN}/initdb`, ['-D', join(this.dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  }
  start() {
    asPostgres(`${PG_BIN}/pg_ctl`, ['-D', join(this.dir, 'data'), '-l', join(this.dir, 'log'), '-w', '-t', '60', '-o', `-p ${PG_PORT} -k ${this.dir} -c listen_addresses=127.0.0.1`, 'start']);
  }
  stop() {
    asPostgres(`${PG_BIN}/pg_ctl`, ['-D', join(this.dir, 'data'), '-w', '-t', '60', '-m', 'fast', 'stop']);
  }
  remove() {
    try {
      this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function health(ops: TestOpsApi): Promise<{ httpStatus: number; status: string; components: Record<string, string> }> {
  const res = await fetch(`${ops.base}/api/v1/health`);
  const body = (await res.json()) as { status: string; components: Array<{ name: string; status: string }> };
  return { httpStatus: res.status, status: body.status, components: Object.fromEntries(body.components.map((c) => [c.name, c.status])) };
}


describeWithInfra(['postgres', 'kafka'], 'ops health when PostgreSQL or Kafka stops', () => {
  const pg = new ThrowawayPostgres();
  let db: SqlClient;
  let bus: KafkaEventBus;
  let ops: TestOpsApi;

  beforeAll(async () => {
    pg.start();
    db = await createSqlClient({ url: pg.url, poolMax: 2, onPoolError: () => undefined });
    await migrate(db);
    bus = new KafkaEventBus({ brokers: testKafkaBrokers()!, clientId: 'cs-test-ops-health', healthCacheMs: 0 });
    ops = await startTestOpsApi(db, { bus, mode: { database: 'postgres', bus: 'kafka' } });
  }, 120_000);
  afterAll(async () => {
    startKafka();
    await ops?.close();
    await bus?.close();
    await db?.close().catch(() => undefined);
    pg.remove();
  }, 180_000);

  it('starts out available: degraded only by the unconfigured provider credentials', async () => {
    const report = await health(ops);
    expect(report).toMatchObject({ httpStatus: 200, status: 'degraded', components: { database: 'healthy', kafka: 'healthy', outbox: 'healthy', dead_letters: 'healthy' } });
  });

  it('turns unhealthy (503) while Kafka is stopped and recovers when it is back', async () => {
    kafkaCtl('stop');
    const down = await eventually(async () => {
      const r = await health(ops);
      return r.httpStatus === 503 ? r : undefined;
    }, 30_000, 'health to turn 503');
    expect(down).toMatchObject({ status: 'unhealthy', components: { kafka: 'unhealthy', database: 'healthy' } });
    startKafka();
    const up = await eventually(async () => {
      const r = await health(ops);
      return r.httpStatus === 200 ? r : undefined;
    }, 60_000, 'health to recover');
    expect(up.components.kafka).toBe('healthy');
  }, 240_000);

  it('turns unhealthy (503) while PostgreSQL is stopped and recovers when it is back', async () => {
    pg.stop();
    const down = await eventually(async () => {
      const r = await health(ops);
      return r.httpStatus === 503 ? r : undefined;
    }, 30_000, 'health to turn 503');
    expect(down).toMatchObject({ status: 'unhealthy', components: { database: 'unhealthy', kafka: 'healthy' } });
    pg.start();
    const up = await eventually(async () => {
      const r = await health(ops);
      return r.httpStatus === 200 ? r : undefined;
    }, 60_000, 'health to recover');
    expect(up.components.database).toBe('healthy');
  }, 120_000);
});
