import { ConversationState, TurnContext, TestAdapter } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseStorage } from '../src/channels/botframework/database-storage.js';
import { BotStateTable, ETagConflictError } from '../src/store/bot-state-table.js';
import type { Database } from '../src/store/database.js';
import { databaseTargets } from './support/databases.js';
import { migrateToLatest, migrationNames } from '../src/store/migrations.js';

/** The bot's state on the database, on PGlite always and on PostgreSQL when TEST_DATABASE_URL is set (support/databases.ts). */
describe.each(databaseTargets())('bot state on $name', (target) => {
  let database: Database;
  let table: BotStateTable;
  const prefix = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}/`;

  beforeAll(async () => {
    database = await target.open();
    table = new BotStateTable(database.db);
  }, 60_000);
  afterAll(async () => {
    await database?.db.deleteFrom('bot_state').where('key', 'like', `${prefix}%`).execute();
    await target.closeAll();
  });

  it('migrates to the latest schema, and a second run changes nothing', async () => {
    expect(await database.ping()).toBe(true);
    const rows = await database.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(rows.map((r) => (r as { name: string }).name)).toEqual(migrationNames());
    expect(await migrateToLatest(database.db)).toEqual([]);
  });

  it('reads what it wrote, with a fresh eTag on every write', async () => {
    const key = `${prefix}conv/a`;
    const first = await table.write(key, { turn: 1, text: 'hei' });
    const read = await table.read([key, `${prefix}absent`]);
    expect(read.size).toBe(1);
    expect(read.get(key)).toEqual({ data: { turn: 1, text: 'hei' }, etag: first });
    const second = await table.write(key, { turn: 2 }, first);
    expect(second).not.toBe(first);
  });

  it('refuses a write with a stale eTag (two instances, one conversation), and accepts "*"', async () => {
    const key = `${prefix}conv/b`;
    const etag = await table.write(key, { n: 0 });
    await table.write(key, { n: 1 }, etag); // instance A wins
    await expect(table.write(key, { n: 2 }, etag)).rejects.toBeInstanceOf(ETagConflictError); // B read the old one
    expect((await table.read([key])).get(key)!.data).toEqual({ n: 1 });
    await table.write(key, { n: 3 }, '*');
    expect((await table.read([key])).get(key)!.data).toEqual({ n: 3 });
  });

  it('of two concurrent writers with the same eTag exactly one wins', async () => {
    const key = `${prefix}conv/race`;
    const etag = await table.write(key, { n: 0 });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => table.write(key, { n }, etag)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ETagConflictError)).toBe(true);
  });

  it('expires state idle longer than the set days, and only that', async () => {
    const old = `${prefix}conv/old`;
    const fresh = `${prefix}conv/fresh`;
    await table.write(old, { x: 1 });
    await table.write(fresh, { x: 2 });
    await database.db.updateTable('bot_state').set({ updated_at: new Date(Date.now() - 40 * 86_400_000) }).where('key', '=', old).execute();
    expect(await table.expire(30)).toBeGreaterThanOrEqual(1);
    const left = await table.read([old, fresh]);
    expect([...left.keys()]).toEqual([fresh]);
  });

  it('carries botbuilder conversation state across two "instances" sharing the database', async () => {
    const adapter = new TestAdapter();
    const activity = { type: 'message', channelId: 'test', conversation: { id: `${prefix}c1` }, from: { id: 'u1' }, recipient: { id: 'bot' }, text: 'hi' };
    const onInstance = async (update: (state: { turns?: number }) => void) => {
      const state = new ConversationState(new DatabaseStorage(new BotStateTable(database.db)));
      const property = state.createProperty<{ turns?: number }>('progress');
      const context = new TurnContext(adapter, { ...activity } as never);
      const value = await property.get(context, {});
      update(value);
      await property.set(context, value);
      await state.saveChanges(context);
      return value.turns;
    };
    expect(await onInstance((s) => (s.turns = (s.turns ?? 0) + 1))).toBe(1);
    expect(await onInstance((s) => (s.turns = (s.turns ?? 0) + 1))).toBe(2);
  });
});
