import { createIsolatedTestDatabase, type IsolatedTestDatabase } from '@cs/db';
import { seedOpsFixture } from '@cs/core/src/ops/testing/ops-seed.fixture';
import { startTestOpsApi, type TestOpsApi } from './ops-api-harness';

// ops-api's HTTP contract on PGlite with the hand-computed fixture: always runs.
const DAY = 'from=2025-03-10T00:00:00Z&to=2025-03-11T00:00:00Z';

describe('ops-api HTTP contract', () => {
  let db: IsolatedTestDatabase;
  let open: TestOpsApi;
  let secured: TestOpsApi;

  beforeAll(async () => {
    db = await createIsolatedTestDatabase();
    await seedOpsFixture(db);
    open = await startTestOpsApi(db, { env: { OPS_ALERT_FIRST_RESPONSE_P95_MS: '4000' } });
    secured = await startTestOpsApi(db, { env: { OPS_API_TOKEN: 'test-token-0123456789abcdef' } });
  }, 30_000);
  afterAll(async () => {
    await open?.close();
    await secured?.close();
    await db?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}, base = open.base) => fetch(`${base}${path}`, { headers });
  const json = async (path: string) => {
    const res = await get(path);
    return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- response bodies are probed field by field
  };

  it('returns the channel metrics with the alerts evaluated against the configured thresholds', async () => {
    const { status, body } = await json(`/api/v1/metrics/channels?${DAY}`);
    expect(status).toBe(200);
    expect(body.total).toMatchObject({ conversations: 4, inboundMessages: 6, outboundMessages: 7, aiResolved: 3, deadLetters: 3 });
    expect(Object.keys(body.channels)).toEqual(['email', 'whatsapp', 'web_form']);
    expect(body.thresholds).toEqual({ firstResponseP95Ms: 4000, escalationRate: 0.25, deadLetterGrowth: 0 });
    expect(body.maxRangeDays).toBe(31);
    const firing = body.alerts.filter((a: { firing: boolean }) => a.firing).map((a: { alert: string; scope: string }) => `${a.alert}/${a.scope}`);
    expect(firing).toEqual(expect.arrayContaining(['first_response_p95/total', 'escalation_rate/total', 'dlq_growth/total']));
    expect(firing).not.toContain('first_response_p95/whatsapp');
  });

  it('defaults to the last 24 hours', async () => {
    const { status, body } = await json('/api/v1/metrics/channels');
    expect(status).toBe(200);
    expect(Date.parse(body.window.to) - Date.parse(body.window.from)).toBe(86_400_000);
    expect(body.total.inboundMessages).toBe(0);
  });

  it.each([
    ['from=yesterday', 'from', /ISO 8601/],
    ['from=2025-03-11T00:00:00Z&to=2025-03-10T00:00:00Z', 'from', /before/],
    ['from=2025-01-01T00:00:00Z&to=2025-03-01T00:00:00Z', 'to', /31 days/],
    [`${DAY}&bucket=minute`, 'bucket', /./],
  ])('rejects %s with a field error', async (query, field, message) => {
    const { status, body } = await json(`/api/v1/metrics/channels?${query}`);
    expect(status).toBe(400);
    expect(body.error).toBe('validation_failed');
    expect(body.fields).toEqual([expect.objectContaining({ field, message: expect.stringMatching(message) })]);
  });

  it('serves the series and the daily digest', async () => {
    const series = await json(`/api/v1/metrics/series?${DAY}`);
    expect(series.body).toMatchObject({ bucket: 'hour', points: expect.any(Array) });
    expect(series.body.points).toHaveLength(24);
    const digest = await json('/api/v1/metrics/digest?date=2025-03-10');
    expect(digest.status).toBe(200);
    expect(digest.body.unansweredTopics[0]).toMatchObject({ topic: 'export pdf', count: 2 });
    expect((await json('/api/v1/metrics/digest?date=2025-02-30')).status).toBe(400);
    expect((await json('/api/v1/metrics/digest?date=2999-01-01')).body.fields[0].field).toBe('date');
    expect((await json('/api/v1/metrics/digest')).status).toBe(200);
  });

  it('traces a message by event id, 404 when unknown', async () => {
    const trace = await json('/api/v1/messages/email:e1/trace');
    expect(trace.status).toBe(200);
    expect(trace.body.steps.map((s: { stage: string }) => s.stage)).toEqual(['received', 'published', 'processed', 'reply_queued', 'reply_published', 'delivered']);
    expect((await json('/api/v1/messages/email:unknown/trace')).status).toBe(404);
  });

  it('reports aggregate health: degraded (200) with pending dead letters and no provider credentials', async () => {
    const { status, body } = await json('/api/v1/health');
    expect(status).toBe(200);
    expect(body.status).toBe('degraded');
    const byName = Object.fromEntries(body.components.map((c: { name: string; status: string }) => [c.name, c.status]));
    expect(byName).toMatchObject({
      database: 'healthy', event_bus: 'healthy', outbox: 'healthy', dead_letters: 'degraded',
      'credentials:gmail': 'degraded', 'credentials:twilio_whatsapp': 'degraded', 'credentials:openai': 'degraded',
    });
  });

  it('lists dead letters without their payloads', async () => {
    const { body } = await json('/api/v1/dead-letters?limit=2');
    expect(body.deadLetters).toHaveLength(2);
    expect(body.deadLetters[0]).toMatchObject({ id: 'dl-seed-0003', code: 'INVALID_JSON' });
    expect(JSON.stringify(body)).not.toContain('payload');
  });

  it('requires the bearer token when one is configured', async () => {
    const path = `/api/v1/metrics/channels?${DAY}`;
    const none = await get(path, {}, secured.base);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await get(path, { authorization: 'Bearer wrong-token-0123456789abcdef' }, secured.base)).status).toBe(401);
    expect((await get(path, { authorization: 'Bearer test-token-0123456789abcdef' }, secured.base)).status).toBe(200);
    expect((await get('/api/v1/health', {}, secured.base)).status).toBe(401);
    // The dashboard's static files hold no data and load without the token.
    expect((await get('/ops/', {}, secured.base)).status).toBe(200);
  });

  it('serves the dashboard and its chart library locally', async () => {
    const page = await get('/ops/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('vendor/chart.umd.min.js');
    const lib = await get('/ops/vendor/chart.umd.min.js');
    expect(lib.status).toBe(200);
    expect(lib.headers.get('content-type')).toMatch(/javascript/);
  });

  it('exports the alert and backlog gauges on /metrics', async () => {
    let text = '';
    for (let i = 0; i < 50 && !text.includes('ops_gauges_last_refresh_timestamp_seconds{'); i++) {
      text = await (await get('/metrics')).text();
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(text).toContain('ops_alert_threshold{alert="first_response_p95",service="test-ops"} 4000');
    expect(text).toMatch(/ops_alert_firing\{alert="dlq_growth",scope="total",service="test-ops"\} 0/);
    expect(text).toMatch(/ops_dead_letters_pending\{service="test-ops"\} 4/);
    expect(text).toMatch(/ops_outbox_backlog\{service="test-ops"\} 0/);
    expect(text).toMatch(/http_request_duration_seconds_count\{service="test-ops",method="GET",route="\/api\/v1\/messages\/:eventId\/trace",status="200"/);
  });
});
