import { execFile, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { createIsolatedTestDatabase, createSqlClient, type IsolatedTestDatabase } from '@cs/db';
import type { SqlClient } from '@cs/ports';
import { describeWithInfra, testDatabaseUrl } from '@cs/testing';
import { createTestTopics, eventually, getTicket, spawnService, startTestPipeline, submitForm, VALID_FORM, type TestPipeline } from './pipeline-harness';

// These suites stop the shared Kafka broker and kill processes, so they run in a separate, serial Jest pass.
const ROOT = join(__dirname, '..', '..', '..');
// Asynchronous on purpose: the pipeline under test runs in this process and must keep running while Kafka stops and starts.
const kafkaCtl = (action: 'stop' | 'start') => promisify(execFile)('bash', [join(ROOT, 'scripts/infra/kafka-ctl.sh'), action], { timeout: 120_000 });

async function repliedTickets(p: TestPipeline, receipts: Array<{ ticketId: string; statusToken: string }>): Promise<number> {
  let replied = 0;
  for (const r of receipts) {
    const t = await getTicket(p.baseUrl, r.ticketId, r.statusToken);
    if (t.body.messages?.some((m) => m.direction === 'outbound')) replied += 1;
  }
  return replied;
}

describeWithInfra(['postgres', 'kafka'], 'Kafka stopped while customers submit forms', () => {
  let pipeline: TestPipeline;
  beforeAll(async () => {
    pipeline = await startTestPipeline();
  }, 60_000);
  afterAll(async () => {
    await kafkaCtl('start');
    await pipeline?.close();
  }, 120_000);

  it('accepts every submission and processes all of them once Kafka is back', async () => {
    await kafkaCtl('stop');
    const receipts: Array<{ ticketId: string; statusToken: string }> = [];
    for (let i = 0; i < 20; i++) {
      const { status, body } = await submitForm(pipeline.baseUrl, { ...VALID_FORM, email: `down${i}@example.com`, subject: `Kafka down test ${i}` });
      expect(status).toBe(201);
      receipts.push(body);
    }
    const pending = await pipeline.db.query<{ n: string }>('SELECT count(*) AS n FROM outbox WHERE published_at IS NULL');
    expect(Number(pending.rows[0]!.n)).toBeGreaterThanOrEqual(20);
    await kafkaCtl('start');
    const replied = await eventually(async () => {
      const n = await repliedTickets(pipeline, receipts);
      return n === receipts.length ? n : undefined;
    }, 90_000, 'every ticket to be answered');
    expect(replied).toBe(20);
    const replies = await pipeline.db.query<{ n: string }>(`SELECT count(*) AS n FROM messages WHERE direction = 'outbound'`);
    expect(Number(replies.rows[0]!.n)).toBe(20);
  }, 180_000);
});

describeWithInfra(['postgres', 'kafka'], 'message-processor killed in the middle of a message', () => {
  let db: IsolatedTestDatabase;
  let pipeline: TestPipeline;
  let locker: SqlClient;
  const children: ChildProcess[] = [];
  const prefix = `k${Date.now().toString(36)}.`;

  function startWorker(): ChildProcess {
    const child = spawnService('message-processor', { schema: db.schema!, topicPrefix: prefix }, { PORT: '0', HANDLER_BACKOFF_INITIAL_MS: '50' });
    children.push(child);
    return child;
  }

  beforeAll(async () => {
    await createTestTopics(prefix);
    db = await createIsolatedTestDatabase({ url: testDatabaseUrl()! });
    // Ingress and egress in this process; the message-processor runs as its own OS process.
    pipeline = await startTestPipeline({ db, topicPrefix: prefix, workers: false });
    locker = await createSqlClient({ url: testDatabaseUrl()!, poolMax: 1, searchPath: [db.schema!, 'public'] });
  }, 60_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await pipeline?.close();
    await locker?.close();
    await db?.close();
  }, 60_000);

  it('processes the message exactly once after a restart', async () => {
    const worker = startWorker();
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    let releaseLock!: () => void;
    const lockHeld = new Promise<void>((resolve) => {
      void locker.transaction(async (tx) => {
        // Writers to processed_events wait: the worker gets as far as its final transaction and stops there.
        await tx.query('LOCK TABLE processed_events IN EXCLUSIVE MODE');
        resolve();
        await new Promise<void>((release) => (releaseLock = release));
      });
    });
    await lockHeld;
    const { body } = await submitForm(pipeline.baseUrl, { ...VALID_FORM, email: 'killed@example.com' });
    await eventually(async () => {
      const waiting = await pipeline.db.query(
        `SELECT 1 FROM pg_stat_activity WHERE application_name = 'message-processor' AND wait_event_type = 'Lock'`,
      );
      return waiting.rowCount > 0 ? true : undefined;
    }, 30_000, 'the worker to block inside its transaction');
    worker.kill('SIGKILL');
    await exited;
    releaseLock();

    const second = startWorker();
    const ticketMessages = () =>
      pipeline.db.query<{ direction: string }>(`SELECT m.direction FROM messages m JOIN tickets t ON t.id = m.ticket_id WHERE t.number = $1`, [
        body.ticketId,
      ]);
    // Egress is not running here: the stored reply (and its outbox entry) is what the processor produced.
    await eventually(async () => ((await ticketMessages()).rowCount >= 2 ? true : undefined), 60_000, 'the restarted worker to answer');
    await new Promise((r) => setTimeout(r, 1000));
    expect((await ticketMessages()).rows.map((r) => r.direction).sort()).toEqual(['inbound', 'outbound']);
    const queued = await pipeline.db.query(`SELECT 1 FROM outbox WHERE topic = 'cs.outbound.web.v1' AND payload LIKE $1`, [`%${body.ticketId}%`]);
    expect(queued.rowCount).toBe(1);

    const code = new Promise((resolve) => second.once('exit', resolve));
    second.kill('SIGTERM');
    expect(await code).toBe(0);
  }, 120_000);
});
