import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { ConversationStore, DEFAULT_LIMITS, type WebChatConversation } from '../src/channels/botframework/web-chat/conversation-store.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';

type Json = Record<string, unknown>;
type Activity = Json & { id?: string; type: string; text?: string; from: { id: string; role?: string }; attachments?: { contentType: string; content: unknown }[] };
interface Conversation {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const FLAWED_DRAFT = "Sorry, that's not my department.";

async function startServer(env: Record<string, string> = {}): Promise<{ app: WarmlineServer; base: string }> {
  const app = createWarmlineServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', STORAGE: 'memory', ...env }), createLogger('silent'));
  return { app, base: await app.listen() };
}

/** A minimal Direct Line client over loopback HTTP, the way Web Chat talks to the endpoint. */
function client(base: string) {
  const dl = `${base}/v3/directline`;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  return {
    async start(body: Json = { user: { id: 'u_test' }, locale: 'en-US' }): Promise<Conversation> {
      const res = await fetch(`${dl}/conversations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status).toBe(201);
      return (await res.json()) as Conversation;
    },
    post(c: Conversation, activity: Json, token = c.token): Promise<Response> {
      return fetch(`${dl}/conversations/${c.conversationId}/activities`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...auth(token) },
        body: JSON.stringify(activity),
      });
    },
    async activities(c: Conversation, watermark = ''): Promise<{ activities: Activity[]; watermark: string }> {
      const res = await fetch(`${dl}/conversations/${c.conversationId}/activities?watermark=${watermark}`, { headers: auth(c.token) });
      expect(res.status).toBe(200);
      return (await res.json()) as { activities: Activity[]; watermark: string };
    },
    /** Polls like Web Chat does (every 100 ms here) until an activity matches; bounded so a failure is quick. */
    async waitFor(c: Conversation, match: (a: Activity) => boolean, watermark = '', timeoutMs = 5_000): Promise<{ activity: Activity; watermark: string }> {
      const deadline = Date.now() + timeoutMs;
      let mark = watermark;
      while (Date.now() < deadline) {
        const page = await this.activities(c, mark);
        const found = page.activities.find(match);
        if (found) return { activity: found, watermark: page.watermark };
        mark = page.watermark;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('no matching activity in time');
    },
  };
}

const fromBot = (a: Activity) => a.type === 'message' && a.from.role === 'bot';

/** Every "Use this" submit on a card, in order. */
function useActions(card: unknown): { action: string; text: string; style: string }[] {
  const found: { action: string; text: string; style: string }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Json;
    if (n.type === 'Action.Submit' && (n.data as Json | undefined)?.action === 'use') found.push(n.data as { action: string; text: string; style: string });
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

describe('offline Direct Line endpoint', () => {
  let app: WarmlineServer;
  let base: string;
  let dl: ReturnType<typeof client>;

  beforeAll(async () => {
    ({ app, base } = await startServer());
    dl = client(base);
  });
  afterAll(() => app.close());

  it('starts a conversation with a welcome, reviews a flawed draft and answers "Use this" with the text', async () => {
    const c = await dl.start();
    expect(c.conversationId).toMatch(/^[\w-]{16,}$/);
    expect(c.token.length).toBeGreaterThanOrEqual(32);
    expect(c.expires_in).toBeGreaterThan(0);
    expect(c.streamUrl).toBeUndefined(); // polling only

    const welcome = await dl.waitFor(c, fromBot);
    expect(welcome.activity.text).toMatch(/Warmline/);
    expect(welcome.activity.from.id).toBe('warmline');
    expect(welcome.activity.conversation).toEqual({ id: c.conversationId });

    const posted = await dl.post(c, { type: 'message', text: FLAWED_DRAFT, from: { id: 'someone-else' }, locale: 'en-US', channelData: { clientActivityID: 'abc123' } });
    expect(posted.status).toBe(200);
    const { id } = (await posted.json()) as { id: string };
    expect(id.startsWith(`${c.conversationId}|`)).toBe(true);

    // Web Chat sees its own message echoed (matched by clientActivityID), with the server's id and the token's user.
    const echo = await dl.waitFor(c, (a) => a.id === id, welcome.watermark);
    expect(echo.activity).toMatchObject({ type: 'message', text: FLAWED_DRAFT, from: { id: 'u_test', role: 'user' }, channelData: { clientActivityID: 'abc123' } });
    expect(typeof echo.activity.timestamp).toBe('string');
    expect(echo.activity.serviceUrl).toBe(`${base}/v3/directline`);

    const review = await dl.waitFor(c, (a) => fromBot(a) && (a.attachments ?? []).some((x) => x.contentType === ADAPTIVE_CARD), welcome.watermark);
    const card = review.activity.attachments!.find((x) => x.contentType === ADAPTIVE_CARD)!.content;
    expect(JSON.stringify(card)).toMatch(/not my department/i);
    const [use] = useActions(card);
    expect(use?.text).toBeTruthy();

    // A card's Action.Submit arrives as a message with a value and no text.
    const submit = await dl.post(c, { type: 'message', value: use, locale: 'en-US' });
    expect(submit.status).toBe(200);
    const chosen = await dl.waitFor(c, (a) => fromBot(a) && a.text === use!.text, review.watermark);
    expect(chosen.activity.attachments ?? []).toHaveLength(0);

    // The watermark means "after this": nothing is repeated.
    const after = await dl.activities(c, chosen.watermark);
    expect(after.activities).toEqual([]);
    expect(after.watermark).toBe(chosen.watermark);
  });

  it('refuses a wrong token (403), a missing token (401) and an unknown conversation (404)', async () => {
    const c = await dl.start();
    const wrong = await dl.post(c, { type: 'message', text: 'hi' }, 'not-the-token');
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBeTruthy();

    const other = await dl.start();
    expect((await dl.post(c, { type: 'message', text: 'hi' }, other.token)).status).toBe(403);

    const poll = await fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities`, { headers: { Authorization: `Bearer ${other.token}` } });
    expect(poll.status).toBe(403);
    const anonymous = await fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities`);
    expect(anonymous.status).toBe(401);

    const unknown = await dl.post({ ...c, conversationId: 'no-such-conversation' }, { type: 'message', text: 'hi' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
  });

  it('answers bad bodies with 400 and a JSON error, and keeps serving', async () => {
    const c = await dl.start();
    const url = `${base}/v3/directline/conversations/${c.conversationId}/activities`;
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${c.token}` };

    const malformed = await fetch(url, { method: 'POST', headers, body: '{"type": "message", "text": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/json/);
    expect(await malformed.json()).toBeTypeOf('object');

    for (const [body, message] of [
      [{ text: 'no type' }, /type/],
      [{ type: '' }, /type/],
      [{ type: 'conversationUpdate', membersAdded: [{ id: 'x' }] }, /cannot be posted/],
      [{ type: 'message', text: 42 }, /text/],
    ] as const) {
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    for (const body of ['[1,2]', '"message"', 'null']) {
      expect((await fetch(url, { method: 'POST', headers, body })).status).toBe(400);
    }
    const asText = await fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': 'text/plain' }, body: 'not json at all' });
    expect(asText.status).toBe(400);

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // The conversation still works after all that.
    const ok = await dl.post(c, { type: 'message', text: 'help' });
    expect(ok.status).toBe(200);
  });

  it('refreshes a token, and refuses to refresh an unknown one', async () => {
    const c = await dl.start();
    const refreshed = await fetch(`${base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { Authorization: `Bearer ${c.token}` } });
    expect(refreshed.status).toBe(200);
    expect(await refreshed.json()).toMatchObject({ conversationId: c.conversationId, token: c.token });
    const bad = await fetch(`${base}/v3/directline/tokens/refresh`, { method: 'POST', headers: { Authorization: 'Bearer nope' } });
    expect(bad.status).toBe(403);
  });

  it('offline token endpoint: opens a conversation that Web Chat then starts with the token', async () => {
    const res = await fetch(`${base}/api/directline/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId: 'u_page', locale: 'fi-FI' }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const session = (await res.json()) as { token: string; conversationId: string; mode: string; domain: string };
    expect(session).toMatchObject({ mode: 'offline', domain: '/v3/directline', token: expect.any(String), conversationId: expect.any(String) });

    // What DirectLineJS does with a token and no conversation id: POST /conversations with the token.
    const started = await fetch(`${base}/v3/directline/conversations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ user: { id: 'u_page' }, locale: 'fi-FI' }),
    });
    expect(started.status).toBe(200);
    const c = (await started.json()) as Conversation;
    expect(c.conversationId).toBe(session.conversationId);

    const welcome = await dl.waitFor(c, fromBot);
    expect(welcome.activity.text).toMatch(/^Hei/); // the locale from the page reached the bot
    const posted = await dl.post(c, { type: 'message', text: 'apua', from: { id: 'u_page' } });
    const echo = await dl.waitFor(c, (a) => a.type === 'message' && a.from.role === 'user', welcome.watermark);
    expect(echo.activity.id).toBe(((await posted.json()) as { id: string }).id);
    expect(echo.activity.from.id).toBe('u_page');

    // Starting again with the same token resumes, without a second welcome.
    await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { Authorization: `Bearer ${session.token}` } });
    const all = await dl.activities(c);
    expect(all.activities.filter((a) => fromBot(a) && /^Hei/.test(a.text ?? ''))).toHaveLength(1);
  });

  it('serves the page and the Web Chat bundle from this server, with no external URLs', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    const html = await page.text();
    expect(html).toMatch(/<title>Warmline<\/title>/);
    expect(html).toContain('src="/webchat/webchat.js"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script

    const client = await fetch(`${base}/webchat/warmline-chat.js`);
    expect(client.status).toBe(200);
    const clientJs = await client.text();
    expect(clientJs).toContain('renderWebChat');
    expect(clientJs).toContain('webSocket: false');
    expect(clientJs).not.toMatch(/https?:\/\//);

    const bundle = await fetch(`${base}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
    expect(bundle.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(bundle.headers.get('content-encoding')).toBe('gzip'); // fetch asks for gzip and unpacks it
    const js = await bundle.text();
    expect(js.length).toBeGreaterThan(1_000_000);
    expect(js).toContain('renderWebChat');
    const again = await fetch(`${base}/webchat/webchat.js`, { headers: { 'If-None-Match': bundle.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});

describe('Azure mode token endpoint', () => {
  let fake: Server;
  let fakeUrl: string;
  let seen: { authorization?: string; body: string }[];
  let answer: { status: number; body: Json };

  beforeAll(async () => {
    seen = [];
    fake = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        seen.push({ authorization: req.headers.authorization, body });
        if (req.url !== '/v3/directline/tokens/generate') {
          res.writeHead(404);
          res.end();
          return;
        }
        res.writeHead(answer.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}/v3/directline`;
  });
  afterAll(() => new Promise<void>((resolve) => fake.close(() => resolve())));

  it('exchanges the secret server-side and never returns it', async () => {
    answer = { status: 200, body: { conversationId: 'azure-conv', token: 'azure-token', expires_in: 3600 } };
    const { app, base } = await startServer({ DIRECT_LINE_SECRET: 'very-secret-value', DIRECT_LINE_ENDPOINT: fakeUrl });
    try {
      const res = await fetch(`${base}/api/directline/token`, { method: 'POST' });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toContain('very-secret-value');
      expect(JSON.parse(text)).toMatchObject({ token: 'azure-token', mode: 'azure' });
      expect(seen.at(-1)?.authorization).toBe('Bearer very-secret-value');
      expect(JSON.parse(seen.at(-1)!.body)).toMatchObject({ user: { id: expect.stringMatching(/^dl_/) } });

      // The page may connect to Azure, and only there.
      const csp = (await fetch(`${base}/`)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`connect-src 'self' ${new URL(fakeUrl).origin} ws://${new URL(fakeUrl).host}`);

      // Beside Azure Direct Line the offline endpoint is not served: nobody can open a conversation around it.
      expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);

      answer = { status: 403, body: { error: { code: 'Forbidden' } } };
      const refused = await fetch(`${base}/api/directline/token`, { method: 'POST' });
      expect(refused.status).toBe(502);
      expect(await refused.text()).not.toContain('very-secret-value');
    } finally {
      await app.close();
    }
  });
});

describe('who may use the built-in web chat (WEB_CHAT)', () => {
  const APP = { MicrosoftAppId: '2f1c1a3e-6c1d-4e57-9b5a-0a4c3c1e9d11', MicrosoftAppPassword: 'not-a-real-secret' };
  it('with an app id and no Direct Line secret, the offline endpoint is not served and the page is off', async () => {
    const { app, base } = await startServer(APP);
    try {
      expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST' })).status).toBe(404);
      expect((await fetch(`${base}/api/directline/token`, { method: 'POST' })).status).toBe(404);
    } finally {
      await app.close();
    }
  });
  it('WEB_CHAT=public opens it on purpose; WEB_CHAT=off closes it even on a laptop', async () => {
    const open = await startServer({ ...APP, WEB_CHAT: 'public' });
    try {
      expect((await fetch(`${open.base}/api/directline/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(200);
    } finally {
      await open.app.close();
    }
    const off = await startServer({ WEB_CHAT: 'off' });
    try {
      expect((await fetch(`${off.base}/`)).status).toBe(404);
    } finally {
      await off.app.close();
    }
  });
});

describe('hostile load on the offline Direct Line', () => {
  it('one address opening conversations in a loop gets 429 with Retry-After after its burst', async () => {
    const { app, base } = await startServer();
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status);
      expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
      const limited = await fetch(`${base}/api/directline/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    } finally {
      await app.close();
    }
  });
});

describe('conversation store bounds', () => {
  const at = (clock: { t: number }) => () => clock.t;
  const texts = async (store: ConversationStore, c: WebChatConversation) => (await store.since(c, 0)).activities.map((a) => a.text);

  it('evicts the least recently used conversation beyond the cap', async () => {
    const store = new ConversationStore({ ...DEFAULT_LIMITS, maxConversations: 3 });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => store.create({ serviceUrl: 'http://x' })));
    await store.touch(a!); // a is now the youngest; b is the oldest
    const d = await store.create({ serviceUrl: 'http://x' });
    expect(store.size).toBe(3);
    expect(await store.get(b!.id)).toBeUndefined();
    for (const kept of [a!, c!, d]) expect(await store.get(kept.id)).toBe(kept);
  });

  it('keeps only the newest activities of a conversation, by count and by bytes', async () => {
    const store = new ConversationStore({ ...DEFAULT_LIMITS, maxActivitiesPerConversation: 5, maxBytesPerConversation: 2_000 });
    const c = await store.create({ serviceUrl: 'http://x' });
    for (let i = 0; i < 12; i++) await store.append(c, { type: 'message', text: `m${i}` });
    expect(await texts(store, c)).toEqual(['m7', 'm8', 'm9', 'm10', 'm11']);
    expect((await store.since(c, 0)).watermark).toBe('12');
    await store.append(c, { type: 'message', text: 'x'.repeat(1_500) });
    expect(store.bytesOf(c)).toBeLessThanOrEqual(2_000);
    expect((await texts(store, c)).at(-1)).toHaveLength(1_500);
  });

  it('forgets idle conversations and refuses expired tokens', async () => {
    const clock = { t: 1_000_000 };
    const store = new ConversationStore({ ...DEFAULT_LIMITS, idleMs: 60_000, tokenTtlSeconds: 30 }, at(clock));
    const c = await store.create({ serviceUrl: 'http://x' });
    clock.t += 31_000;
    expect(await store.tokenMatches(c, c.token)).toBe(false);
    await store.refreshToken(c);
    expect(await store.tokenMatches(c, c.token)).toBe(true);
    clock.t += 61_000;
    expect(await store.get(c.id)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('never drops the conversation being written to keep the byte budget, even the least recently used', async () => {
    const store = new ConversationStore({ ...DEFAULT_LIMITS, maxTotalBytes: 5_000 });
    const old = await store.create({ serviceUrl: 'http://x' });
    const recent = await store.create({ serviceUrl: 'http://x' });
    await store.append(recent, { type: 'message', text: 'r'.repeat(2_000) });
    await store.append(old, { type: 'message', text: 'o'.repeat(3_500) });
    expect(await store.get(recent.id)).toBeUndefined();
    expect(await texts(store, old)).toEqual(['o'.repeat(3_500)]);
  });

  it('counts only the user\'s use as activity: the bot writing does not keep an idle conversation alive', async () => {
    const clock = { t: 1_000_000 };
    const store = new ConversationStore({ ...DEFAULT_LIMITS, idleMs: 60_000 }, at(clock));
    const [idle, used] = [await store.create({ serviceUrl: 'http://x' }), await store.create({ serviceUrl: 'http://x' })];
    clock.t += 50_000;
    await store.append(idle, { type: 'message', text: 'a late card update' });
    await store.touch(used);
    clock.t += 11_000;
    expect(await store.sweep()).toBe(1);
    expect(await store.get(idle.id)).toBeUndefined();
    expect(await store.get(used.id)).toBe(used);
  });

  it('drops whole old conversations when over the total byte budget', async () => {
    const store = new ConversationStore({ ...DEFAULT_LIMITS, maxTotalBytes: 5_000 });
    const old = await store.create({ serviceUrl: 'http://x' });
    await store.append(old, { type: 'message', text: 'o'.repeat(3_000) });
    const recent = await store.create({ serviceUrl: 'http://x' });
    await store.append(recent, { type: 'message', text: 'r'.repeat(3_000) });
    expect(await store.get(old.id)).toBeUndefined();
    expect(await store.get(recent.id)).toBe(recent);
  });
});
