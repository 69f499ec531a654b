import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** A write that lost a race: the stored eTag is not the one the writer read. */
export class ETagConflictError extends Error {
  constructor(readonly key: string) {
    super(`state "${key}" was changed by another writer (eTag mismatch)`);
    this.name = 'ETagConflictError';
  }
}

export interface StoredState {
  data: Record<string, unknown>;
  etag: string;
}

/**
 * The bot's state documents with optimistic concurrency, channel-free (the botbuilder `Storage` over it lives in
 * src/channels/botframework). A write names the eTag it read: `*` or none overwrites, a stale one fails.
 */
export class BotStateTable {
  constructor(private readonly db: Kysely<Tables>) {}

  async read(keys: readonly string[]): Promise<Map<string, StoredState>> {
    const found = new Map<string, StoredState>();
    if (keys.length === 0) return found;
    const rows = await this.db.selectFrom('bot_state').select(['key', 'etag', 'data']).where('key', 'in', [...keys]).execute();
    for (const row of rows) found.set(row.key, { data: row.data as Record<string, unknown>, etag: row.etag });
    return found;
  }

  /** Writes one document; resolves with its new eTag, or throws ETagConflictError. */
  async write(key: string, data: Record<string, unknown>, expected?: string): Promise<string> {
    const etag = randomUUID();
    const json = JSON.stringify(data);
    const now = new Date();
    if (!expected || expected === '*') {
      await this.db
        .insertInto('bot_state')
        .values({ key, etag, data: json, updated_at: now })
        .onConflict((oc) => oc.column('key').doUpdateSet({ etag, data: json, updated_at: now }))
        .execute();
      return etag;
    }
    const updated = await this.db.updateTable('bot_state').set({ etag, data: json, updated_at: now }).where('key', '=', key).where('etag', '=', expected).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 1) return etag;
    // Nothing matched: either the key is new (as botbuilder's MemoryStorage, any eTag is then accepted) or another
    // writer got there first.
    const inserted = await this.db.insertInto('bot_state').values({ key, etag, data: json, updated_at: now }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return etag;
    throw new ETagConflictError(key);
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.db.deleteFrom('bot_state').where('key', 'in', [...keys]).execute();
  }

  /** Deletes state not written for `idleDays` days; returns how many documents went. */
  async expire(idleDays: number, now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - idleDays * 86_400_000);
    const result = await this.db.deleteFrom('bot_state').where('updated_at', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('bot_state').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
