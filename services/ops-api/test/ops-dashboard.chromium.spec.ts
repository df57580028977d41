import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createIsolatedTestDatabase, type IsolatedTestDatabase } from '@cs/db';
import { infraRequired } from '@cs/testing';
import { generateOpsHistory } from '@cs/core/src/ops/testing/ops-history.fixture';
import { startTestOpsApi, type TestOpsApi } from './ops-api-harness';

// The dashboard in headless Chromium (Debian's, scripts/infra/chromium.sh) on a day of generated traffic.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync'];
/** Where the screenshot goes, to look at (CI keeps it with the run's files). */
export const SCREENSHOT = join(__dirname, '..', '..', '..', '.data', 'screenshots', 'ops-dashboard.png');

const available = existsSync(CHROMIUM);
if (!available && infraRequired()) {
  throw new Error(`CS_REQUIRE_INFRA=1 but ${CHROMIUM} is missing. Run: bash scripts/infra/chromium.sh`);
}
const describeWithChromium = available ? describe : describe.skip;

describeWithChromium('ops dashboard in headless Chromium', () => {
  let db: IsolatedTestDatabase;
  let ops: TestOpsApi;
  let browser: Browser;

  beforeAll(async () => {
    db = await createIsolatedTestDatabase();
    await generateOpsHistory(db, { messages: 4000, days: 1 });
    ops = await startTestOpsApi(db);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await ops?.close();
    await db?.close();
  });

  it('renders the alerts, the channel table and four charts with something drawn in each', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1100 } });
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (msg) => msg.type() === 'error' && problems.push(msg.text()));
    await page.goto(`${ops.base}/ops/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });

    expect(await page.locator('#login').isVisible()).toBe(false);
    expect(await page.locator('#alerts .card').count()).toBe(3);
    expect(await page.locator('#channels tbody tr').count()).toBe(4);
    expect(await page.locator('#health').textContent()).toMatch(/healthy|degraded/);
    // Each canvas: share of pixels that are not transparent. A chart with axes, bars or lines is well above 1 %.
    const inked = await page.$$eval('canvas', (canvases) =>
      canvases.map((canvas) => {
        // Typed by hand: the project compiles without the DOM library.
        const c = canvas as unknown as { id: string; width: number; height: number; getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } };
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let drawn = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) drawn += 1;
        return { id: c.id, width: c.width, share: drawn / (c.width * c.height) };
      }),
    );
    expect(inked.map((c) => c.id)).toEqual(['chart-volume', 'chart-latency', 'chart-reasons', 'chart-dlq']);
    for (const chart of inked) {
      expect(chart.width).toBeGreaterThan(200);
      expect(chart.share).toBeGreaterThan(0.01);
    }
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);
});
