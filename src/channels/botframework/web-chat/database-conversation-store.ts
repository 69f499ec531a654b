import type { WebChatRow, WebChatTable } from '../../../store/web-chat-table.js';
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
  constructor(
    private readonly table: WebChatTable,
    readonly limits: ConversationLimits,
  ) {}

  async create(options: { userId?: string; locale?: string; serviceUrl: string }): Promise<WebChatConversation> {
    const { row, token } = await this.table.create(options);
    return toConversation(row, token);
  }

  async get(id: string): Promise<WebChatConversation | undefined> {
    const row = await this.table.get(id);
    return row ? toConversation(row, '') : undefined;
  }

  async byToken(token: string): Promise<WebChatConversation | undefined> {
    const row = await this.table.byToken(token);
    return row ? toConversation(row, token) : undefined;
  }

  async tokenMatches(conversation: WebChatConversation, token: string | undefined): Promise<boolean> {
    if (token === undefined || !(await this.table.tokenMatches(conversation.id, token))) return false;
    conversation.token = token;
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

  append(conversation: WebChatConversation, activity: StoredActivity): Promise<string> {
    return this.table.append(conversation.id, activity);
  }

  since(conversation: WebChatConversation, watermark: number): Promise<{ activities: StoredActivity[]; watermark: string }> {
    return this.table.since(conversation.id, watermark) as Promise<{ activities: StoredActivity[]; watermark: string }>;
  }

  replace(conversation: WebChatConversation, id: string, activity: StoredActivity): Promise<boolean> {
    return this.table.replace(conversation.id, id, activity);
  }

  delete(conversation: WebChatConversation, id: string): Promise<boolean> {
    return this.table.delete(conversation.id, id);
  }

  sweep(): Promise<number> {
    return this.table.sweep();
  }
}
