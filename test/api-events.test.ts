import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../src/channels/http-api/api-keys.js';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { ReviewEventLog } from '../src/store/review-event-log.js';
import { databaseTargets } from './support/databases.js';
import { testKnowledgeBase } from './kb-fixture.js';

// Issue 10: reviews through the HTTP API leave review events (site "api"), the key as the pseudonymous agent, no text.
const DRAFT = "Sorry, that's not my department: the Quillfeather desk handles refunds.";

describe.each(databaseTargets())('review events from the HTTP API ($name)', (target) => {
  let app: WarmlineServer | undefined;
  let log: ReviewEventLog | undefined;
  afterAll(async () => {
    await app?.close();
    await log?.close();
    await target.closeAll();
  });

  it('a review and a batch land as events of the caller (loopback, then an API key), with no draft anywhere', async () => {
    const database = await target.open();
    // A secret of this run's own: on a shared PostgreSQL, earlier runs' events have other pseudonyms.
    const secret = `api-events-${Date.now()}-${Math.random()}`;
    log = await ReviewEventLog.open(database.db, { secret, flushMs: 60_000 });
    const keysFile = join(mkdtempSync(join(tmpdir(), 'warmline-keys-')), 'api-keys.json');
    app = createWarmlineServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', API_KEYS_FILE: keysFile }), createLogger('silent'), await testKnowledgeBase(), undefined, database, log);
    const base = await app.listen();
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const rowsOf = async (agent: string) => {
      await log!.flush();
      return database.db.selectFrom('review_event').selectAll().where('agent', '=', agent).orderBy('id').execute();
    };

    // No key yet: this machine calls as "local".
    expect((await post('/api/v1/review', { id: 'q-1', draft: DRAFT, lang: 'en' })).status).toBe(200);
    const local = await rowsOf(log.agentId('local', 'apikey:none'));
    expect(local.map((r) => [r.kind, r.tenant, r.site, r.channel, r.lang, r.verdict, r.mode])).toEqual([['review', 'local', 'api', 'api', 'en', 'revise', 'offline']]);
    expect(JSON.stringify(local[0]!.findings)).toContain('not-my-department');
    expect(local[0]!.review_id).not.toBe('q-1'); // the caller's id is theirs, not unique: the event has its own

    // With a key, the key is the agent and its tenant the tenant; a request that cannot be reviewed leaves nothing.
    const tenant = `acme${Date.now().toString(36)}`;
    const { id, key } = await new ApiKeyStore(keysFile).create(tenant);
    const batch = await post('/api/v1/review:batch', { requests: [{ id: 'a', draft: DRAFT }, { id: 'b', draft: '' }, { id: 'c', draft: 'Nope.' }] }, { Authorization: `Bearer ${key}` });
    expect(batch.status).toBe(200);
    const keyed = await rowsOf(log.agentId(tenant, `apikey:${id}`));
    expect(keyed.map((r) => [r.tenant, r.site, r.verdict])).toEqual([
      [tenant, 'api', 'revise'],
      [tenant, 'api', 'revise'],
    ]);
    expect(keyed[0]!.review_id).not.toBe(keyed[1]!.review_id);

    const tables = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_schema = 'public'`.execute(database.db);
    for (const { table_name } of tables.rows) {
      const all = await sql`select * from ${sql.table(table_name)}`.execute(database.db);
      expect(JSON.stringify(all.rows), table_name).not.toMatch(/Quillfeather/);
    }
  }, 60_000);
});
