import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Activity, ChannelAccount } from 'botbuilder';

/**
 * The offline Direct Line's memory. Everything here is bounded because anyone who can reach the
 * page can start conversations: a cap on conversations (least recently used evicted first), on
 * activities and bytes per conversation, on bytes overall, and an idle expiry.
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

interface Entry {
  seq: number;
  bytes: number;
  activity: StoredActivity;
}

export interface Conversation {
  readonly id: string;
  readonly token: string;
  tokenExpiresAt: number;
  readonly user: ChannelAccount;
  locale?: string;
  readonly serviceUrl: string;
  /** The bot has had its conversationUpdate (the welcome); done once, on the first connect. */
  started: boolean;
  lastSeen: number;
  seq: number;
  bytes: number;
  entries: Entry[];
  /** Turns of one conversation run one after another, so conversation state is never written twice at once. */
  queue: Promise<void>;
}

const newId = (bytes: number) => randomBytes(bytes).toString('base64url');

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private totalBytes = 0;

  constructor(
    readonly limits: ConversationLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.conversations.size;
  }

  create(options: { userId?: string; locale?: string; serviceUrl: string }): Conversation {
    this.sweepExpired();
    while (this.conversations.size >= this.limits.maxConversations) this.evictOldest();
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
      queue: Promise.resolve(),
    };
    this.conversations.set(conversation.id, conversation);
    return conversation;
  }

  /** The live conversation with this id; an idle one is dropped on the way. */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    if (this.now() - conversation.lastSeen > this.limits.idleMs) {
      this.remove(conversation);
      return undefined;
    }
    return conversation;
  }

  /** Finds a conversation by its token (tokens/refresh and a reconnecting Web Chat only carry that). */
  byToken(token: string): Conversation | undefined {
    for (const conversation of this.conversations.values()) {
      if (this.tokenMatches(conversation, token)) return this.get(conversation.id);
    }
    return undefined;
  }

  /** Constant-time comparison, and an expired token no longer opens the conversation. */
  tokenMatches(conversation: Conversation, token: string | undefined): boolean {
    if (token === undefined || conversation.tokenExpiresAt < this.now()) return false;
    const a = Buffer.from(conversation.token);
    const b = Buffer.from(token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** Marks use: moves the conversation to the young end of the eviction order. */
  touch(conversation: Conversation): void {
    conversation.lastSeen = this.now();
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, conversation);
  }

  refreshToken(conversation: Conversation): void {
    conversation.tokenExpiresAt = this.now() + this.limits.tokenTtlSeconds * 1000;
  }

  /** Appends an activity, giving it the next Direct Line id (`<conversation>|<seq>`); returns that id. */
  append(conversation: Conversation, activity: StoredActivity): string {
    conversation.seq += 1;
    const id = `${conversation.id}|${String(conversation.seq).padStart(7, '0')}`;
    const stored: StoredActivity = { ...activity, id };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    conversation.entries.push({ seq: conversation.seq, bytes, activity: stored });
    conversation.bytes += bytes;
    this.totalBytes += bytes;
    while (
      conversation.entries.length > 1 &&
      (conversation.entries.length > this.limits.maxActivitiesPerConversation || conversation.bytes > this.limits.maxBytesPerConversation)
    ) {
      const dropped = conversation.entries.shift()!;
      conversation.bytes -= dropped.bytes;
      this.totalBytes -= dropped.bytes;
    }
    // Over the global budget, whole conversations go, oldest first, but never the one being written.
    for (const oldest of this.conversations.values()) {
      if (this.totalBytes <= this.limits.maxTotalBytes) break;
      if (oldest !== conversation) this.remove(oldest);
    }
    return id;
  }

  /** Activities after the watermark, and the watermark to ask from next time. */
  since(conversation: Conversation, watermark: number): { activities: StoredActivity[]; watermark: string } {
    const activities = conversation.entries.filter((e) => e.seq > watermark).map((e) => e.activity);
    return { activities, watermark: String(conversation.seq) };
  }

  replace(conversation: Conversation, id: string, activity: StoredActivity): boolean {
    const index = conversation.entries.findIndex((e) => e.activity.id === id);
    if (index < 0) return false;
    // An updated activity gets a new place in the sequence, so clients polling past it receive it again
    // and Web Chat replaces the old one by id (the late LLM card update relies on this).
    const [entry] = conversation.entries.splice(index, 1) as [(typeof conversation.entries)[number]];
    conversation.seq += 1;
    entry.seq = conversation.seq;
    conversation.entries.push(entry);
    entry.activity = { ...activity, id };
    const bytes = Buffer.byteLength(JSON.stringify(entry.activity));
    conversation.bytes += bytes - entry.bytes;
    this.totalBytes += bytes - entry.bytes;
    entry.bytes = bytes;
    return true;
  }

  delete(conversation: Conversation, id: string): boolean {
    const index = conversation.entries.findIndex((e) => e.activity.id === id);
    if (index < 0) return false;
    const [entry] = conversation.entries.splice(index, 1);
    conversation.bytes -= entry!.bytes;
    this.totalBytes -= entry!.bytes;
    return true;
  }

  /** Map order is least recently used first, so expired conversations sit at the front. */
  private sweepExpired(): void {
    const now = this.now();
    for (const conversation of this.conversations.values()) {
      if (now - conversation.lastSeen <= this.limits.idleMs) break;
      this.remove(conversation);
    }
  }

  private evictOldest(): void {
    const oldest = this.conversations.values().next().value;
    if (oldest) this.remove(oldest);
  }

  private remove(conversation: Conversation): void {
    if (this.conversations.delete(conversation.id)) this.totalBytes -= conversation.bytes;
  }
}
