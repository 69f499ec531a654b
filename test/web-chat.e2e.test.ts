import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';

/** Debian's Chromium (CI installs it with apt-get); a browser is never downloaded. */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const SCREENSHOT = '/tmp/warmline-webchat.png';
const FLAWED_DRAFT = "Sorry, that's not my department. You will have to call billing.";

if (!haveChromium) console.warn(`web chat e2e skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)`);

describe.skipIf(!haveChromium)('web chat in headless Chromium (needs /usr/bin/chromium)', () => {
  let app: WarmlineServer;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    app = createWarmlineServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), createLogger('silent'));
    base = await app.listen();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
      timeout: 15_000,
    });
    page = await browser.newPage({ locale: 'en-US', viewport: { width: 1000, height: 900 } });
    page.setDefaultTimeout(10_000);
    // Page errors and CSP violations would mean the page only works by luck.
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('reviews a draft typed into Web Chat and posts the chosen alternative', async () => {
    // Any request off this server would mean a CDN or other external dependency slipped in.
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith('data:') && !request.url().startsWith('blob:')) external.push(request.url());
    });

    await page.goto(base, { waitUntil: 'domcontentloaded' });
    await expect(page.title()).resolves.toBe('Warmline');
    // The visible transcript (Web Chat also mirrors everything into a screen-reader live region).
    const transcript = page.locator('.webchat__basic-transcript__transcript');

    // The welcome from the bot proves the whole offline Direct Line loop (token, start, poll).
    await transcript.locator('.webchat__bubble').getByText(/Warmline: a second read before you send/).first().waitFor();

    const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
    await sendBox.fill(FLAWED_DRAFT);
    await sendBox.press('Enter');
    await transcript.locator('.webchat__bubble--from-user').getByText(FLAWED_DRAFT).waitFor();

    // The review card: a quoted finding from the draft, and alternatives each with "Use this".
    const useThis = transcript.getByRole('button', { name: 'Use this' }).first();
    await useThis.waitFor();
    const card = useThis.locator('xpath=ancestor::div[contains(@class, "ac-adaptiveCard")][last()]');
    const cardText = await card.innerText();
    expect(cardText).toMatch(/“[^”]*not my department[^”]*”/i); // the finding quotes the draft
    expect(cardText).toMatch(/Alternatives/);

    // The innermost card container around the first button holds the suggestion it posts.
    const suggestion = await useThis.locator('xpath=ancestor::div[contains(@class, "ac-container")][1]').innerText();
    expect(suggestion.trim().length).toBeGreaterThan(20);

    const botBubbles = transcript.locator('.webchat__bubble:not(.webchat__bubble--from-user)');
    const before = await botBubbles.count();
    await useThis.click();
    await expect.poll(() => botBubbles.count(), { timeout: 10_000 }).toBeGreaterThan(before);

    // "Use this" answers with the chosen text as a plain message (no card).
    const chosen = botBubbles.last();
    const chosenText = (await chosen.innerText()).trim();
    expect(chosenText.length).toBeGreaterThan(20);
    expect(suggestion).toContain(chosenText);
    expect(await chosen.locator('.ac-adaptiveCard').count()).toBe(0);

    await chosen.scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
  }, 30_000);
});
