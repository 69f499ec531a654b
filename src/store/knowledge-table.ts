import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

export interface PublishedVersion {
  id: number;
  hash: string;
}

/** The published compiled knowledge bases, newest last; an artifact is stored as the JSON text that was built. */
export class KnowledgeTable {
  constructor(private readonly db: Kysely<Tables>) {}

  static hashOf(artifactJson: string): string {
    return createHash('sha256').update(artifactJson).digest('hex').slice(0, 16);
  }

  async latest(): Promise<PublishedVersion | undefined> {
    const r = await this.db.selectFrom('knowledge_version').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return r ? { id: Number(r.id), hash: r.hash } : undefined;
  }

  async artifact(id: number): Promise<string | undefined> {
    const r = await this.db.selectFrom('knowledge_version').select(['artifact']).where('id', '=', id).executeTakeFirst();
    return r?.artifact;
  }

  /** Publishes an artifact unless it is already the newest; resolves with the version now newest. */
  async publish(artifactJson: string): Promise<PublishedVersion> {
    const hash = KnowledgeTable.hashOf(artifactJson);
    const latest = await this.latest();
    if (latest?.hash === hash) return latest;
    const r = await this.db.insertInto('knowledge_version').values({ hash, artifact: artifactJson }).returning(['id']).executeTakeFirstOrThrow();
    // Keep the last ten: enough to see what changed, bounded however often it is published.
    await this.db.deleteFrom('knowledge_version').where('id', '<=', Number(r.id) - 10).execute();
    return { id: Number(r.id), hash };
  }
}
