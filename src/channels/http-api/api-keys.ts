import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ApiKeyTable } from '../../store/api-key-table.js';

/**
 * API keys for the HTTP API, one or more per tenant. Only a SHA-256 of each key is stored (the key itself is
 * shown once, when created): in PostgreSQL when DATABASE_URL is set (every instance sees a revoke at once), and
 * otherwise in a JSON file (`API_KEYS_FILE`, default `data/api-keys.json`) written atomically and re-read when it
 * changes. Not in embedded PGlite: it opens in one process only, and `npm run apikey` must work beside the server.
 */
export interface ApiKeys {
  /** Whether any key is active: with none, the API answers only on loopback (a developer's machine). */
  hasActiveKeys(): Promise<boolean>;
  /** The tenant a key belongs to, or null for an unknown or revoked key. */
  tenantOf(key: string): Promise<string | null>;
  /** The key's id and tenant (who calls, for the review events), or null for an unknown or revoked key. */
  ownerOf(key: string): Promise<KeyOwner | null>;
  create(tenant: string): Promise<{ id: string; key: string }>;
  revoke(id: string): Promise<boolean>;
  list(): Promise<Omit<StoredKey, 'sha256'>[]>;
}

export interface KeyOwner {
  id: string;
  tenant: string;
}

export interface StoredKey {
  id: string;
  tenant: string;
  sha256: string;
  created: string;
  revoked?: string;
}

const hash = (key: string) => createHash('sha256').update(key).digest('hex');

function newKey(tenant: string): { id: string; key: string } {
  if (!/^[\w.-]{1,64}$/.test(tenant)) throw new Error('the tenant must be 1–64 letters, digits, dots, dashes or underscores');
  const id = randomBytes(4).toString('hex');
  return { id, key: `wl_${id}_${randomBytes(24).toString('base64url')}` };
}

/** Keys in PostgreSQL (DATABASE_URL). */
export class DatabaseApiKeys implements ApiKeys {
  constructor(private readonly table: ApiKeyTable) {}
  hasActiveKeys = () => this.table.hasActive();
  tenantOf = async (key: string) => (await this.ownerOf(key))?.tenant ?? null;
  ownerOf = (key: string) => this.table.ownerOf(hash(key));
  async create(tenant: string): Promise<{ id: string; key: string }> {
    const created = newKey(tenant);
    await this.table.insert(created.id, tenant, hash(created.key));
    return created;
  }
  revoke = (id: string) => this.table.revoke(id);
  list = () => this.table.list();
}

/** Keys in a JSON file (no DATABASE_URL). */
export class ApiKeyStore implements ApiKeys {
  private keys: StoredKey[] = [];
  private mtimeMs = -1;

  constructor(readonly path: string) {}

  private load(): StoredKey[] {
    if (!existsSync(this.path)) {
      this.keys = [];
      this.mtimeMs = -1;
      return this.keys;
    }
    const mtime = statSync(this.path).mtimeMs;
    if (mtime !== this.mtimeMs) {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as { keys?: StoredKey[] };
      this.keys = Array.isArray(parsed.keys) ? parsed.keys : [];
      this.mtimeMs = mtime;
    }
    return this.keys;
  }

  private save(keys: StoredKey[]): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ keys }, null, 2)}\n`, { mode: 0o600 });
    renameSync(tmp, this.path);
    this.mtimeMs = -1;
  }

  async hasActiveKeys(): Promise<boolean> {
    return this.load().some((k) => !k.revoked);
  }

  async tenantOf(key: string): Promise<string | null> {
    return (await this.ownerOf(key))?.tenant ?? null;
  }

  /** Compared in constant time. */
  async ownerOf(key: string): Promise<KeyOwner | null> {
    const digest = Buffer.from(hash(key), 'hex');
    for (const k of this.load()) {
      if (k.revoked) continue;
      const stored = Buffer.from(k.sha256, 'hex');
      if (stored.length === digest.length && timingSafeEqual(stored, digest)) return { id: k.id, tenant: k.tenant };
    }
    return null;
  }

  async create(tenant: string): Promise<{ id: string; key: string }> {
    const { id, key } = newKey(tenant);
    this.save([...this.load(), { id, tenant, sha256: hash(key), created: new Date().toISOString() }]);
    return { id, key };
  }

  async revoke(id: string): Promise<boolean> {
    const keys = this.load();
    const found = keys.find((k) => k.id === id && !k.revoked);
    if (!found) return false;
    this.save(keys.map((k) => (k === found ? { ...k, revoked: new Date().toISOString() } : k)));
    return true;
  }

  async list(): Promise<Omit<StoredKey, 'sha256'>[]> {
    return this.load().map(({ sha256: _sha256, ...rest }) => rest);
  }
}
