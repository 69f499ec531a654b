import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.js';

export interface ApiKeyRow {
  id: string;
  tenant: string;
  created: string;
  revoked?: string;
}

/** The HTTP API's keys, by SHA-256 only (the key itself is shown once, when created, and never stored). */
export class ApiKeyTable {
  constructor(private readonly db: Kysely<Tables>) {}

  async hasActive(): Promise<boolean> {
    const r = await this.db.selectFrom('api_key').select(sql<string>`count(*)`.as('n')).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
    return Number(r.n) > 0;
  }

  /** The tenant of an active key with this SHA-256, or null. */
  async tenantOf(sha256: string): Promise<string | null> {
    return (await this.ownerOf(sha256))?.tenant ?? null;
  }

  /** The id and tenant of an active key with this SHA-256, or null. */
  async ownerOf(sha256: string): Promise<{ id: string; tenant: string } | null> {
    const r = await this.db.selectFrom('api_key').select(['id', 'tenant']).where('sha256', '=', sha256).where('revoked_at', 'is', null).executeTakeFirst();
    return r ?? null;
  }

  async insert(id: string, tenant: string, sha256: string): Promise<void> {
    await this.db.insertInto('api_key').values({ id, tenant, sha256 }).execute();
  }

  async revoke(id: string): Promise<boolean> {
    const r = await this.db.updateTable('api_key').set({ revoked_at: new Date() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async list(): Promise<ApiKeyRow[]> {
    const rows = await this.db.selectFrom('api_key').select(['id', 'tenant', 'created_at', 'revoked_at']).orderBy('created_at').execute();
    return rows.map((r) => ({ id: r.id, tenant: r.tenant, created: new Date(r.created_at).toISOString(), ...(r.revoked_at ? { revoked: new Date(r.revoked_at).toISOString() } : {}) }));
  }
}
