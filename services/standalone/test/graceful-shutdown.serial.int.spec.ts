import type { ChildProcess } from 'node:child_process';
import { createIsolatedTestDatabase, createSqlClient, type IsolatedTestDatabase } from '@cs/db';
import { startEgressWeb } from '@cs/egress-web';
import type { SqlClient } from '@cs/ports';
import type { ServiceComponent } from '@cs/runtime';
import { describeWithInfra, testDatabaseUrl, freePort } from '@cs/testing';
import { createTestTopics, eventually, spawnService, startTestPipeline, submitForm, TEST_PIPELINE_ENV, VALID_FORM, type TestPipeline } from './pipeline-harness';

// Kills and restarts a worker process, so it runs in the serial Jest pass (see package.json "test").
const SHUTDOWN_TIMEOUT_MS = 20_000;
const DRAIN_DELAY_MS = 1_500;
const FORMS = 40;

/**
 * A rolling update of the message-processor under load: the old process gets SIGTERM while it is in the middle of
 * messages and forms keep arriving, a new one starts beside it. Every form must get exactly one reply, and the old
 * process must report "draining" on /readyz at once, finish what it holds, and exit 0 within its grace period.
 */
describeWithInfra(['postgres', 'kafka'], 'message-processor SIGTERM under load (rolling update)', () => {
  let db: IsolatedTestDatabase;
  let pipeline: TestPipeline;
  let egress: ServiceComponent;
  let locker: SqlClient;
  // Released in afterAll too, so a failed assertion cannot leave the table locked (and the suite hanging).
  let releaseLock: (() => void) | undefined;
  const children: ChildProcess[] = [];
  const prefix = `g${Date.now().toString(36)}.`;

  function startWorker(port: number): ChildProcess {
    const child = spawnService('message-processor', { schema: db.schema!, topicPrefix: prefix }, {
      PORT: String(port),
      HANDLER_BACKOFF_INITIAL_MS: '50',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS),
    });
    children.push(child);
    return child;
  }

  const readyz = async (port: number) => {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
    return res ? { status: res.status, body: (await res.json()) as { status: string } } : undefined;
  };

  beforeAll(async () => {
    await createTestTopics(prefix);
    db = await createIsolatedTestDatabase({ url: testDatabaseUrl()!, poolMax: 10 });
    // Ingress and egress-web in this process; the message-processor runs as its own OS process.
    pipeline = await startTestPipeline({ db, topicPrefix: prefix, workers: false });
    egress = await startEgressWeb(pipeline.infra, TEST_PIPELINE_ENV);
    locker = await createSqlClient({ url: testDatabaseUrl()!, poolMax: 1, searchPath: [db.schema!, 'public'] });
  }, 60_000);
  afterAll(async () => {
    releaseLock?.();
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await egress?.stop();
    await pipeline?.close();
    await locker?.close();
    await db?.close();
  }, 60_000);

  it('answers every form exactly once while the old worker drains and a new one takes over', async () => {
    const receipts: string[] = [];
    const submit = async (i: number) => {
      const { status, body } = await submitForm(pipeline.baseUrl, { ...VALID_FORM, email: `rolling${i}@example.com`, subject: `Rolling update ${i}` });
      expect(status).toBe(201);
      receipts.push(body.ticketId);
    };
    const answered = async () => {
      const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE direction = 'outbound' AND delivered_at IS NOT NULL`);
      return Number(rows[0]!.n);
    };

    const [portA, portB] = [await freePort(), await freePort()];
    const old = startWorker(portA);
    const oldExit = new Promise<number | null>((resolve) => old.once('exit', (code) => resolve(code)));
    await eventually(async () => ((await readyz(portA))?.status === 200 ? true : undefined), 60_000, 'the first worker to be ready');

    // Load before the update.
    for (let i = 0; i < 10; i++) await submit(i);
    await eventually(async () => ((await answered()) === 10 ? true : undefined), 30_000, 'the first forms to be answered');

    // Hold the worker inside its effects transaction (writers to processed_events wait), so SIGTERM lands mid-message.
    await new Promise<void>((locked) => {
      void locker.transaction(async (tx) => {
        await tx.query('LOCK TABLE processed_events IN EXCLUSIVE MODE');
        locked();
        await new Promise<void>((release) => (releaseLock = release));
      });
    });
    await submit(10);
    await eventually(async () => {
      const waiting = await db.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = 'message-processor' AND wait_event_type = 'Lock'`);
      return waiting.rowCount > 0 ? true : undefined;
    }, 30_000, 'the worker to block inside its transaction');

    // Forms keep arriving through the whole update.
    const stream = (async () => {
      for (let i = 11; i < FORMS; i++) {
        await submit(i);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const sigterm = Date.now();
    old.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 50));
    const draining = await eventually(async () => {
      const r = await readyz(portA);
      return r?.status === 503 ? r.body : undefined;
    }, DRAIN_DELAY_MS, '/readyz to turn 503 after SIGTERM');
    expect(draining.status).toBe('draining');
    expect(old.exitCode).toBeNull();

    // The new pod of the rolling update.
    const replacement = startWorker(portB);
    await new Promise((r) => setTimeout(r, DRAIN_DELAY_MS + 1_000));
    // Past the drain delay the old worker still waits for the message it holds.
    expect(old.exitCode).toBeNull();
    releaseLock!();

    expect(await oldExit).toBe(0);
    expect(Date.now() - sigterm).toBeLessThan(SHUTDOWN_TIMEOUT_MS);

    await stream;
    await eventually(async () => ((await answered()) >= FORMS ? true : undefined), 90_000, 'every form to be answered');
    await new Promise((r) => setTimeout(r, 1_000));

    // Exactly one delivered reply per ticket: none lost, none doubled.
    const perTicket = await db.query<{ number: string; replies: string }>(
      `SELECT t.number, count(m.id) FILTER (WHERE m.direction = 'outbound') AS replies
         FROM tickets t LEFT JOIN messages m ON m.ticket_id = t.id WHERE t.number = ANY($1) GROUP BY t.number`,
      [receipts],
    );
    expect(perTicket.rows).toHaveLength(FORMS);
    expect(perTicket.rows.filter((r) => Number(r.replies) !== 1)).toEqual([]);
    const counts = await db.query<{ processed: string; queued: string; dead: string }>(
      `SELECT (SELECT count(*) FROM processed_events WHERE consumer = 'message-processor') AS processed,
              (SELECT count(*) FROM outbox WHERE topic = 'cs.outbound.web.v1') AS queued,
              (SELECT count(*) FROM dead_letters) AS dead`,
    );
    expect(counts.rows[0]).toEqual({ processed: String(FORMS), queued: String(FORMS), dead: '0' });
    // The old worker committed what it finished before leaving: the new one was handed no message twice.
    const metrics = await (await fetch(`http://127.0.0.1:${portB}/metrics`)).text();
    expect(metrics).not.toMatch(/processor_events_total\{[^}]*outcome="duplicate"[^}]*\} [1-9]/);

    const replacementExit = new Promise((resolve) => replacement.once('exit', resolve));
    replacement.kill('SIGTERM');
    expect(await replacementExit).toBe(0);
  }, 180_000);
});

