import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntraSignIn } from '../src/channels/auth/entra-sign-in.js';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig, signInSettings } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { AgentNames } from '../src/store/agent-names.js';
import { ReviewEventLog } from '../src/store/review-event-log.js';
import { startFakeOidc, type FakeOidc } from './support/fake-oidc.js';
import { testKnowledgeBase } from './kb-fixture.js';

// Issue 9, part 3: with an app id, the dashboard opens only after sign-in with Entra ID (OIDC, code + PKCE), for
// supervisors of an allowed tenant. Entra is played by a loopback OpenID provider.
const freePort = () => new Promise<number>((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const port = (s.address() as { port: number }).port;
    s.close(() => resolve(port));
  });
});

describe('sign-in with Entra ID for the dashboard', () => {
  let oidc: FakeOidc;
  let database: Database;
  let events: ReviewEventLog;
  let app: WarmlineServer;
  let base: string;

  beforeAll(async () => {
    oidc = await startFakeOidc('app-id-1');
    const port = await freePort();
    const config = loadConfig({
      PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', MicrosoftAppId: 'app-id-1', MicrosoftAppPassword: 'secret',
      ALLOWED_TENANTS: 'tenant-a', PUBLIC_URL: `http://127.0.0.1:${port}`, SESSION_SECRET: 'x'.repeat(40), SIGN_IN_ISSUER: oidc.issuer,
    });
    database = await openDatabase({ dataDir: 'memory://' });
    events = await ReviewEventLog.open(database.db);
    const signIn = await EntraSignIn.create({ ...signInSettings(config)!, insecure: true });
    app = createWarmlineServer(config, createLogger('silent'), await testKnowledgeBase(), undefined, database, events, signIn);
    base = await app.listen();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await events?.close();
    await database?.close();
    await oidc?.close();
  });

  /** Follows the browser's redirects by hand, carrying cookies; returns the last response and the cookie jar. */
  async function browse(path: string, jar = new Map<string, string>()): Promise<{ res: Response; jar: Map<string, string> }> {
    let url = new URL(path, base).href;
    for (let hop = 0; hop < 8; hop++) {
      const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const res = await fetch(url, { redirect: 'manual', headers: url.startsWith(base) && cookie ? { cookie } : {} });
      for (const set of res.headers.getSetCookie()) {
        const [pair] = set.split(';');
        const [k, ...v] = pair!.split('=');
        if (/Max-Age=0/.test(set)) jar.delete(k!);
        else jar.set(k!, v.join('='));
      }
      const location = res.headers.get('location');
      if (res.status !== 302 || !location) return { res, jar };
      url = new URL(location, url).href;
    }
    throw new Error('too many redirects');
  }

  it('sends a stranger to sign in, and lets a supervisor of an allowed tenant in', async () => {
    const first = await fetch(`${base}/dashboard`, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/auth/login?returnTo=%2Fdashboard');
    expect((await fetch(`${base}/dashboard.csv`)).status).toBe(401);
    oidc.user = { oid: 'oid-sup', tid: 'tenant-a', name: 'Sam', roles: ['Supervisor'] };
    const { res, jar } = await browse('/dashboard');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Caught before sending');
    expect(jar.has('wl_session')).toBe(true);
    // A forged session cookie is no session.
    const forged = await fetch(`${base}/dashboard`, { redirect: 'manual', headers: { cookie: `wl_session=${jar.get('wl_session')!.replace(/.$/, 'x')}` } });
    expect(forged.status).toBe(302);
  });

  it("a supervisor sees their own tenant's figures and the names it mapped, never another tenant's", async () => {
    const review = (tenant: string, user: string) => events.record({ kind: 'review', reviewId: `${tenant}-${user}`, caller: { user, tenant, site: 'chat', channel: 'msteams' }, lang: 'en', verdict: 'send', mode: 'offline', findings: [] });
    review('tenant-a', 'ann');
    review('tenant-c', 'cid');
    await events.flush();
    const names = new AgentNames(database.db);
    await names.set('tenant-a', events.agentId('tenant-a', 'ann'), 'Ann of A');
    await names.set('tenant-c', events.agentId('tenant-c', 'cid'), 'Cid of C');
    oidc.user = { oid: 'oid-sup', tid: 'tenant-a', name: 'Sam', roles: ['Supervisor'] };
    const { res, jar } = await browse('/dashboard');
    const page = await res.text();
    expect(page).toContain('Ann of A');
    expect(page).not.toContain('Cid of C');
    expect(page).not.toContain(events.agentId('tenant-c', 'cid'));
    const csv = await (await browse('/dashboard.csv?table=agents', jar)).res.text();
    expect(csv).toContain(`${events.agentId('tenant-a', 'ann')},Ann of A,`);
    expect(csv).not.toContain('Cid of C');
  });

  it('refuses an agent who is no supervisor (403) and a user of another tenant (403)', async () => {
    oidc.user = { oid: 'oid-agent', tid: 'tenant-a', name: 'Alex', roles: [] };
    expect((await browse('/dashboard')).res.status).toBe(403);
    oidc.user = { oid: 'oid-x', tid: 'tenant-b', name: 'Eve', roles: ['Supervisor'] };
    expect((await browse('/dashboard')).res.status).toBe(403);
  });

  it('a callback that did not start here, or with a wrong state, is refused plainly', async () => {
    expect((await fetch(`${base}/auth/callback?code=x&state=y`)).status).toBe(400);
    const login = await fetch(`${base}/auth/login?returnTo=/dashboard`, { redirect: 'manual' });
    const flow = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const res = await fetch(`${base}/auth/callback?code=nope&state=wrong`, { headers: { cookie: flow } });
    expect(res.status).toBe(401);
    expect(await res.text()).not.toMatch(/state|oauth|Error:/i);
    // returnTo is a path on this server only: no open redirect.
    for (const target of ['https://evil.example', '//evil.example/x']) {
      const open = await fetch(`${base}/auth/login?returnTo=${encodeURIComponent(target)}`, { redirect: 'manual' });
      const signed = decodeURIComponent(open.headers.getSetCookie()[0]!.split(';')[0]!.split('=')[1]!);
      expect(JSON.parse(Buffer.from(signed.split('.')[0]!, 'base64url').toString('utf8')).returnTo).toBe('/');
    }
  });

  it('with an app id, the built-in web chat is served behind sign-in: the page, the token and a new conversation need the session', async () => {
    expect((await fetch(`${base}/`, { redirect: 'manual' })).headers.get('location')).toBe('/auth/login?returnTo=%2F');
    expect((await fetch(`${base}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    oidc.user = { oid: 'oid-agent-2', tid: 'tenant-a', name: 'Alex', roles: [] };
    const { res, jar } = await browse('/');
    expect(res.status).toBe(200);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const token = await fetch(`${base}/api/directline/token`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ userId: 'someone-else' }) });
    expect(token.status).toBe(200);
    const session = (await token.json()) as { token: string; conversationId: string };
    // The conversation belongs to the signed-in person, whatever user id the page sent.
    const poll = await fetch(`${base}/v3/directline/conversations/${session.conversationId}/activities`, { headers: { Authorization: `Bearer ${session.token}` } });
    expect(poll.status).toBe(200);
    const posted = await fetch(`${base}/v3/directline/conversations/${session.conversationId}/activities`, { method: 'POST', headers: { 'content-type': 'application/json', Authorization: `Bearer ${session.token}` }, body: JSON.stringify({ type: 'message', text: 'hi', from: { id: 'someone-else' } }) });
    expect(posted.status).toBe(200);
    const page = (await (await fetch(`${base}/v3/directline/conversations/${session.conversationId}/activities`, { headers: { Authorization: `Bearer ${session.token}` } })).json()) as { activities: { from: { id: string; role?: string } }[] };
    const mine = page.activities.find((a) => a.from.role === 'user')!;
    expect(mine.from.id).toMatch(/^u_[0-9a-f]{24}$/);
  });
});

