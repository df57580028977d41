import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { InMemoryEventBus } from '@cs/bus';
import { OutboxRelay } from '@cs/core';
import { createIsolatedTestDatabase, type IsolatedTestDatabase } from '@cs/db';
import { createHttpApp, errorHandler } from '@cs/http';
import { createLogger, createMetricsRegistry } from '@cs/observability';
import type { Infrastructure } from '@cs/runtime';
import { startIngressWeb } from '../src/ingress-web.component';

// The HTTP contract of ingress-web on the embedded adapters (PGlite, in-process bus): always runs.
const FORM = { name: 'Jane Doe', email: 'jane@example.com', subject: 'Export fails', category: 'technical', priority: 'high', message: 'Every export fails.' };

describe('ingress-web HTTP contract', () => {
  let db: IsolatedTestDatabase;
  let server: Server;
  let base: string;
  let relay: OutboxRelay;

  beforeAll(async () => {
    db = await createIsolatedTestDatabase();
    const logger = createLogger({ service: 'test', level: 'silent' });
    const registry = createMetricsRegistry('test', { defaultMetrics: false });
    const bus = new InMemoryEventBus();
    relay = new OutboxRelay({ db, bus, logger });
    const infra = { service: 'test', logger, registry, db, bus, relay, readiness: [], mode: { database: 'pglite', bus: 'in-memory' }, close: async () => undefined } as Infrastructure;
    const component = await startIngressWeb(infra, { PUBLIC_BASE_URL: 'http://localhost', RATE_LIMIT_PER_IP_PER_MINUTE: 1000, RATE_LIMIT_PER_EMAIL_PER_HOUR: 3 });
    const app = createHttpApp({ service: 'test', logger, registry, readiness: [] });
    app.use(component.router!);
    app.use(errorHandler(logger));
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 30_000);

  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await relay.stop();
    await db.close();
  });

  const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${base}/api/v1/support/form`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('answers 201 with a ticket, status token and link, and sends security headers and a request id', async () => {
    const res = await post({ ...FORM, phone: '+1 (415) 555-0123' }, { 'content-type': 'application/json', 'x-request-id': 'req-abc-12345' });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, string>;
    expect(body.ticketId).toMatch(/^TKT-/);
    expect(body.statusUrl).toBe(`http://localhost/tickets.html#${body.ticketId}.${body.statusToken}`);
    expect(res.headers.get('x-request-id')).toBe('req-abc-12345');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
    const stored = await db.query<{ n: string }>(`SELECT count(*) AS n FROM outbox WHERE payload LIKE '%+14155550123%'`);
    expect(Number(stored.rows[0]!.n)).toBe(1);
  });

  it('lists every invalid field', async () => {
    const res = await post({ name: 'J', email: 'x', phone: '12', subject: 'hey', category: 'nope', priority: 'urgent', message: 'short' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fields: Array<{ field: string; message: string }> };
    expect(body.fields.map((f) => f.field).sort()).toEqual(['category', 'email', 'message', 'name', 'phone', 'priority', 'subject']);
    expect(body.fields.find((f) => f.field === 'message')?.message).toBe('must be at least 10 characters');
  });

  it('maps malformed JSON to 400, wrong content type to 415 and oversized bodies to 413', async () => {
    expect((await post('{"name":')).status).toBe(400);
    expect((await post('name=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post({ ...FORM, message: 'x'.repeat(40_000) })).status).toBe(413);
  });

  it('limits submissions per email with 429 and Retry-After', async () => {
    const email = 'limited@example.com';
    for (let i = 0; i < 3; i++) expect((await post({ ...FORM, email })).status).toBe(201);
    const limited = await post({ ...FORM, email });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post({ ...FORM, email: 'someone-else@example.com' })).status).toBe(201);
  });

  it('serves the support form page', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<form id="support-form"');
  });
});
