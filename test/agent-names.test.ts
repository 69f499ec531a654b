import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dashboardCsv, renderDashboard } from '../src/channels/dashboard/dashboard-page.js';
import { projectRoot } from '../src/core/paths.js';
import { AgentNames } from '../src/store/agent-names.js';
import { openDatabase } from '../src/store/database.js';
import { ReviewEventLog } from '../src/store/review-event-log.js';
import { databaseTargets } from './support/databases.js';

// Issue 10: agents are pseudonymous on the dashboard unless their tenant maps the pseudonym to a name.
describe.each(databaseTargets())('names for pseudonyms ($name)', (target) => {
  afterAll(() => target.closeAll());

  it('a name shows beside its pseudonym only in the tenant that mapped it, in the table and the CSV, until forgotten', async () => {
    const database = await target.open();
    const log = await ReviewEventLog.open(database.db, { flushMs: 60_000 });
    const names = new AgentNames(database.db);
    const tenant = `names${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const review = (user: string, n: number) => log.record({ kind: 'review', reviewId: `${tenant}-${user}-${n}`, caller: { user, tenant, site: 'chat', channel: 'msteams' }, lang: 'en', verdict: 'send', mode: 'offline', findings: [] });
    review('ann', 1);
    review('ann', 2);
    review('bob', 3);
    await log.flush();
    const ann = log.agentId(tenant, 'ann');
    const bob = log.agentId(tenant, 'bob');
    await names.set(tenant, ann, 'Ann Example');
    await names.set(`${tenant}-other`, bob, 'Not In This Tenant'); // another tenant's mapping names nobody here
    await names.set(tenant, ann, 'Ann Q. Example'); // a second mapping replaces the first

    const data = await log.dashboard({ days: 30, tenant });
    const byAgent = (rows: unknown[][]) => rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(data.agents.map((a) => [a.agent, a.name, a.reviews])).toEqual(
      byAgent([
        [ann, 'Ann Q. Example', 2],
        [bob, undefined, 1],
      ]),
    );
    expect(renderDashboard(data, { days: 30 }, 'n')).toContain(`<td>Ann Q. Example (${ann})</td>`);
    expect(renderDashboard(data, { days: 30 }, 'n')).not.toContain('Not In This Tenant');
    const csv = dashboardCsv(data, 'agents').split('\n');
    const week = data.agents[0]!.week;
    expect(csv[0]).toBe('agent,name,week,reviews,findings_per_review');
    expect(csv.slice(1, 3).sort()).toEqual([`${ann},Ann Q. Example,${week},2,0`, `${bob},,${week},1,0`].sort());

    // data:forget takes the name with the events; remove() takes one mapping.
    expect(await names.forget(ann)).toBe(1);
    expect((await log.dashboard({ days: 30, tenant })).agents.map((a) => a.name)).toEqual([undefined, undefined]);
    expect(await names.remove(`${tenant}-other`, bob)).toBe(true);
    expect(await names.list(`${tenant}-other`)).toEqual([]);
    await log.close();
  });
});

describe('npm run agents:name', () => {
  it('maps a user of a tenant to a name by the same pseudonym the events carry, and lists it', async () => {
    const cli = join(projectRoot(), 'dist', 'src', 'cli', 'agent-name-cli.js');
    const dataDir = mkdtempSync(join(tmpdir(), 'warmline-names-'));
    const env = { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, EVENTS_SECRET: 'names-test-secret' };
    expect(spawnSync(process.execPath, [cli, '--tenant', 'acme'], { encoding: 'utf8', env }).status).toBe(2); // no name, no remove
    const set = spawnSync(process.execPath, [cli, '--tenant', 'acme', '--user', 'aad-1234', '--name', 'Anna Nowak'], { encoding: 'utf8', env });
    expect(set.stderr).toBe('');
    expect(set.status).toBe(0);
    const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    try {
      const log = await ReviewEventLog.open(database.db, { secret: 'names-test-secret' });
      expect(await new AgentNames(database.db).list()).toEqual([{ tenant: 'acme', agent: log.agentId('acme', 'aad-1234'), name: 'Anna Nowak' }]);
      await log.close();
    } finally {
      await database.close();
    }
  }, 90_000);
});
