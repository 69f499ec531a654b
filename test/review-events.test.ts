import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { postActivity } from './support/bot-server.js';
import { startConnectorStub } from './support/connector-stub.js';
import { sql } from 'kysely';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { ReviewEventLog } from '../src/store/review-event-log.js';
import { databaseTargets } from './support/databases.js';
import { testKnowledgeBase } from './kb-fixture.js';

// Issue 10, part 1: one event per review and per choice, private by default (no draft text anywhere).
const DRAFT = "Sorry, that's not my department: the Zebulon invoice desk handles refunds.";

type Activity = { type: string; text?: string; from: { role?: string }; attachments?: { content: unknown }[] };

describe.each(databaseTargets())('review events ($name)', (target) => {
  let app: WarmlineServer | undefined;
  let events: ReviewEventLog | undefined;
  afterAll(async () => {
    await app?.close();
    await events?.close();
    await target.closeAll();
  });

  it('a web-chat review and the alternative the agent used land as two linked events, with no text anywhere in the database', async () => {
    const database = await target.open();
    events = await ReviewEventLog.open(database.db, { flushMs: 60_000 });
    app = createWarmlineServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), createLogger('silent'), await testKnowledgeBase(), undefined, database, events);
    const base = await app.listen();
    const dl = `${base}/v3/directline/conversations`;
    const user = `u_events_${Date.now().toString(36)}`;
    const c = (await (await fetch(dl, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user: { id: user }, locale: 'en-US' }) })).json()) as { conversationId: string; token: string };
    const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${c.token}` };
    const post = (activity: object) => fetch(`${dl}/${c.conversationId}/activities`, { method: 'POST', headers, body: JSON.stringify({ from: { id: user }, locale: 'en-US', ...activity }) });
    const waitFor = async (match: (a: Activity) => boolean): Promise<Activity> => {
      for (let i = 0; i < 100; i++) {
        const page = (await (await fetch(`${dl}/${c.conversationId}/activities`, { headers })).json()) as { activities: Activity[] };
        const found = page.activities.find(match);
        if (found) return found;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('no matching activity in time');
    };
    await post({ type: 'message', text: DRAFT });
    const uses = (a: Activity) => {
      const found: { action: string; text: string; style: string; review: string }[] = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk);
        if (!node || typeof node !== 'object') return;
        const n = node as { type?: string; data?: { action?: string } };
        if (n.type === 'Action.Submit' && n.data?.action === 'use') found.push(n.data as never);
        Object.values(n).forEach(walk);
      };
      walk(a.attachments ?? []);
      return found;
    };
    const card = await waitFor((a) => a.from.role === 'bot' && uses(a).length > 0);
    const data = uses(card)[0]!;
    expect(data.review).toMatch(/^[0-9a-f-]{36}$/);
    await post({ type: 'message', value: data });
    await waitFor((a) => a.from.role === 'bot' && a.text === data.text);
    await events.flush();

    const rows = await database.db.selectFrom('review_event').selectAll().where('review_id', '=', data.review).orderBy('id').execute();
    expect(rows.map((r) => r.kind)).toEqual(['review', 'choice']);
    const [reviewed, chose] = rows as [(typeof rows)[number], (typeof rows)[number]];
    expect(reviewed).toMatchObject({ site: 'web', channel: 'directline', lang: 'en', verdict: 'revise', mode: 'offline' });
    expect(JSON.stringify(reviewed.findings)).toContain('not-my-department');
    expect(chose.choice).toBe(`alternative:${data.style}`);
    expect(reviewed.agent).toBe(events.agentId('channel:directline', user));
    expect(reviewed.agent).not.toContain(user);

    // "team report" (no app id: anyone on this machine may ask) shows the tenant's week (on a shared PostgreSQL it
    // may hold earlier runs' events); "my week" shows this agent's own, which are exactly this test's.
    await post({ type: 'message', text: 'team report' });
    const team = await waitFor((a) => a.from.role === 'bot' && JSON.stringify(a.attachments ?? '').includes('Team report'));
    expect(JSON.stringify(team.attachments)).toMatch(/"title":"Drafts reviewed","value":"[1-9]\d*"/);
    await post({ type: 'message', text: 'my week' });
    const mine = JSON.stringify((await waitFor((a) => a.from.role === 'bot' && JSON.stringify(a.attachments ?? '').includes('My week'))).attachments);
    expect(mine).toMatch(/"title":"Drafts reviewed","value":"1"/);
    expect(mine).toMatch(/"title":"Reviews where an alternative was used","value":"1"/);
    expect(mine).toContain('not-my-department: 1');

    // The draft is nowhere: not in the events, the bot state, the (sealed) web-chat transcript, or any other table.
    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(database.db);
    expect(tables.rows.length).toBeGreaterThan(5);
    for (const { table_name } of tables.rows) {
      const all = await sql`select * from ${sql.table(table_name)}`.execute(database.db);
      expect(JSON.stringify(all.rows), table_name).not.toMatch(/Zebulon/);
    }
  }, 60_000);

  it('data:forget deletes one agent and nobody else; retention deletes the old and nothing newer', async () => {
    const database = await target.open();
    const log = await ReviewEventLog.open(database.db, { flushMs: 60_000 });
    const tenant = `t${Date.now().toString(36)}`;
    const event = (user: string, reviewId: string) => ({ kind: 'review' as const, reviewId, caller: { user, tenant, site: 'chat', channel: 'msteams' }, lang: 'fi', verdict: 'send', mode: 'offline', findings: [] });
    log.record(event('ann', `${tenant}-1`));
    log.record(event('ann', `${tenant}-2`));
    log.record(event('bob', `${tenant}-3`));
    await log.close();
    const ofTenant = async () => (await database.db.selectFrom('review_event').select(['review_id', 'agent']).where('tenant', '=', tenant).orderBy('review_id').execute()).map((r) => r.review_id);
    expect(await ofTenant()).toEqual([`${tenant}-1`, `${tenant}-2`, `${tenant}-3`]);
    expect(await log.forget(log.agentId(tenant, 'ann'))).toEqual({ events: 2, texts: 0 });
    expect(await ofTenant()).toEqual([`${tenant}-3`]);
    await database.db.updateTable('review_event').set({ at: new Date(Date.now() - 200 * 86_400_000) } as never).where('review_id', '=', `${tenant}-3`).execute();
    expect((await log.expire(180)).events).toBeGreaterThanOrEqual(1);
    expect(await ofTenant()).toEqual([]);
  }, 30_000);

  it('the Teams compose-box flow (real payloads: submitAction with a draft, then Preview) leaves a review and its preview-sent choice', async () => {
    const stub = await startConnectorStub();
    const database = await target.open();
    const log = await ReviewEventLog.open(database.db, { flushMs: 60_000 });
    const teamsApp = createWarmlineServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), createLogger('silent'), await testKnowledgeBase(), undefined, database, log);
    const url = await teamsApp.listen();
    try {
      const payload = JSON.parse(readFileSync(new URL('../../shared/external/teams-activities/composeExtension-submitAction.json', import.meta.url), 'utf8')) as Record<string, unknown>;
      const submit = (data: Record<string, unknown>) => postActivity(url, { ...payload, serviceUrl: stub.url, value: { commandId: 'reviewDraft', data } });
      const reviewed = (await submit({ draft: 'Ei kuulu meille, soita myöhemmin.', customer: 'Laskussa on virhe.' })).body as { task: { value: { card: { content: { actions: { data: { review: string } }[]; body: { type: string; choices?: { value: string }[] }[] } } } } };
      const card = reviewed.task.value.card.content;
      const reviewId = card.actions[0]!.data.review;
      const choice = card.body.find((e) => e.type === 'Input.ChoiceSet')!.choices![0]!.value;
      const preview = (await submit({ action: 'preview', choice, customer: 'Laskussa on virhe.', review: reviewId, confirmed: true })).body as { composeExtension?: { type: string } };
      expect(preview.composeExtension?.type).toBe('botMessagePreview');
      await log.flush();
      const rows = await database.db.selectFrom('review_event').selectAll().where('review_id', '=', reviewId).orderBy('id').execute();
      expect(rows.map((r) => [r.kind, r.site, r.channel, r.choice])).toEqual([
        ['review', 'compose', 'msteams', null],
        ['choice', 'compose', 'msteams', 'preview-sent'],
      ]);
      expect(JSON.stringify(rows[0]!.findings)).toContain('not-my-department');
    } finally {
      await teamsApp.close();
      await log.close();
      await stub.close();
    }
  }, 60_000);
});
