import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { callerOf, teamNameOf } from '../dialogs/caller-of.js';
import { dashboardCsv, renderDashboard } from '../src/channels/dashboard/dashboard-page.js';
import { createWarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { ReviewEventLog } from '../src/store/review-event-log.js';
import { postActivity } from './support/bot-server.js';
import { startConnectorStub } from './support/connector-stub.js';
import { databaseTargets } from './support/databases.js';
import { testKnowledgeBase } from './kb-fixture.js';

// Issue 10: each review event records its team (or Teams' conversation kind), and the dashboard filters by it.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const payload = (name: string): Json => JSON.parse(readFileSync(new URL(`../../shared/external/teams-activities/${name}`, import.meta.url), 'utf8')) as Json;
const DAY = 86_400_000;
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
const sum = (csv: string, column: number) => csv.trim().split('\n').slice(1).reduce((n, line) => n + Number(line.split(',')[column]), 0);

describe('the team of a Teams activity (real payloads, unchanged)', () => {
  it('a team channel gives the team id (messages, compose box, task module), a chat its conversation kind, the web chat none', () => {
    const team = '19:097e6717fd7245bdbeba6baa13840db8@thread.skype';
    for (const name of ['message-channel-mention.json', 'message-cardSubmit-channel.json', 'composeExtension-submitAction.json', 'composeExtension-submitAction-botMessagePreview-send.json', 'task-submit.json']) {
      expect(callerOf(payload(name)).team, name).toBe(team);
    }
    expect(callerOf(payload('message-personal.json')).team).toBe('personal');
    expect(callerOf(payload('conversationUpdate-groupChat-membersAdded.json')).team).toBe('groupChat');
    expect(callerOf({ ...payload('message-personal.json'), channelId: 'directline', conversation: { id: 'dl-1' }, channelData: undefined } as Json).team).toBeUndefined();
  });

  it('Teams names the team in conversation updates, not in messages', () => {
    expect(teamNameOf(payload('conversationUpdate-teamRenamed.json'))).toEqual({ team: '19:097e6717fd7245bdbeba6baa13840db8@thread.skype', name: 'DaveTeams TEST' });
    expect(teamNameOf(payload('conversationUpdate-botAddedToTeam.docs.json'))).toEqual({ team: '19:zFLSDFWsesfzcmKArqKJ-65aOXJz@sgf462H2wz41@thread.tacv2', name: 'TestTeam2022' });
    expect(teamNameOf(payload('message-channel-mention.json'))).toBeUndefined();
    expect(teamNameOf(payload('composeExtension-submitAction.json'))).toBeUndefined();
  });
});

describe.each(databaseTargets())('the team on review events and the dashboard ($name)', (target) => {
  afterAll(() => target.closeAll());

  it('real Teams payloads through /api/messages record the team; a renamed team names it; the page and the CSV filter by it', async () => {
    const stub = await startConnectorStub();
    const database = await target.open();
    const log = await ReviewEventLog.open(database.db, { flushMs: 60_000 });
    const app = createWarmlineServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), createLogger('silent'), await testKnowledgeBase(), undefined, database, log);
    const url = await app.listen();
    // The payloads as Teams sent them, with the tenant and team ids made this run's own: a shared PostgreSQL keeps
    // earlier runs' events, and the offline dashboard shows every tenant.
    const tenant = `teams${unique()}`;
    const team = `19:${unique()}@thread.skype`;
    const teams = (name: string, patch: Json = {}): Json => {
      const a = payload(name);
      a.conversation.tenantId = tenant;
      a.channelData.tenant.id = tenant;
      if (a.channelData.team) a.channelData.team.id = team;
      return { ...a, serviceUrl: stub.url, ...patch };
    };
    try {
      const compose = await postActivity(url, teams('composeExtension-submitAction.json', { value: { commandId: 'reviewDraft', data: { draft: 'Ei kuulu meille, soita myöhemmin.', customer: 'Laskussa on virhe.' } } }));
      expect(JSON.stringify(compose.body)).toContain('not-my-department');
      // A task module opened in the channel reviews too; a draft posted in the channel itself is not reviewed there
      // (colleagues would read the findings), so it leaves no event.
      expect(JSON.stringify((await postActivity(url, teams('task-submit.json', { value: { data: { draft: "Sorry, that's not my department." } } }))).body)).toContain('not my department');
      expect((await postActivity(url, teams('message-channel-mention.json', { text: "<at>My Combined</at> Sorry, that's not my department, call back later." }))).status).toBe(200);
      expect((await postActivity(url, teams('message-personal.json', { text: "Sorry, that's not my department, call back later." }))).status).toBe(200);
      expect((await postActivity(url, teams('conversationUpdate-teamRenamed.json'))).status).toBe(200);
      await log.flush();

      const rows = await database.db.selectFrom('review_event').select(['kind', 'site', 'team']).where('tenant', '=', tenant).where('kind', '=', 'review').orderBy('id').execute();
      expect(rows).toEqual([
        { kind: 'review', site: 'compose', team },
        { kind: 'review', site: 'chat', team },
        { kind: 'review', site: 'chat', team: 'personal' },
      ]);
      expect(await database.db.selectFrom('team_name').select(['team', 'name']).where('tenant', '=', tenant).execute()).toEqual([{ team, name: 'DaveTeams TEST' }]);

      const data = await log.dashboard({ days: 30, tenant });
      expect(data.teams).toEqual([{ team, name: 'DaveTeams TEST' }, { team: 'personal' }]);
      expect((await log.dashboard({ days: 30, tenant, team })).perDay.reduce((n, d) => n + d.reviews, 0)).toBe(2);
      expect((await log.dashboard({ days: 30, tenant, team: 'personal' })).perDay.reduce((n, d) => n + d.reviews, 0)).toBe(1);
      expect((await log.dashboard({ days: 30, tenant, team: null })).perDay).toEqual([]);

      // What a supervisor gets over HTTP: the select names the team, the CSV counts its two reviews and its rules.
      const page = await (await fetch(`${url}/dashboard?days=30&team=${encodeURIComponent(team)}`)).text();
      expect(page).toContain(`<option value="${team}" selected>DaveTeams TEST</option>`);
      expect(page).toContain(`href="/dashboard.csv?days=30&amp;team=${encodeURIComponent(team)}"`);
      const csv = await (await fetch(`${url}/dashboard.csv?days=30&team=${encodeURIComponent(team)}`)).text();
      expect(csv.split('\n')[0]).toBe('day,reviews,flagged');
      expect(sum(csv, 1)).toBe(2);
      expect(sum(csv, 2)).toBe(2);
      const rules = await (await fetch(`${url}/dashboard.csv?days=30&table=rules&team=${encodeURIComponent(team)}`)).text();
      expect(rules).toContain(',fi,not-my-department,1');
      expect(rules).toContain(',en,not-my-department,1');
      // Only the personal chat's English draft asked the customer to call back: its finding is in that team alone.
      expect(rules).not.toContain(',en,call-back-later');
      expect(await (await fetch(`${url}/dashboard.csv?days=30&table=rules&team=personal`)).text()).toContain(',en,call-back-later,');
      const everyone = await (await fetch(`${url}/dashboard.csv?days=30`)).text();
      expect(sum(everyone, 1)).toBeGreaterThanOrEqual(3);
    } finally {
      await app.close();
      await log.close();
      await stub.close();
    }
  }, 60_000);

  it('the team filter narrows every figure and the CSV; the list of teams follows the range, not the other filters', async () => {
    const database = await target.open();
    const log = await ReviewEventLog.open(database.db, { flushMs: 60_000 });
    const tenant = `teamfilter${unique()}`;
    const billing = `19:billing-${unique()}@thread.tacv2`;
    const returns = `19:returns-${unique()}@thread.tacv2`;
    const gone = `19:gone-${unique()}@thread.tacv2`;
    const now = new Date();
    const at = new Date(now.getTime() - DAY);
    const caller = (user: string, team?: string, channel = 'msteams') => ({ user, tenant, site: 'compose', channel, ...(team ? { team } : {}) });
    const review = (id: string, who: ReturnType<typeof caller>, lang: string, verdict: string, findings: { rule: string; severity: string }[], when = at) =>
      log.record({ kind: 'review', reviewId: `${tenant}-${id}`, caller: who, lang, verdict, mode: 'offline', findings, at: when });
    const choice = (id: string, who: ReturnType<typeof caller>, chosen: string) => log.record({ kind: 'choice', reviewId: `${tenant}-${id}`, caller: who, choice: chosen, at: new Date(at.getTime() + 60_000) });
    const practice = (who: ReturnType<typeof caller>, score: number) => log.record({ kind: 'practice', reviewId: `${tenant}-p${score}`, caller: who, lang: 'en', scenario: 'angry-third-call', score, at });

    review('r1', caller('ann', billing), 'en', 'revise', [{ rule: 'missing-next-step', severity: 'major' }]);
    choice('r1', caller('ann', billing), 'alternative:warmer');
    review('r2', caller('ann', billing), 'en', 'send', []);
    practice(caller('ann', billing), 80);
    review('r3', caller('bob', returns), 'fi', 'block', [{ rule: 'rude-or-judgemental', severity: 'critical' }]);
    practice(caller('bob', returns), 40);
    review('r4', caller('cy', undefined, 'api'), 'en', 'revise', [{ rule: 'policy-shield', severity: 'major' }]);
    choice('r4', caller('cy', undefined, 'api'), 'preview-sent');
    review('r5', caller('dee', gone), 'en', 'send', [], new Date(now.getTime() - 40 * DAY)); // outside 30 days
    log.nameTeam(tenant, billing, 'Billing');
    log.nameTeam(tenant, gone, 'Gone team');
    await log.flush();

    const figures = (team?: string | null, lang?: string) => log.dashboard({ days: 30, tenant, ...(team !== undefined ? { team } : {}), ...(lang ? { lang } : {}) }, now);
    const all = await figures();
    expect(all.perDay.map((d) => [d.reviews, d.flagged])).toEqual([[4, 3]]);
    expect(all.caught).toEqual({ serious: 3, fixed: 2 });
    expect(all.teams).toEqual([{ team: billing, name: 'Billing' }, { team: returns }, { team: null }]);

    const ofBilling = await figures(billing);
    expect(ofBilling.perDay.map((d) => [d.reviews, d.flagged])).toEqual([[2, 1]]);
    expect(ofBilling.rules.map((r) => r.rule)).toEqual(['missing-next-step']);
    expect(ofBilling.caught).toEqual({ serious: 1, fixed: 1 });
    expect(ofBilling.agents.map((a) => [a.agent, a.reviews, a.findingsPerReview])).toEqual([[log.agentId(tenant, 'ann'), 2, 0.5]]);
    expect(ofBilling.practice.map((p) => [p.answers, p.averageScore])).toEqual([[1, 80]]);
    expect(ofBilling.teams).toEqual(all.teams); // the list stays whole, so another team can be chosen

    const ofReturns = await figures(returns);
    expect(ofReturns.caught).toEqual({ serious: 1, fixed: 0 });
    expect(ofReturns.rules.map((r) => [r.lang, r.rule])).toEqual([['fi', 'rude-or-judgemental']]);
    expect(ofReturns.practice.map((p) => p.averageScore)).toEqual([40]);

    const noTeam = await figures(null);
    expect(noTeam.agents.map((a) => a.agent)).toEqual([log.agentId(tenant, 'cy')]);
    expect(noTeam.caught).toEqual({ serious: 1, fixed: 1 });
    expect(noTeam.practice).toEqual([]);

    expect((await figures(billing, 'fi')).perDay).toEqual([]);
    expect((await figures(undefined, 'fi')).teams).toEqual(all.teams);
    expect((await figures(gone)).perDay).toEqual([]);
    expect((await log.dashboard({ days: 90, tenant }, now)).teams.map((t) => t.name ?? t.team)).toEqual(['Billing', 'Gone team', returns, null]);

    // The page: the select lists the range's teams and keeps the choice; every CSV link carries it.
    const page = renderDashboard(ofBilling, { days: 30, team: billing }, 'n0nce');
    expect(page).toContain(`<option value="${billing}" selected>Billing</option><option value="${returns}">team ${returns}</option><option value="none">no team (web chat, API, CLI, older events)</option>`);
    expect(page).toContain(`href="/dashboard.csv?days=30&amp;team=${encodeURIComponent(billing)}&amp;table=practice"`);
    expect(renderDashboard(noTeam, { days: 30, team: null }, 'n0nce')).toContain('<option value="none" selected>');
    expect(dashboardCsv(ofBilling, 'perDay')).toBe(`day,reviews,flagged\n${ofBilling.perDay[0]!.day},2,1\n`);

    // A team renamed in Teams shows under its new name.
    log.nameTeam(tenant, billing, 'Billing and refunds');
    await log.flush();
    expect((await figures()).teams[0]).toEqual({ team: billing, name: 'Billing and refunds' });
    await log.close();
  });
});
