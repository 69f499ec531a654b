import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/database.js';

// A new embedded database is created (initdb) in a child process, so the bot's own process never holds the
// WASM memory that creation grows (src/store/database.ts). What a user sees must not change: it opens, keeps
// what was written, and opens again.
describe('the embedded database', () => {
  const root = mkdtempSync(join(tmpdir(), 'warmline-embedded-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is created on first start and keeps its data across a reopen', async () => {
    const dataDir = join(root, 'fresh', 'pglite');
    const first = await openDatabase({ dataDir });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(await first.ping()).toBe(true);
    await sql`create table kept (note text)`.execute(first.db);
    await sql`insert into kept values ('still here')`.execute(first.db);
    await first.close();

    const again = await openDatabase({ dataDir });
    const rows = await sql<{ note: string }>`select note from kept`.execute(again.db);
    expect(rows.rows.map((r) => r.note)).toEqual(['still here']);
    await again.close();
  }, 120_000);

  it('says clearly when the folder cannot hold a database', async () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    await expect(openDatabase({ dataDir: join(blocker, 'pglite') })).rejects.toThrow(/database \(pglite at .*a-file/);
  });
});
