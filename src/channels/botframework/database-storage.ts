import type { Storage, StoreItems } from 'botbuilder';
import type { BotStateTable } from '../../store/bot-state-table.js';

/**
 * botbuilder's `Storage` on the database: conversation and user state survive restarts and are shared by every
 * instance. The eTag botbuilder reads travels with each document; a write with a stale one throws, so two
 * instances answering the same conversation at once never overwrite each other silently.
 */
export class DatabaseStorage implements Storage {
  constructor(private readonly table: BotStateTable) {}

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const [key, { data, etag }] of await this.table.read(keys)) items[key] = { ...data, eTag: etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...data } = (item ?? {}) as Record<string, unknown> & { eTag?: string };
      const etag = await this.table.write(key, data, eTag);
      // botbuilder keeps the object it wrote: give it the new eTag, so its next write in this turn is not stale.
      if (item && typeof item === 'object') (item as { eTag?: string }).eTag = etag;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.table.delete(keys);
  }
}
