import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';

/**
 * Bot state on disk (STORAGE=file:<folder>) so conversations survive a restart on a single host.
 * One JSON file per key; writes go through a temporary file and a rename so a crash never leaves half a file.
 */
export class FileStorage implements Storage {
  constructor(private readonly folder: string) {
    mkdirSync(folder, { recursive: true });
  }

  private path(key: string): string {
    return join(this.folder, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      try {
        items[key] = JSON.parse(readFileSync(this.path(key), 'utf8'));
      } catch {
        // absent: the key has no state yet
      }
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, value] of Object.entries(changes)) {
      const file = this.path(key);
      writeFileSync(`${file}.tmp`, JSON.stringify(value));
      renameSync(`${file}.tmp`, file);
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) rmSync(this.path(key), { force: true });
  }
}
