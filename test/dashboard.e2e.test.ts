import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { demoEvents } from '../src/store/demo-events.js';
import { ReviewEventLog } from '../src/store/review-event-log.js';
import { testKnowledgeBase } from './kb-fixture.js';
import { FROM_DEBIAN, requireFile } from './support/prerequisites.js';

// Issue 10: the supervisors' dashboard in a real browser, on seeded events: the numbers a user sees.
const CHROMIUM = '/usr/bin/chromium';
const ARTEFACTS = 'test-artifacts';

describe('the dashboard in headless Chromium', () => {
  let database: Database;
  let events: ReviewEventLog;
  let app: WarmlineServer;
  let base: string;
  let browser: Browser;
  const seeded = demoEvents({ days: 14, seed: 7, now: new Date() });

  beforeAll(async () => {
    requireFile(CHROMIUM, FROM_DEBIAN('chromium'));
    database = await openDatabase({ dataDir: 'memory://' });
    events = await ReviewEventLog.open(database.db, { maxQueue: 100_000 });
    for (const e of seeded) events.record(e);
    await events.flush();
    app = createWarmlineServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), createLogger('silent'), await testKnowledgeBase(), undefined, database, events);
    base = await app.listen();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'], timeout: 15_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await events?.close();
    await database?.close();
  });

  it('shows the seeded figures in tables under drawn charts, with nothing loaded from elsewhere', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && problems.push(`external: ${r.url()}`));
    await page.goto(`${base}/dashboard?days=30`);

    // Reviews of the newest seeded day, as the table shows them.
    const reviews = seeded.filter((e) => e.kind === 'review');
    const lastDay = reviews.map((e) => e.at!.toISOString().slice(0, 10)).sort().at(-1)!;
    const expectedThatDay = reviews.filter((e) => e.at!.toISOString().slice(0, 10) === lastDay).length;
    const row = page.locator('table').first().locator('tr', { hasText: lastDay });
    await expect.poll(async () => (await row.locator('td').nth(1).innerText()).trim()).toBe(String(expectedThatDay));

    // "Caught before sending": drafts with a major or critical finding that went out as an alternative or preview.
    const serious = new Set(reviews.filter((e) => e.findings!.some((f) => f.severity !== 'minor')).map((e) => e.reviewId));
    const fixed = new Set(seeded.filter((e) => e.kind === 'choice' && serious.has(e.reviewId)).map((e) => e.reviewId));
    expect(await page.locator('[data-figure="caught"]').innerText()).toBe(`${Math.round((100 * fixed.size) / serious.size)}%`);

    // Practice scores: every seeded practice answer is counted in the table under the practice chart.
    const practiceRows = page.locator('section[aria-labelledby="practice"] tbody tr');
    const answers = (await practiceRows.evaluateAll((rows) => rows.map((r) => Number(r.children[1]?.textContent)))).reduce((a, b) => a + b, 0);
    expect(answers).toBe(seeded.filter((e) => e.kind === 'practice').length);
    expect(answers).toBeGreaterThan(0);
    expect(await page.locator('canvas#chart-practice').evaluate((c: HTMLCanvasElement) => c.width > 0)).toBe(true);

    // The charts were drawn by Chart.js (served by this server), and nothing failed or came from elsewhere.
    expect(await page.evaluate(() => typeof (window as unknown as { Chart?: unknown }).Chart)).toBe('function');
    expect(await page.locator('canvas#chart-per-day').evaluate((c: HTMLCanvasElement) => c.width > 0)).toBe(true);
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTEFACTS}/dashboard.png`, fullPage: true });
    expect(problems).toEqual([]);

    // The CSV is the same table.
    const csv = await (await fetch(`${base}/dashboard.csv?days=30`)).text();
    expect(csv.split('\n')[0]).toBe('day,reviews,flagged');
    expect(csv).toContain(`${lastDay},${expectedThatDay},`);
  }, 60_000);
});
