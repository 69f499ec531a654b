import { mkdirSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { DEMO_TEAMS, demoEvents } from '../src/store/demo-events.js';
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
    for (const team of DEMO_TEAMS) events.nameTeam('demo', team.id, team.name);
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

  it('the team filter lists the seeded teams and narrows the tables, the caught share and the CSV to the team chosen', async () => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(`${base}/dashboard?days=30`);
    const select = page.locator('select[name="team"]');
    expect((await select.locator('option').allInnerTexts()).map((t) => t.trim())).toEqual(['all', 'Billing', 'Returns', 'Tech support', 'group chats', 'personal chats']);

    await select.selectOption({ label: 'Returns' });
    await Promise.all([page.waitForURL(/team=/), page.getByRole('button', { name: 'Show' }).click()]);
    const returns = DEMO_TEAMS.find((t) => t.name === 'Returns')!.id;
    expect(await select.inputValue()).toBe(returns);

    // The newest day on which Returns reviewed anything, as its row shows it, and the team's caught share.
    const reviews = seeded.filter((e) => e.kind === 'review' && e.caller.team === returns);
    const day = reviews.map((e) => e.at!.toISOString().slice(0, 10)).sort().at(-1)!;
    const thatDay = reviews.filter((e) => e.at!.toISOString().slice(0, 10) === day).length;
    const everyone = seeded.filter((e) => e.kind === 'review' && e.at!.toISOString().slice(0, 10) === day).length;
    expect(thatDay).toBeLessThan(everyone); // so the row below can only show the filter working
    const row = page.locator('table').first().locator('tr', { hasText: day });
    expect((await row.locator('td').nth(1).innerText()).trim()).toBe(String(thatDay));
    const serious = new Set(reviews.filter((e) => e.findings!.some((f) => f.severity !== 'minor')).map((e) => e.reviewId));
    const fixed = new Set(seeded.filter((e) => e.kind === 'choice' && serious.has(e.reviewId)).map((e) => e.reviewId));
    expect(await page.locator('[data-figure="caught"]').innerText()).toBe(`${Math.round((100 * fixed.size) / serious.size)}%`);
    // Practice happens in the personal chat, so no practice answer belongs to the team.
    expect(await page.locator('section[aria-labelledby="practice"] tbody').innerText()).toContain('No practice in this range yet.');

    // The CSV link on the page carries the filter: the same rows, summed over the range.
    const href = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const csv = await (await fetch(`${base}${href}`)).text();
    expect(csv).toContain(`${day},${thatDay},`);
    expect(csv.trim().split('\n').slice(1).reduce((n, line) => n + Number(line.split(',')[1]), 0)).toBe(reviews.length);
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTEFACTS}/dashboard-team.png`, fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);
});
