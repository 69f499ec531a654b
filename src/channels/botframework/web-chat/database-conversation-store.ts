import { LRUCache } from 'lru-cache';
import { transcriptKey, type WebChatRow, type WebChatTable } from '../../../store/web-chat-table.js';
import type { ConversationLimits, StoredActivity, WebChatConversation, WebChatStore } from './conversation-store.js';

const toConversation = (row: WebChatRow, token: string): WebChatConversation => ({
  id: row.id,
  token,
  tokenExpiresAt: row.tokenExpiresAt,
  user: { id: row.userId, name: '', role: 'user' },
  ...(row.locale ? { locale: row.locale } : {}),
  serviceUrl: row.serviceUrl,
  started: row.started,
  lastSeen: row.lastSeen,
});

const rowOf = (c: WebChatConversation): WebChatRow => ({ id: c.id, tokenExpiresAt: c.tokenExpiresAt, userId: c.user.id, ...(c.locale ? { locale: c.locale } : {}), serviceUrl: c.serviceUrl, started: c.started, lastSeen: c.lastSeen });

/**
 * The offline Direct Line's conversations in the database (DATABASE_URL or PGlite): any instance answers any
 * poll, a reply produced on one is read on another. The token is never stored; the one the client presented
 * travels with the conversation for the answer.
 */
export class DatabaseConversationStore implements WebChatStore {
  /**
   * Transcript keys of the conversations this instance has seen a token for (a post, a poll), so the bot's replies
   * and late card updates of a turn it runs can be sealed; bounded, and forgotten with the conversation's idle time.
   */
  private readonly keys: LRUCache<string, Buffer>;

  constructor(
    private readonly table: WebChatTable,
    readonly limits: ConversationLimits,
  ) {
    this.keys = new LRUCache({ max: 20_000, ttl: limits.idleMs });
  }

  private remember(conversation: WebChatConversation, token: string): void {
    if (token) this.keys.set(conversation.id, transcriptKey(conversation.id, token));
  }

  private keyOf(conversation: WebChatConversation): Buffer | undefined {
    return conversation.token ? transcriptKey(conversation.id, conversation.token) : this.keys.get(conversation.id);
  }

  async create(options: { userId?: string; locale?: string; serviceUrl: string }): Promise<WebChatConversation> {
    const { row, token } = await this.table.create(options);
    const conversation = toConversation(row, token);
    this.remember(conversation, token);
    return conversation;
  }

  async get(id: string): Promise<WebChatConversation | undefined> {
    const row = await this.table.get(id);
    return row ? toConversation(row, '') : undefined;
  }

  async byToken(token: string): Promise<WebChatConversation | undefined> {
    const row = await this.table.byToken(token);
    if (!row) return undefined;
    const conversation = toConversation(row, token);
    this.remember(conversation, token);
    return conversation;
  }

  async tokenMatches(conversation: WebChatConversation, token: string | undefined): Promise<boolean> {
    if (token === undefined || !(await this.table.tokenMatches(conversation.id, token))) return false;
    conversation.token = token;
    this.remember(conversation, token);
    return true;
  }

  async touch(conversation: WebChatConversation): Promise<void> {
    const row = rowOf(conversation);
    await this.table.touch(row);
    conversation.lastSeen = row.lastSeen;
  }

  async refreshToken(conversation: WebChatConversation): Promise<void> {
    const row = rowOf(conversation);
    await this.table.refreshToken(row);
    conversation.tokenExpiresAt = row.tokenExpiresAt;
  }

  async claimStart(conversation: WebChatConversation): Promise<boolean> {
    const claimed = await this.table.claimStart(rowOf(conversation));
    conversation.started = true;
    return claimed;
  }

  async setLocale(conversation: WebChatConversation, locale: string): Promise<void> {
    await this.table.setLocale(rowOf(conversation), locale);
    conversation.locale ??= locale;
  }

  async append(conversation: WebChatConversation, activity: StoredActivity): Promise<string> {
    const key = this.keyOf(conversation);
    // No key: no client of this conversation has reached this instance, so nobody could read the reply.
    return key ? this.table.append(conversation.id, key, activity) : '';
  }

  async since(conversation: WebChatConversation, watermark: number): Promise<{ activities: StoredActivity[]; watermark: string }> {
    const key = this.keyOf(conversation);
    if (!key) return { activities: [], watermark: String(watermark) };
    return (await this.table.since(conversation.id, key, watermark)) as { activities: StoredActivity[]; watermark: string };
  }

  async replace(conversation: WebChatConversation, id: string, activity: StoredActivity): Promise<boolean> {
    const key = this.keyOf(conversation);
    return key ? this.table.replace(conversation.id, key, id, activity) : false;
  }

  delete(conversation: WebChatConversation, id: string): Promise<boolean> {
    return this.table.delete(conversation.id, id);
  }

  sweep(): Promise<number> {
    return this.table.sweep();
  }
}
