import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { publishKnowledge } from '../src/cli/kb-publish-cli.js';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { DatabaseApiKeys } from '../src/channels/http-api/api-keys.js';
import { ApiKeyTable } from '../src/store/api-key-table.js';
import { transcriptKey, WebChatTable } from '../src/store/web-chat-table.js';
import { databaseTargets } from './support/databases.js';
import { testKnowledgeBase } from './kb-fixture.js';

type Activity = { id?: string; type: string; text?: string; from: { role?: string }; attachments?: { contentType: string; content: unknown }[] };
interface Conversation {
  conversationId: string;
  token: string;
}

/** Direct Line as Web Chat uses it, against whichever instance the load balancer picked. */
const dl = {
  async start(base: string): Promise<Conversation> {
    const res = await fetch(`${base}/v3/directline/conversations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: { id: 'u_lb' }, locale: 'en-US' }) });
    expect(res.status).toBe(201);
    return (await res.json()) as Conversation;
  },
  async say(base: string, c: Conversation, text: string): Promise<void> {
    const res = await fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${c.token}` },
      body: JSON.stringify({ type: 'message', text, from: { id: 'u_lb' }, locale: 'en-US' }),
    });
    expect(res.status).toBe(200);
  },
  async poll(base: string, c: Conversation, watermark: string): Promise<{ activities: Activity[]; watermark: string }> {
    const res = await fetch(`${base}/v3/directline/conversations/${c.conversationId}/activities?watermark=${watermark}`, { headers: { Authorization: `Bearer ${c.token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as { activities: Activity[]; watermark: string };
  },
  /** Polls (bounded) until the bot has said something matching; returns it and the watermark after it. */
  async waitFor(base: string, c: Conversation, pattern: RegExp, watermark = ''): Promise<{ text: string; watermark: string }> {
    let mark = watermark;
    for (let i = 0; i < 100; i++) {
      const page = await this.poll(base, c, mark);
      const found = page.activities.find((a) => a.from.role === 'bot' && pattern.test(`${a.text ?? ''} ${JSON.stringify(a.attachments ?? '')}`));
      if (found) return { text: `${found.text ?? ''} ${JSON.stringify(found.attachments ?? '')}`, watermark: page.watermark };
      mark = page.watermark;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no bot message matching ${pattern} in time`);
  },
};

describe.each(databaseTargets())('two instances on one database ($name): any instance serves any web-chat user', (target) => {
  const apps: WarmlineServer[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await target.closeAll();
  });

  async function instance(): Promise<string> {
    const app = createWarmlineServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), createLogger('silent'), await testKnowledgeBase(), undefined, await target.open());
    apps.push(app);
    return app.listen();
  }

  it('a conversation started on A is polled on B; a practice begun on B goes on through A', async () => {
    const [a, b] = [await instance(), await instance()];
    const c = await dl.start(a);
    // The welcome was produced on A; B reads it.
    let seen = await dl.waitFor(b, c, /Warmline/);
    await dl.say(a, c, "Sorry, that's not my department.");
    seen = await dl.waitFor(b, c, /not my department/i, seen.watermark);
    expect(seen.text).toMatch(/application\/vnd\.microsoft\.card\.adaptive/);
    // The practice dialog's state is in the database: round 1 asked on B, the answer given on A continues it.
    await dl.say(b, c, 'practice');
    seen = await dl.waitFor(a, c, /round 1\/3/, seen.watermark);
    await dl.say(a, c, 'Thank you for telling me. I will check this now and call you back by 3 pm today.');
    seen = await dl.waitFor(b, c, /round 2\/3/, seen.watermark);
  }, 60_000);

  it('keeps a conversation bounded, hashes its token and expires it when idle', async () => {
    const db = (await target.open()).db;
    let now = Date.now();
    const table = new WebChatTable(db, { maxActivitiesPerConversation: 3, maxBytesPerConversation: 10_000, idleMs: 60_000, tokenTtlSeconds: 60 }, () => now);
    const { row, token } = await table.create({ serviceUrl: 'http://x' });
    const stored = await db.selectFrom('web_chat_conversation').select(['token_hash']).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await table.byToken(token))?.id).toBe(row.id);
    const key = transcriptKey(row.id, token);
    for (let i = 0; i < 5; i++) await table.append(row.id, key, { type: 'message', text: `m${i}` });
    const page = await table.since(row.id, key, 0);
    expect(page.activities.map((x) => x.text)).toEqual(['m2', 'm3', 'm4']);
    expect(page.watermark).toBe('5');
    // An updated activity moves past the watermark, so a client polling from 5 receives it again.
    expect(await table.replace(row.id, key, String(page.activities[0]!.id), { type: 'message', text: 'm2 updated' })).toBe(true);
    expect((await table.since(row.id, key, 5)).activities.map((x) => x.text)).toEqual(['m2 updated']);
    // The transcript is sealed: the database alone does not show it, and another key reads nothing.
    const sealed = JSON.stringify(await db.selectFrom('web_chat_activity').select(['data']).where('conversation_id', '=', row.id).execute());
    expect(sealed).not.toMatch(/m2 updated|"m3"/);
    expect((await table.since(row.id, transcriptKey(row.id, 'someone else'), 0)).activities).toEqual([]);
    // Exactly one welcome, whichever instance asks first.
    const claims = await Promise.all([table.claimStart({ ...row }), table.claimStart({ ...row }), table.claimStart({ ...row })]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    now += 61_000;
    expect(await table.get(row.id)).toBeUndefined();
    expect(await table.sweep()).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom('web_chat_activity').select(['seq']).where('conversation_id', '=', row.id).execute()).toEqual([]);
  }, 30_000);
});

describe.each(databaseTargets())('API keys in the database ($name)', (target) => {
  afterAll(() => target.closeAll());

  it('keeps only the hash; a key works until revoked, and the revoke counts everywhere at once', async () => {
    const [one, two] = [new DatabaseApiKeys(new ApiKeyTable((await target.open()).db)), new DatabaseApiKeys(new ApiKeyTable((await target.open()).db))];
    const tenant = `t${Date.now().toString(36)}`;
    const { id, key } = await one.create(tenant);
    expect(await two.tenantOf(key)).toBe(tenant);
    expect(await two.hasActiveKeys()).toBe(true);
    const listed = (await one.list()).find((k) => k.id === id)!;
    expect(listed).toEqual({ id, tenant, created: expect.any(String) });
    expect(JSON.stringify(await (await target.open()).db.selectFrom('api_key').selectAll().where('id', '=', id).execute())).not.toContain(key);
    expect(await two.tenantOf(`${key}x`)).toBeNull();
    expect(await one.revoke(id)).toBe(true);
    expect(await two.tenantOf(key)).toBeNull();
    expect(await one.revoke(id)).toBe(false);
  });
});

// PostgreSQL only: embedded PGlite serves one process, which uses its own build.
describe.each(databaseTargets().filter((t) => t.name === 'PostgreSQL'))('the knowledge base reloads on every instance without a restart ($name)', (target) => {
  const apps: WarmlineServer[] = [];
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await target.closeAll();
  });

  it('a newly published version is adopted by both instances', async () => {
    const kb = await testKnowledgeBase();
    const db = await target.open();
    await db.db.deleteFrom('knowledge_version').execute(); // a fresh start: nothing published yet
    const start = async () => {
      const app = createWarmlineServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', KB_RELOAD_SECONDS: '0.1' }), createLogger('silent'), kb, undefined, await target.open());
      apps.push(app);
      return app.listen();
    };
    const [a, b] = [await start(), await start()];
    const health = async (base: string) => (await (await fetch(`${base}/healthz`)).json()) as { guidelines: number; knowledgeVersion: number | string };
    const before = await health(a);
    expect(typeof before.knowledgeVersion).toBe('number'); // the first instance published its build; both use it
    expect((await health(b)).knowledgeVersion).toBe(before.knowledgeVersion);
    // A company accepts a guideline less (any change will do): publish it as kb:publish does.
    const changed = { ...kb.artifact, guidelines: kb.artifact.guidelines.slice(1) };
    const file = join(mkdtempSync(join(tmpdir(), 'warmline-kb-')), 'knowledge.json');
    writeFileSync(file, JSON.stringify(changed));
    const published = await publishKnowledge(process.env.TEST_DATABASE_URL!, file);
    expect(await publishKnowledge(process.env.TEST_DATABASE_URL!, file)).toEqual(published); // unchanged: no new version
    expect(published.id).toBeGreaterThan(before.knowledgeVersion as number);
    for (const base of [a, b]) {
      let now = await health(base);
      for (let i = 0; i < 200 && now.knowledgeVersion !== published.id; i++) {
        await new Promise((r) => setTimeout(r, 50));
        now = await health(base);
      }
      expect(now).toMatchObject({ knowledgeVersion: published.id, guidelines: before.guidelines - 1 });
    }
  }, 60_000);
});

