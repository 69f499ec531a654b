import { afterAll, describe, expect, it } from 'vitest';
import type { ReviewEvent } from '../src/assistant/review-events.js';
import { dashboardCsv, renderDashboard } from '../src/channels/dashboard/dashboard-page.js';
import { ReviewEventLog } from '../src/store/review-event-log.js';
import { converse, newBot } from './support/conversation.js';
import { databaseTargets } from './support/databases.js';
import { testKnowledgeBase } from './kb-fixture.js';

// Issue 10: practice scores on the dashboard. Each scored practice answer is an event (score, scenario, language).
const DAY = 86_400_000;

describe('practice events from the practice dialog', () => {
  it('each scored answer leaves one practice event with the score the trainee saw, its scenario and language, and no text', async () => {
    const events: ReviewEvent[] = [];
    const seen: number[] = [];
    const score = (reply: { text?: string }) => {
      const m = /Score for this answer: (\d+)\/100/.exec(reply.text ?? '');
      if (!m) throw new Error(`expected a score, got ${reply.text}`);
      seen.push(Number(m[1]));
    };
    await converse(await newBot('en-US', { events: { record: (e) => events.push(e) } }), [
      ['practice', /Practice: I'll play a customer for 3 rounds/, /Customer \(round 1\/3\)/],
      ["I don't know, not my department.", /Warmline review/, score, /Customer \(round 2\/3\)/],
      ['Thank you for telling me. I will check this now and call you back by 3 pm today.', /Warmline review/, score, /Customer \(round 3\/3\)/],
      ['Hello Kestrelby, thanks for your message! I will email you the answer by noon tomorrow.', /Warmline review/, score, /Practice done/],
    ]);
    const practice = events.filter((e) => e.kind === 'practice');
    expect(events).toHaveLength(3); // practice answers are not counted as reviews
    expect(practice.map((e) => e.score)).toEqual(seen);
    const scenarios = new Set((await testKnowledgeBase()).artifact.scenarios.map((s) => s.id));
    for (const e of practice) {
      expect(scenarios.has(e.scenario), e.scenario).toBe(true);
      expect(e).toMatchObject({ lang: 'en', caller: { site: 'chat', channel: 'msteams' } });
    }
    expect(new Set(practice.map((e) => e.scenario)).size).toBe(3);
    expect(JSON.stringify(events)).not.toMatch(/Kestrelby|not my department/);
  });
});

describe.each(databaseTargets())('practice figures on the dashboard ($name)', (target) => {
  afterAll(() => target.closeAll());

  it('average score and answers per week, honouring the filters, in the table, the CSV and nowhere among reviews', async () => {
    const database = await target.open();
    const log = await ReviewEventLog.open(database.db, { flushMs: 60_000 });
    const tenant = `practice${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const now = new Date();
    const earlier = new Date(now.getTime() - 9 * DAY);
    const practice = (user: string, lang: string, score: number, at: Date, channel = 'msteams') => log.record({ kind: 'practice', reviewId: `${tenant}-${user}-${score}`, caller: { user, tenant, site: 'chat', channel }, lang, scenario: 'angry-third-call', score, at });
    practice('ann', 'en', 60, earlier);
    practice('bob', 'en', 81, earlier);
    practice('cy', 'fi', 90, new Date(now.getTime() - DAY), 'directline');
    practice('cy', 'fi', 10, new Date(now.getTime() - 40 * DAY)); // outside the last 30 days
    await log.flush();

    const all = await log.dashboard({ days: 30, tenant }, now);
    expect(all.practice.map((p) => [p.answers, p.averageScore])).toEqual([
      [2, 70.5],
      [1, 90],
    ]);
    expect(all.practice[0]!.week < all.practice[1]!.week).toBe(true);
    expect(all.perDay).toEqual([]); // practice is not a review
    expect((await log.dashboard({ days: 30, tenant, lang: 'fi' }, now)).practice.map((p) => p.averageScore)).toEqual([90]);
    expect((await log.dashboard({ days: 30, tenant, channel: 'msteams' }, now)).practice.map((p) => p.answers)).toEqual([2]);
    expect((await log.dashboard({ days: 90, tenant, lang: 'fi' }, now)).practice.map((p) => p.averageScore)).toEqual([10, 90]);

    expect(dashboardCsv(all, 'practice')).toBe(`week,answers,average_score\n${all.practice[0]!.week},2,70.5\n${all.practice[1]!.week},1,90\n`);
    const page = renderDashboard(all, { days: 30 }, 'n0nce');
    expect(page).toContain(`<tr><td>${all.practice[0]!.week}</td><td>2</td><td>70.5</td></tr>`);
    expect(page).toContain('href="/dashboard.csv?days=30&amp;table=practice"');
    await log.close();
  });
});
