import { randomBytes, timingSafeEqual } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Activity, ChannelAccount } from 'botbuilder';

/**
 * The offline Direct Line's conversations: kept in this process (ConversationStore, below) or in the database
 * (DatabaseConversationStore) so that any instance serves any web-chat user. Everything is bounded because anyone
 * who can reach the page can start conversations: activities and bytes per conversation, an idle expiry, and in
 * memory a cap on conversations and on bytes overall.
 */
export interface ConversationLimits {
  maxConversations: number;
  maxActivitiesPerConversation: number;
  maxBytesPerConversation: number;
  maxTotalBytes: number;
  /** A conversation nobody has polled or posted to for this long is forgotten. */
  idleMs: number;
  /** Token lifetime; Web Chat refreshes well before it ends (every 15 minutes). */
  tokenTtlSeconds: number;
}

export const DEFAULT_LIMITS: ConversationLimits = {
  maxConversations: 1_000,
  maxActivitiesPerConversation: 200,
  maxBytesPerConversation: 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
  idleMs: 30 * 60 * 1000,
  tokenTtlSeconds: 30 * 60,
};

/** A stored activity is plain JSON (what the client will see), with its position for watermarks. */
export type StoredActivity = Partial<Activity> & Record<string, unknown>;

/** What the routes and the adapter know of a conversation, wherever it is kept. */
export interface WebChatConversation {
  readonly id: string;
  /** The token the client holds (in the database only its hash is kept; this is the one presented). */
  token: string;
  tokenExpiresAt: number;
  readonly user: ChannelAccount;
  locale?: string;
  readonly serviceUrl: string;
  /** The bot has had its conversationUpdate (the welcome); done once, on the first connect. */
  started: boolean;
  lastSeen: number;
}

/** The conversations of the offline Direct Line, in memory or in the database. */
export interface WebChatStore {
  readonly limits: ConversationLimits;
  create(options: { userId?: string; locale?: string; serviceUrl: string }): Promise<WebChatConversation>;
  /** The live conversation with this id; an idle one is dropped on the way. */
  get(id: string): Promise<WebChatConversation | undefined>;
  /** Finds a conversation by its token (tokens/refresh and a reconnecting Web Chat only carry that). */
  byToken(token: string): Promise<WebChatConversation | undefined>;
  /** The token opens this conversation and has not expired. */
  tokenMatches(conversation: WebChatConversation, token: string | undefined): Promise<boolean>;
  /** Marks use (the idle clock starts again). */
  touch(conversation: WebChatConversation): Promise<void>;
  refreshToken(conversation: WebChatConversation): Promise<void>;
  /** True for exactly one caller: the one that gets to send the welcome. */
  claimStart(conversation: WebChatConversation): Promise<boolean>;
  setLocale(conversation: WebChatConversation, locale: string): Promise<void>;
  /** Appends an activity, giving it the next Direct Line id (`<conversation>|<seq>`); returns that id. */
  append(conversation: WebChatConversation, activity: StoredActivity): Promise<string>;
  /** Activities after the watermark, and the watermark to ask from next time. */
  since(conversation: WebChatConversation, watermark: number): Promise<{ activities: StoredActivity[]; watermark: string }>;
  /** An updated activity moves to the end of the sequence, so clients polling past it receive it again. */
  replace(conversation: WebChatConversation, id: string, activity: StoredActivity): Promise<boolean>;
  delete(conversation: WebChatConversation, id: string): Promise<boolean>;
  /** Forgets idle conversations; returns how many. */
  sweep(): Promise<number>;
}

interface Entry {
  seq: number;
  bytes: number;
  activity: StoredActivity;
}

interface Conversation extends WebChatConversation {
  seq: number;
  bytes: number;
  entries: Entry[];
}

const newId = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * In this process: one instance only, lost on restart; bounded by count, bytes and idle time, all three kept by
 * lru-cache. A conversation's bytes grow in place as activities are appended, so it is set again after each change
 * for its size to be read again; being set makes it the most recent, so the byte budget never drops the one being
 * written, only the least recently used others (unless it alone outgrows the whole budget: per-conversation limits
 * under the total, as the defaults are, rule that out). Reading or writing a conversation counts as recent use for
 * the count and byte caps; only the user's use (touch) restarts its idle clock.
 */
export class ConversationStore implements WebChatStore {
  private readonly conversations: LRUCache<string, Conversation>;

  constructor(
    readonly limits: ConversationLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.conversations = new LRUCache<string, Conversation>({
      max: limits.maxConversations,
      maxSize: limits.maxTotalBytes,
      sizeCalculation: (c) => c.bytes + 1, // lru-cache sizes must be positive; a new conversation holds nothing yet
      ttl: limits.idleMs,
      // The idle clock is ours (tests move it), read fresh each time rather than cached for a millisecond.
      perf: { now },
      ttlResolution: 0,
    });
  }

  get size(): number {
    return this.conversations.size;
  }

  /** Bytes one conversation holds (tests of the bounds). */
  bytesOf(conversation: WebChatConversation): number {
    return this.conversations.peek(conversation.id)?.bytes ?? 0;
  }

  async create(options: { userId?: string; locale?: string; serviceUrl: string }): Promise<WebChatConversation> {
    // Idle conversations go first, so the count cap evicts a live one only when there is no idle one to drop.
    this.conversations.purgeStale();
    const now = this.now();
    const conversation: Conversation = {
      id: newId(18),
      token: newId(32),
      tokenExpiresAt: now + this.limits.tokenTtlSeconds * 1000,
      user: { id: options.userId ?? `u_${newId(12)}`, name: '', role: 'user' },
      locale: options.locale,
      serviceUrl: options.serviceUrl,
      started: false,
      lastSeen: now,
      seq: 0,
      bytes: 0,
      entries: [],
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The live conversation with this id; an idle one is dropped on the way (lru-cache's ttl). */
  async get(id: string): Promise<WebChatConversation | undefined> {
    return this.conversations.get(id);
  }

  async byToken(token: string): Promise<WebChatConversation | undefined> {
    for (const conversation of this.conversations.values()) {
      if (this.matches(conversation, token)) return conversation;
    }
    return undefined;
  }

  async tokenMatches(conversation: WebChatConversation, token: string | undefined): Promise<boolean> {
    return this.matches(conversation, token);
  }

  /** Constant-time comparison, and an expired token no longer opens the conversation. */
  private matches(conversation: WebChatConversation, token: string | undefined): boolean {
    if (token === undefined || conversation.tokenExpiresAt < this.now()) return false;
    const a = Buffer.from(conversation.token);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** The idle clock starts again, and the conversation becomes the most recently used. */
  async touch(conversation: WebChatConversation): Promise<void> {
    const held = this.conversations.peek(conversation.id);
    if (!held) return;
    held.lastSeen = this.now();
    this.conversations.set(held.id, held);
  }

  async refreshToken(conversation: WebChatConversation): Promise<void> {
    conversation.tokenExpiresAt = this.now() + this.limits.tokenTtlSeconds * 1000;
  }

  async claimStart(conversation: WebChatConversation): Promise<boolean> {
    if (conversation.started) return false;
    conversation.started = true;
    return true;
  }

  async setLocale(conversation: WebChatConversation, locale: string): Promise<void> {
    conversation.locale ??= locale;
  }

  async append(c: WebChatConversation, activity: StoredActivity): Promise<string> {
    const conversation = this.conversations.peek(c.id);
    if (!conversation) return '';
    conversation.seq += 1;
    const id = `${conversation.id}|${String(conversation.seq).padStart(7, '0')}`;
    const stored: StoredActivity = { ...activity, id };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    conversation.entries.push({ seq: conversation.seq, bytes, activity: stored });
    conversation.bytes += bytes;
    while (
      conversation.entries.length > 1 &&
      (conversation.entries.length > this.limits.maxActivitiesPerConversation || conversation.bytes > this.limits.maxBytesPerConversation)
    ) {
      conversation.bytes -= conversation.entries.shift()!.bytes;
    }
    this.resized(conversation);
    return id;
  }

  async since(c: WebChatConversation, watermark: number): Promise<{ activities: StoredActivity[]; watermark: string }> {
    const conversation = this.conversations.peek(c.id);
    if (!conversation) return { activities: [], watermark: String(watermark) };
    const activities = conversation.entries.filter((e) => e.seq > watermark).map((e) => e.activity);
    return { activities, watermark: String(conversation.seq) };
  }

  async replace(c: WebChatConversation, id: string, activity: StoredActivity): Promise<boolean> {
    const conversation = this.conversations.peek(c.id);
    const index = conversation ? conversation.entries.findIndex((e) => e.activity.id === id) : -1;
    if (!conversation || index < 0) return false;
    // An updated activity gets a new place in the sequence, so clients polling past it receive it again
    // and Web Chat replaces the old one by id (the late LLM card update relies on this).
    const [entry] = conversation.entries.splice(index, 1) as [Entry];
    conversation.seq += 1;
    entry.seq = conversation.seq;
    conversation.entries.push(entry);
    entry.activity = { ...activity, id };
    const bytes = Buffer.byteLength(JSON.stringify(entry.activity));
    conversation.bytes += bytes - entry.bytes;
    entry.bytes = bytes;
    this.resized(conversation);
    return true;
  }

  async delete(c: WebChatConversation, id: string): Promise<boolean> {
    const conversation = this.conversations.peek(c.id);
    const index = conversation ? conversation.entries.findIndex((e) => e.activity.id === id) : -1;
    if (!conversation || index < 0) return false;
    const [entry] = conversation.entries.splice(index, 1);
    conversation.bytes -= entry!.bytes;
    this.resized(conversation);
    return true;
  }

  async sweep(): Promise<number> {
    const before = this.conversations.size;
    this.conversations.purgeStale();
    return before - this.conversations.size;
  }

  /** Sets the conversation again so lru-cache reads its size, without restarting its idle clock (only use does). */
  private resized(conversation: Conversation): void {
    this.conversations.set(conversation.id, conversation, { noUpdateTTL: true });
  }
}
