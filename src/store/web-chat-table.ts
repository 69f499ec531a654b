import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** A web-chat conversation as the database keeps it (channel-free: the Direct Line code maps it). */
export interface WebChatRow {
  id: string;
  tokenExpiresAt: number;
  userId: string;
  locale?: string;
  serviceUrl: string;
  started: boolean;
  lastSeen: number;
}

export interface WebChatTableLimits {
  maxActivitiesPerConversation: number;
  maxBytesPerConversation: number;
  idleMs: number;
  tokenTtlSeconds: number;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A conversation's activities are stored encrypted (AES-256-GCM) under a key derived from its token, which the
 * database holds only as a hash: the transcript (the agent's drafts among it) is readable only with the token the
 * browser holds, never from the database alone.
 */
export const transcriptKey = (conversationId: string, token: string): Buffer =>
  Buffer.from(hkdfSync('sha256', token, conversationId, 'warmline web chat transcript', 32));

function seal(key: Buffer, json: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(json, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

function open(key: Buffer, sealed: string): Record<string, unknown> | undefined {
  try {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined; // another key: not this client's to read
  }
}
const newId = (bytes: number) => randomBytes(bytes).toString('base64url');
/** The last-seen time is written at most this often per conversation: a poll every half second must not be a write. */
const TOUCH_EVERY_MS = 30_000;

const rowOf = (r: { id: string; token_expires_at: Date; user_id: string; locale: string | null; service_url: string; started: boolean; last_seen: Date }): WebChatRow => ({
  id: r.id,
  tokenExpiresAt: new Date(r.token_expires_at).getTime(),
  userId: r.user_id,
  ...(r.locale ? { locale: r.locale } : {}),
  serviceUrl: r.service_url,
  started: r.started,
  lastSeen: new Date(r.last_seen).getTime(),
});

/**
 * The offline Direct Line's conversations and activities in the database, so any instance serves any web-chat
 * user. Tokens are stored hashed. Bounded per conversation (activities, bytes) and by idle expiry; the number of
 * conversations is bounded by the per-address rate limit and the expiry, not by evicting other people's.
 */
export class WebChatTable {
  constructor(
    private readonly db: Kysely<Tables>,
    readonly limits: WebChatTableLimits,
    private readonly now: () => number = Date.now,
  ) {}

  async create(options: { userId?: string; locale?: string; serviceUrl: string }): Promise<{ row: WebChatRow; token: string }> {
    const token = newId(32);
    const now = this.now();
    const row: WebChatRow = {
      id: newId(18),
      tokenExpiresAt: now + this.limits.tokenTtlSeconds * 1000,
      userId: options.userId ?? `u_${newId(12)}`,
      ...(options.locale ? { locale: options.locale } : {}),
      serviceUrl: options.serviceUrl,
      started: false,
      lastSeen: now,
    };
    await this.db
      .insertInto('web_chat_conversation')
      .values({ id: row.id, token_hash: hash(token), token_expires_at: new Date(row.tokenExpiresAt), user_id: row.userId, locale: options.locale ?? null, service_url: row.serviceUrl, last_seen: new Date(now) })
      .execute();
    return { row, token };
  }

  private live(row: WebChatRow | undefined): WebChatRow | undefined {
    return row && this.now() - row.lastSeen <= this.limits.idleMs ? row : undefined;
  }

  async get(id: string): Promise<WebChatRow | undefined> {
    if (!id) return undefined;
    const r = await this.db.selectFrom('web_chat_conversation').selectAll().where('id', '=', id).executeTakeFirst();
    return this.live(r ? rowOf(r) : undefined);
  }

  async byToken(token: string): Promise<WebChatRow | undefined> {
    const r = await this.db.selectFrom('web_chat_conversation').selectAll().where('token_hash', '=', hash(token)).executeTakeFirst();
    const row = this.live(r ? rowOf(r) : undefined);
    return row && row.tokenExpiresAt >= this.now() ? row : undefined;
  }

  async tokenMatches(id: string, token: string): Promise<boolean> {
    const r = await this.db.selectFrom('web_chat_conversation').select(['token_expires_at']).where('id', '=', id).where('token_hash', '=', hash(token)).executeTakeFirst();
    return r !== undefined && new Date(r.token_expires_at).getTime() >= this.now();
  }

  async touch(row: WebChatRow): Promise<void> {
    const now = this.now();
    if (now - row.lastSeen < TOUCH_EVERY_MS) return;
    row.lastSeen = now;
    await this.db.updateTable('web_chat_conversation').set({ last_seen: new Date(now) }).where('id', '=', row.id).execute();
  }

  async refreshToken(row: WebChatRow): Promise<void> {
    row.tokenExpiresAt = this.now() + this.limits.tokenTtlSeconds * 1000;
    await this.db.updateTable('web_chat_conversation').set({ token_expires_at: new Date(row.tokenExpiresAt) }).where('id', '=', row.id).execute();
  }

  /** Exactly one caller, on any instance, flips `started`. */
  async claimStart(row: WebChatRow): Promise<boolean> {
    const result = await this.db.updateTable('web_chat_conversation').set({ started: true }).where('id', '=', row.id).where('started', '=', false).executeTakeFirst();
    row.started = true;
    return Number(result.numUpdatedRows) === 1;
  }

  async setLocale(row: WebChatRow, locale: string): Promise<void> {
    if (row.locale) return;
    row.locale = locale;
    await this.db.updateTable('web_chat_conversation').set({ locale }).where('id', '=', row.id).where('locale', 'is', null).execute();
  }

  /** The next number of the conversation's sequence, taken atomically (two instances never get the same one). */
  private async nextSeq(id: string): Promise<number | undefined> {
    const r = await this.db
      .updateTable('web_chat_conversation')
      .set({ seq: sql`seq + 1` })
      .where('id', '=', id)
      .returning('seq')
      .executeTakeFirst();
    return r ? Number(r.seq) : undefined;
  }

  /** Appends an activity (the id is `<conversation>|<seq>`); returns its id, or '' if the conversation is gone. */
  async append(id: string, key: Buffer, activity: Record<string, unknown>): Promise<string> {
    const seq = await this.nextSeq(id);
    if (seq === undefined) return '';
    const activityId = `${id}|${String(seq).padStart(7, '0')}`;
    const sealed = JSON.stringify(seal(key, JSON.stringify({ ...activity, id: activityId })));
    await this.db.insertInto('web_chat_activity').values({ conversation_id: id, seq, activity_id: activityId, bytes: Buffer.byteLength(sealed), data: sealed }).execute();
    await this.trim(id, seq);
    return activityId;
  }

  /** Keeps the newest activities within the count and byte bounds (the newest is always kept). */
  private async trim(id: string, seq: number): Promise<void> {
    const { maxActivitiesPerConversation: maxCount, maxBytesPerConversation: maxBytes } = this.limits;
    await this.db.deleteFrom('web_chat_activity').where('conversation_id', '=', id).where('seq', '<=', seq - maxCount).execute();
    const rows = await this.db.selectFrom('web_chat_activity').select(['seq', 'bytes']).where('conversation_id', '=', id).orderBy('seq', 'desc').execute();
    let total = 0;
    let cut: number | undefined;
    for (const [i, r] of rows.entries()) {
      total += r.bytes;
      if (i > 0 && total > maxBytes) {
        cut = Number(r.seq);
        break;
      }
    }
    if (cut !== undefined) await this.db.deleteFrom('web_chat_activity').where('conversation_id', '=', id).where('seq', '<=', cut).execute();
  }

  async since(id: string, key: Buffer, watermark: number): Promise<{ activities: Record<string, unknown>[]; watermark: string }> {
    const [rows, conv] = await Promise.all([
      this.db.selectFrom('web_chat_activity').select(['data']).where('conversation_id', '=', id).where('seq', '>', watermark).orderBy('seq').execute(),
      this.db.selectFrom('web_chat_conversation').select(['seq']).where('id', '=', id).executeTakeFirst(),
    ]);
    const activities = rows.map((r) => open(key, r.data as string)).filter((a): a is Record<string, unknown> => a !== undefined);
    return { activities, watermark: String(conv ? Number(conv.seq) : watermark) };
  }

  /** Moves an updated activity to the end of the sequence, so clients polling past it receive it again. */
  async replace(id: string, key: Buffer, activityId: string, activity: Record<string, unknown>): Promise<boolean> {
    const exists = await this.db.selectFrom('web_chat_activity').select(['seq']).where('conversation_id', '=', id).where('activity_id', '=', activityId).executeTakeFirst();
    if (!exists) return false;
    const seq = await this.nextSeq(id);
    if (seq === undefined) return false;
    const sealed = JSON.stringify(seal(key, JSON.stringify({ ...activity, id: activityId })));
    const result = await this.db
      .updateTable('web_chat_activity')
      .set({ seq, data: sealed, bytes: Buffer.byteLength(sealed) })
      .where('conversation_id', '=', id)
      .where('activity_id', '=', activityId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async delete(id: string, activityId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('web_chat_activity').where('conversation_id', '=', id).where('activity_id', '=', activityId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Deletes conversations idle past the limit (their activities go with them); returns how many. */
  async sweep(): Promise<number> {
    const cutoff = new Date(this.now() - this.limits.idleMs);
    const result = await this.db.deleteFrom('web_chat_conversation').where('last_seen', '<', cutoff).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async count(): Promise<number> {
    const r = await this.db.selectFrom('web_chat_conversation').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
