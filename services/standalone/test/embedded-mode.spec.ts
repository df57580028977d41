import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@cs/testing';

// `npm start` as a newcomer runs it: no DATABASE_URL, no KAFKA_BROKERS. Needs nothing but Node, so it always runs.
const ROOT = join(__dirname, '..', '..', '..');


function start(dataDir: string, port: number): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  delete env.KAFKA_BROKERS;
  return spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'services/standalone/src/main.ts')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitReady(base: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const ok = await fetch(`${base}/readyz`).then((r) => r.ok, () => false);
    if (ok) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

describe('embedded mode (npm start)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs-embedded-'));
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the form, answers the ticket, stops cleanly and keeps the data across a restart', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    child = start(dataDir, port);
    const readyMs = await waitReady(base, 60_000);
    process.stdout.write(`embedded mode ready in ${readyMs} ms (first start, fresh data directory)\n`);

    const res = await fetch(`${base}/api/v1/support/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Jane Doe', email: 'jane@example.com', subject: 'Export fails', category: 'technical', priority: 'high', message: 'Every export fails.' }),
    });
    expect(res.status).toBe(201);
    const { ticketId, statusToken } = (await res.json()) as { ticketId: string; statusToken: string };
    const read = () => fetch(`${base}/api/v1/tickets/${ticketId}`, { headers: { 'x-ticket-token': statusToken } }).then((r) => r.json() as Promise<{ messages: unknown[] }>);
    let view = await read();
    for (let i = 0; i < 100 && view.messages.length < 2; i++) {
      await new Promise((r) => setTimeout(r, 100));
      view = await read();
    }
    expect(view.messages).toHaveLength(2);

    const exit = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);

    child = start(dataDir, port);
    await waitReady(base, 60_000);
    expect(await read()).toEqual(view);
    const stopped = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  }, 150_000);
});
