import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { FROM_DEBIAN, requireFile } from './support/prerequisites.js';

/** Debian's Chromium (CI installs it with apt-get); a browser is never downloaded. */
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/warmline-webchat.png';
/** Screenshots of every flow, kept as test artefacts (CI can upload the folder). */
const ARTEFACTS = 'test-artifacts';
const FLAWED_DRAFT = "Sorry, that's not my department. You will have to call billing.";

describe('web chat in headless Chromium', () => {
  let app: WarmlineServer;
  let base: string;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    app = createWarmlineServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', STORAGE: 'memory' }), createLogger('silent'));
    base = await app.listen();
    browser = await chromium.launch({
      executablePath: requireFile(CHROMIUM, FROM_DEBIAN('chromium')),
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
    page.on('requestfailed', (request) => {
      // Web Chat itself abandons a poll for activities when it starts the next one (after a post, or when a slow
      // machine holds the poll past its own timeout): an aborted GET poll is the client's choice, not a failure.
      const abandonedPoll = request.method() === 'GET' && /\/activities(\?|$)/.test(request.url()) && request.failure()?.errorText === 'net::ERR_ABORTED';
      if (!abandonedPoll) problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
    });
  }, 30_000);

  // Each test answers for the problems seen while it ran.
  beforeEach(() => {
    problems.length = 0;
  });

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
    // One-click copy: the click puts the alternative on the clipboard as well (issue 8).
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await useThis.click();
    await expect.poll(() => botBubbles.count(), { timeout: 10_000 }).toBeGreaterThan(before);
    await page.locator('#status.copied').getByText(/Copied to the clipboard/).waitFor();

    // "Use this" answers with the chosen text as a plain message (no card).
    const chosen = botBubbles.last();
    const chosenText = (await chosen.innerText()).trim();
    expect(chosenText.length).toBeGreaterThan(20);
    expect(suggestion).toContain(chosenText);
    expect(await chosen.locator('.ac-adaptiveCard').count()).toBe(0);
    // The clipboard holds the agent's text as written; the bubble's Markdown shows ' as ’.
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.replace(/'/g, '’')).toBe(chosenText.replace(/'/g, '’'));

    await chosen.scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
    expect(external).toEqual([]);
    expect(problems).toEqual([]);
  }, 30_000);

  /** Sends a message and waits for as many new bot bubbles as expected; returns the new bubbles' text. */
  async function say(text: string, replies = 1): Promise<string> {
    const transcript = page.locator('.webchat__basic-transcript__transcript');
    const botBubbles = transcript.locator('.webchat__bubble:not(.webchat__bubble--from-user)');
    const before = await botBubbles.count();
    const sendBox = page.locator('[data-id="webchat-sendbox-input"]');
    await sendBox.fill(text);
    await sendBox.press('Enter');
    await expect.poll(() => botBubbles.count(), { timeout: 10_000 }).toBeGreaterThanOrEqual(before + replies);
    const texts: string[] = [];
    for (let i = before; i < (await botBubbles.count()); i++) texts.push(await botBubbles.nth(i).innerText());
    return texts.join('\n');
  }

  it('a draft with markup shows as text: no element, no script', async () => {
    await page.goto(base, { waitUntil: 'domcontentloaded' });
    await page.locator('.webchat__bubble').getByText(/Warmline: a second read before you send/).first().waitFor();
    const shown = await say('<img src=x onerror="window.__xss=1"> Sorry, that is not my department.');
    expect(shown).toMatch(/not my department/);
    expect(await page.locator('.webchat__basic-transcript__transcript img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTEFACTS}/webchat-markup-draft.png` });
  }, 30_000);

  it.each([
    ['fi', 'moikka', /Liitä vastausluonnos/, 'mitä ohjeistus sanoo siirroista?', /Mitä ohjeistus sanoo/, 'Ei kuulu meille, soita myöhemmin.', /Revise before sending|Don't send this/],
    ['pl', 'cześć', /Wklej szkic odpowiedzi/, 'co mówią wytyczne o przełączaniu?', /Co mówią nasze wytyczne/, 'To nie mój dział, proszę zadzwonić później.', /Revise before sending|Don't send this/],
    ['hu', 'szia', /Illeszd be a válaszpiszkozatot/, 'mit mondanak az irányelvek a visszahívásról?', /Mit mondanak az irányelveink/, 'Ez nem az én osztályom, hívjon később.', /Revise before sending|Don't send this/],
    ['en', 'hi', /Paste a draft reply/, 'what does our guidance say about transfers?', /What our guidance says/, "That's not my department, call back later.", /Revise before sending|Don't send this/],
  ])('%s: greeting and guidance in the language written, a review (card in the client\'s locale) and practice, from an English client', async (lang, hello, helloReply, question, guidanceReply, draft, verdict) => {
    await page.goto(base, { waitUntil: 'domcontentloaded' });
    await page.locator('.webchat__bubble').getByText(/Warmline: a second read before you send/).first().waitFor();
    expect(await say(hello)).toMatch(helloReply);
    expect(await say(question)).toMatch(guidanceReply);
    expect(await say(draft)).toMatch(verdict);
    const practice = { fi: 'harjoitellaan', pl: 'poćwiczmy', hu: 'gyakoroljunk', en: "let's practise" }[lang]!;
    expect((await say(practice, 2)).length).toBeGreaterThan(20);
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTEFACTS}/webchat-${lang}.png`, fullPage: true });
    expect(problems).toEqual([]);
  }, 60_000);
});
