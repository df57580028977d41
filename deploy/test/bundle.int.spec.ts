import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import dockerignore from '@balena/dockerignore';
import { createIsolatedTestDatabase, type IsolatedTestDatabase } from '@cs/db';
import { createPrefixedTopics, describeWithInfra, freePort, testDatabaseUrl, testKafkaBrokers } from '@cs/testing';
import { buildServices, DIST, RUNTIME_PACKAGES, type BuildReport } from '../build-services';
import { SERVICES, TOOLS } from '../services';
import { ROOT } from './manifests';

/** What the Dockerfile copies next to dist/ in /app (deploy/test/dockerfile.spec.ts holds the Dockerfile to it). */
const IMAGE_FOLDERS = ['database/migrations', 'web-form/public', 'services/ops-api/public', 'knowledge-base', 'libs/knowledge/data', 'libs/knowledge/models'];

// `npm run build:services` is what the Dockerfile runs; this suite builds the same bundles and runs them from a copy
// laid out like the image's /app, outside the repository, so nothing can fall back on the repository's node_modules.
let report: BuildReport;
let app: string;
let appDist: string;
beforeAll(async () => {
  report = await buildServices();
  app = join(mkdtempSync(join(tmpdir(), 'cs-image-')), 'app');
  appDist = join(app, 'dist');
  cpSync(DIST, appDist, { recursive: true });
  for (const folder of IMAGE_FOLDERS) {
    mkdirSync(dirname(join(app, folder)), { recursive: true });
    symlinkSync(join(ROOT, folder), join(app, folder));
  }
}, 120_000);
afterAll(() => rmSync(dirname(app), { recursive: true, force: true }));

const node = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, args, { cwd: app, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });

/** Starts `dist/start.js <name>` as the image would; a variable set to undefined is removed from the environment. */
function startBundled(name: string, env: Record<string, string | undefined>): ChildProcess {
  const merged: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return spawn(process.execPath, ['--enable-source-maps', join(appDist, 'start.js'), name], { cwd: app, env: merged, stdio: ['ignore', 'inherit', 'inherit'] });
}

describe('npm run build:services', () => {
  it('bundles every service and tool, plus the launcher, the health check and the runtime packages', () => {
    for (const d of [...SERVICES, ...TOOLS]) expect([d.name, existsSync(join(DIST, d.name, 'main.js'))]).toEqual([d.name, true]);
    expect(existsSync(join(DIST, 'start.js')) && existsSync(join(DIST, 'healthcheck.js'))).toBe(true);
    for (const pkg of RUNTIME_PACKAGES) expect([pkg, existsSync(join(DIST, 'node_modules', pkg, 'package.json'))]).toEqual([pkg, true]);
    // A budget, not a target (about 14 MB today): past it, something that should be external or shared was bundled.
    expect(report.totalBytes).toBeLessThan(30 * 1024 * 1024);
    expect(report.sharedBytes / report.totalBytes).toBeGreaterThan(0.95);
  });

  it('takes every input from the Docker build context', () => {
    const ignore = dockerignore().add(readFileSync(join(ROOT, '.dockerignore'), 'utf8'));
    const ours = report.inputs.filter((f) => !f.startsWith('node_modules/'));
    expect(ours.length).toBeGreaterThan(50);
    expect(ours.filter((f) => ignore.ignores(f))).toEqual([]);
  });

  it('launches by name, and explains itself for an unknown one', () => {
    const bad = node([join(appDist, 'start.js'), 'nope']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown: nope');
    expect(bad.stderr).toContain('services: standalone, ingress-web');
    // A tool container has nothing to probe: healthy.
    expect(node([join(appDist, 'healthcheck.js')], { SERVICE: 'migrate' }).status).toBe(0);
  });

  it('fails fast with a readable configuration error', () => {
    const run = node([join(appDist, 'start.js'), 'message-processor'], { DATABASE_URL: 'mysql://nope', KAFKA_BROKERS: 'no-port', PORT: '0' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/DATABASE_URL="mysql:\/\/nope": must be a postgres:\/\/ URL/);
    expect(run.stderr).toMatch(/KAFKA_BROKERS/);
  });
});

describe('the bundled standalone, embedded (PGlite, in-process bus)', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('starts from the image layout, answers a form, serves the ops dashboard, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const data = join(dirname(app), 'data');
    child = startBundled('standalone', { PORT: String(port), DATA_DIR: data, DATABASE_URL: undefined, KAFKA_BROKERS: undefined });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${base}/readyz`)).status === 200, 60_000, child);
    const res = await fetch(`${base}/api/v1/support/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Image Test', email: 'image@example.com', subject: 'Embedded image', category: 'general', message: 'Does the bundled standalone accept a form?' }),
    });
    expect(res.status).toBe(201);
    expect((await fetch(`${base}/ops/vendor/chart.umd.min.js`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 90_000);
});

describeWithInfra(['postgres', 'kafka'], 'the bundled ingress-web and ops-api', () => {
  let db: IsolatedTestDatabase;
  let child: ChildProcess | undefined;
  let port: number;
  const prefix = `b${Date.now().toString(36)}.`;

  beforeAll(async () => {
    // An empty schema: the bundle must find database/migrations itself (MIGRATE_ON_START).
    db = await createIsolatedTestDatabase({ url: testDatabaseUrl()!, migrate: false });
    await createPrefixedTopics(prefix);
    port = await freePort();
  }, 60_000);
  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await db?.close();
  });
  // A bundled service on the real infrastructure, in this suite's schema and topic namespace.
  const serviceEnv = () => ({
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_SCHEMA: db.schema!,
    MIGRATE_ON_START: 'true',
    KAFKA_BROKERS: testKafkaBrokers()!.join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    PORT: String(port),
  });

  it('migrates, becomes ready, serves the form and its API, and exits 0 on SIGTERM', async () => {
    child = startBundled('ingress-web', serviceEnv());
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${base}/readyz`)).status === 200, 30_000, child);
    expect(node([join(appDist, 'healthcheck.js')], { PORT: String(port) }).status).toBe(0);

    expect(await (await fetch(`${base}/`)).text()).toContain('<form');
    const res = await fetch(`${base}/api/v1/support/form`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Bundle Test', email: 'bundle@example.com', subject: 'Bundled service', category: 'general', message: 'Does the bundled ingress accept a form?' }),
    });
    expect(res.status).toBe(201);
    const applied = await db.query<{ n: string }>('SELECT count(*) AS n FROM schema_migrations');
    expect(Number(applied.rows[0]!.n)).toBeGreaterThan(5);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);

  it('runs the bundled ops-api: refuses to start without its token in production, then serves the API and the dashboard', async () => {
    const env = serviceEnv();
    const refused = node([join(appDist, 'start.js'), 'ops-api'], { ...env, NODE_ENV: 'production', OPS_API_TOKEN: undefined });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/OPS_API_TOKEN: required when NODE_ENV=production/);

    const token = 'bundle-test-ops-token-0123456789';
    child = startBundled('ops-api', { ...env, OPS_API_TOKEN: token });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    const base = `http://127.0.0.1:${port}`;
    await until(async () => (await fetch(`${base}/readyz`)).status === 200, 30_000, child);
    // Its static files are found from the bundle (services/ops-api/public beside dist/, chart.js in dist/node_modules).
    expect(await (await fetch(`${base}/ops/`)).text()).toContain('<html');
    expect((await fetch(`${base}/ops/vendor/chart.umd.min.js`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(401);
    const authorization = { authorization: `Bearer ${token}` };
    const health = await fetch(`${base}/api/v1/health`, { headers: authorization });
    expect([200, 503]).toContain(health.status);
    expect(await health.json()).toMatchObject({ status: expect.any(String), components: expect.any(Array) });
    expect((await fetch(`${base}/api/v1/metrics/channels`, { headers: authorization })).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);
});


/** Polls until check() is true; fails early once the process has exited. */
async function until(check: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (child && child.exitCode !== null) throw new Error(`the process exited (${child.exitCode}) before it was ready`);
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
