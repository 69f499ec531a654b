import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/core/paths.js';
import { openDatabase, type Database } from '../src/store/database.js';
import { ReviewEventLog } from '../src/store/review-event-log.js';
import { testDatabaseUrl } from './support/databases.js';

// Issue 10: `npm run review` records review events (site "cli", no text) only with a database or --events.
const cli = join(projectRoot(), 'dist', 'src', 'cli', 'review-cli.js');
const LINES = [
  JSON.stringify({ id: 'a', draft: "That's not my department, ask the Brambleworth team.", lang: 'en' }),
  JSON.stringify({ id: 'b', draft: '' }),
  JSON.stringify({ id: 'c', draft: 'Nie wiem.' }),
].join('\n');

const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [cli, ...args], { input: `${LINES}\n`, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', DATABASE_URL: '', ...env } });

/** The events this run's secret keyed (the CLI's agent is the OS account), and whether the draft is anywhere. */
async function eventsOf(database: Database, secret: string) {
  const log = await ReviewEventLog.open(database.db, { secret });
  const agent = log.agentId('local', `os:${userInfo().username}`);
  await log.close();
  const rows = await database.db.selectFrom('review_event').selectAll().where('agent', '=', agent).orderBy('id').execute();
  const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(database.db);
  let textFound = false;
  for (const { table_name } of tables.rows) {
    const all = await sql`select * from ${sql.table(table_name)}`.execute(database.db);
    if (/Brambleworth/.test(JSON.stringify(all.rows))) textFound = true;
  }
  return { rows, textFound };
}

describe('review events from the CLI', () => {
  it('offline by default: no DATABASE_URL and no --events touches no database', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'warmline-cli-')), 'data');
    const out = run(['--jsonl'], { DATA_DIR: dataDir });
    expect(out.status).toBe(0);
    expect(out.stdout.trim().split('\n')).toHaveLength(3);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('--events writes one event per reviewed line into the embedded database, and no text', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warmline-cli-'));
    const secret = `cli-${Date.now()}`;
    const out = run(['--jsonl', '--events'], { DATA_DIR: dataDir, EVENTS_SECRET: secret });
    expect(out.status).toBe(0);
    expect(out.stderr).toBe('');
    expect(out.stdout.trim().split('\n')).toHaveLength(3);
    const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
    try {
      const { rows, textFound } = await eventsOf(database, secret);
      expect(rows.map((r) => [r.kind, r.tenant, r.site, r.channel, r.lang, r.verdict])).toEqual([
        ['review', 'local', 'cli', 'cli', 'en', 'revise'],
        ['review', 'local', 'cli', 'cli', 'pl', 'revise'],
      ]);
      expect(textFound).toBe(false);
    } finally {
      await database.close();
    }
  }, 60_000);

  it('a database that cannot be reached costs a line on standard error, never the review or the exit code', () => {
    const out = run(['Sorry, that is not my department.', '--lang', 'en'], { DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none' });
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/verdict: REVISE/);
    expect(out.stderr).toMatch(/review events not recorded \(1\)/);
  }, 30_000);

  // On PostgreSQL when TEST_DATABASE_URL is set, like every storage test (support/databases.ts: required in CI).
  const postgres = testDatabaseUrl();
  describe.each(postgres ? [postgres] : [])('with DATABASE_URL (PostgreSQL)', (url) => {
    it('records without a flag; --no-events records nothing', async () => {
      const secret = `cli-pg-${Date.now()}-${Math.random()}`;
      expect(run(['--jsonl', '--no-events'], { DATABASE_URL: url, EVENTS_SECRET: secret }).status).toBe(0);
      const database = await openDatabase({ url, dataDir: '' });
      try {
        expect((await eventsOf(database, secret)).rows).toEqual([]);
        const out = run(['--jsonl'], { DATABASE_URL: url, EVENTS_SECRET: secret });
        expect(out.status).toBe(0);
        expect(out.stderr).toBe('');
        const { rows, textFound } = await eventsOf(database, secret);
        expect(rows.map((r) => [r.site, r.lang])).toEqual([
          ['cli', 'en'],
          ['cli', 'pl'],
        ]);
        expect(textFound).toBe(false);
      } finally {
        await database.close();
      }
    }, 60_000);
  });
});
