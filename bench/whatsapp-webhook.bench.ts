/**
 * npx tsx bench/whatsapp-webhook.bench.ts [--rate 100] [--seconds 10]
 * Signed Twilio webhooks at a fixed rate against ingress-whatsapp's HTTP route (signature check, form parsing, the
 * event committed to the outbox). Runs on PostgreSQL from infra:up when .infra.env is there, else on PGlite; the
 * outbox relay is not running, so the figure is the webhook's own latency. Target: p99 < 50 ms on a laptop.
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createIsolatedTestDatabase } from '@cs/db';
import { createHttpApp, errorHandler } from '@cs/http';
import { createWhatsappWebhookRouter } from '@cs/ingress-whatsapp';
import { createLogger, createMetricsRegistry } from '@cs/observability';
import { FakeTwilioServer, readInfraEnvFile } from '@cs/testing';
import { atFixedRate, summarize } from './bench-stats';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '100' }, seconds: { type: 'string', default: '10' } } });
const rate = Number(values.rate);
const total = Math.round(rate * Number(values.seconds));

async function main(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? readInfraEnvFile().TEST_DATABASE_URL;
  const db = await createIsolatedTestDatabase(url ? { url, poolMax: 10 } : {});
  const twilio = new FakeTwilioServer();
  const logger = createLogger({ service: 'bench', level: 'silent' });
  const registry = createMetricsRegistry('bench', { defaultMetrics: false });
  const app = createHttpApp({ service: 'bench', logger, registry, readiness: [] });
  app.use(createWhatsappWebhookRouter({ db, relay: { kick: () => undefined }, authToken: twilio.authToken, publicBaseUrl: 'https://support.example.com' }));
  app.use(errorHandler(logger));
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
  const send = (i: number) =>
    twilio.callWebhook(local, twilio.inboundParams({ from: `+1415555${String(i % 10_000).padStart(4, '0')}`, body: `Benchmark message ${i}`, profileName: 'Bench' }), {
      signedUrl: 'https://support.example.com/webhooks/whatsapp',
    });

  for (let i = 0; i < 50; i++) await send(total + i); // warm-up: JIT, pool, prepared plans
  const latencies: number[] = [];
  let failures = 0;
  const seconds = await atFixedRate(rate, total, async (i) => {
    const started = performance.now();
    const res = await send(i);
    await res.text();
    latencies.push(performance.now() - started);
    if (res.status !== 200) failures += 1;
  });
  const s = summarize(latencies);
  console.log(`WhatsApp webhook on ${url ? 'PostgreSQL' : 'PGlite'}: ${s.n} requests at ${rate}/s in ${seconds.toFixed(1)} s, ${failures} failed`);
  console.log(`latency ms  p50 ${s.p50.toFixed(1)}  p95 ${s.p95.toFixed(1)}  p99 ${s.p99.toFixed(1)}  max ${s.max.toFixed(1)}  mean ${s.mean.toFixed(1)}`);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.close();
  process.exit(failures > 0 ? 1 : 0);
}

void main();
