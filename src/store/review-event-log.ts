import { createHmac, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { dashboardFigures, weekFigures, type DashboardData, type DashboardFilters, type WeekFigures } from './event-figures.js';
import type { Tables } from './tables.js';

export type { DashboardData, DashboardFilters, WeekFigures } from './event-figures.js';

/** A team's name as kept (Teams allows 256 characters; the dashboard needs far fewer). */
const MAX_TEAM_NAME = 200;
/** Teams whose names are remembered between writes: far more than a tenant has, and a bound against a flood. */
const MAX_TEAMS_REMEMBERED = 10_000;

/** An event as the log receives it (the assistant's ReviewEvent, structurally). */
export interface LoggedEvent {
  kind: 'review' | 'choice' | 'practice';
  reviewId: string;
  caller: { user?: string; tenant?: string; site?: string; channel?: string; team?: string };
  lang?: string;
  verdict?: string;
  mode?: string;
  findings?: { rule: string; severity: string }[];
  choice?: string;
  /** A practice answer: its score (0-100) and scenario id. */
  score?: number;
  scenario?: string;
  /** When it happened (the seed of a demo); now when absent. */
  at?: Date;
  /** The reviewed draft: kept only with `storeText` (REVIEW_STORE_TEXT=true), else dropped as it is queued. */
  draft?: string;
}

export interface EventLogOptions {
  /** Keys the pseudonyms; EVENTS_SECRET, else one generated once and kept in the database. */
  secret?: string;
  /** Events waiting at most; past it new ones are dropped and counted (a flood must not grow memory). */
  maxQueue?: number;
  flushMs?: number;
  batchSize?: number;
  /** REVIEW_STORE_TEXT: keep each review's draft (table review_text, its own retention). Off: no text is kept. */
  storeText?: boolean;
  onError?: (message: string) => void;
}

/**
 * The review events, written in batches off the review's path: `record` only queues (bounded), a timer writes
 * every second, `close` flushes what is left (SIGTERM loses nothing queued). A database outage turns into
 * counted, logged drops, never a failed or slower review. Agents appear only as a keyed hash of tenant and user.
 */
export class ReviewEventLog {
  private queue: LoggedEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  /** Team names waiting for the next write, by tenant and team; the last one seen wins (a team renamed). */
  private pendingTeamNames = new Map<string, { tenant: string; team: string; name: string }>();
  /** The names written last, so a name Teams repeats is not written again on every activity. */
  private writtenTeamNames = new Map<string, string>();
  dropped = 0;
  written = 0;

  private constructor(
    private readonly db: Kysely<Tables>,
    private readonly secret: string,
    private readonly options: Required<Omit<EventLogOptions, 'secret' | 'onError'>> & Pick<EventLogOptions, 'onError'>,
  ) {
    this.timer = setInterval(() => void this.flush(), options.flushMs).unref();
  }

  static async open(db: Kysely<Tables>, options: EventLogOptions = {}): Promise<ReviewEventLog> {
    const secret = options.secret || (await secretOf(db));
    return new ReviewEventLog(db, secret, { maxQueue: options.maxQueue ?? 10_000, flushMs: options.flushMs ?? 1_000, batchSize: options.batchSize ?? 500, storeText: options.storeText ?? false, onError: options.onError });
  }

  /** The pseudonymous id an agent has in this deployment (what `data:forget --agent` takes). */
  agentId(tenant: string, user: string): string {
    return createHmac('sha256', this.secret).update(`${tenant}\u0000${user}`).digest('hex').slice(0, 20);
  }

  record(event: LoggedEvent): void {
    if (this.queue.length >= this.options.maxQueue) {
      this.dropped++;
      return;
    }
    // Without storeText the draft goes no further than this call: not into the queue's memory, not into a row.
    if (event.draft !== undefined && !this.options.storeText) {
      const { draft: _draft, ...rest } = event;
      event = rest;
    }
    this.queue.push(event);
    if (this.queue.length >= this.options.batchSize) void this.flush();
  }

  /**
   * Remembers the name of a team (Teams gives it only in some activities: the bot added to a team, a team renamed),
   * written with the next batch, never on the turn's path. Bounded like the queue; a failed write is logged, not thrown.
   */
  nameTeam(tenant: string, team: string, name: string): void {
    const key = `${tenant}\u0000${team}`;
    const clean = name.replace(/\s+/g, ' ').trim().slice(0, MAX_TEAM_NAME);
    if (!clean || this.writtenTeamNames.get(key) === clean) return;
    if (this.pendingTeamNames.size >= MAX_TEAMS_REMEMBERED && !this.pendingTeamNames.has(key)) return;
    this.pendingTeamNames.set(key, { tenant, team, name: clean });
  }

  /** Writes what is queued; one write at a time, in order. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      if (this.pendingTeamNames.size > 0) await this.writeTeamNames();
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.options.batchSize);
        try {
          await this.write(batch);
          this.written += batch.length;
        } catch (error) {
          this.dropped += batch.length;
          this.options.onError?.(`review events dropped (${batch.length}): ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    });
    return this.writing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  /** One batch: its events and, where kept, their drafts, together or not at all. */
  private async write(batch: LoggedEvent[]): Promise<void> {
    const rows = batch.map((e) => this.row(e));
    const texts = batch.flatMap((e, i) => (e.kind === 'review' && e.draft ? [{ review_id: e.reviewId, tenant: rows[i]!.tenant, agent: rows[i]!.agent, draft: e.draft, ...(e.at ? { at: e.at } : {}) }] : []));
    if (texts.length === 0) {
      await this.db.insertInto('review_event').values(rows).execute();
      return;
    }
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('review_event').values(rows).execute();
      await trx.insertInto('review_text').values(texts).execute();
    });
  }

  private async writeTeamNames(): Promise<void> {
    const names = [...this.pendingTeamNames.entries()];
    this.pendingTeamNames.clear();
    try {
      await this.db
        .insertInto('team_name')
        .values(names.map(([, n]) => n))
        .onConflict((oc) => oc.columns(['tenant', 'team']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), updated_at: new Date() })))
        .execute();
      if (this.writtenTeamNames.size > MAX_TEAMS_REMEMBERED) this.writtenTeamNames.clear();
      for (const [key, n] of names) this.writtenTeamNames.set(key, n.name);
    } catch (error) {
      this.options.onError?.(`team names not written (${names.length}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private row(e: LoggedEvent) {
    const tenant = e.caller.tenant || 'none';
    return {
      kind: e.kind,
      review_id: e.reviewId,
      tenant,
      agent: this.agentId(tenant, e.caller.user || 'unknown'),
      site: e.caller.site ?? 'chat',
      channel: e.caller.channel ?? 'unknown',
      lang: e.lang ?? null,
      verdict: e.verdict ?? null,
      mode: e.mode ?? null,
      findings: e.findings ? JSON.stringify(e.findings) : null,
      choice: e.choice ?? null,
      score: e.score ?? null,
      scenario: e.scenario ?? null,
      team: e.caller.team || null,
      ...(e.at ? { at: e.at } : {}),
    };
  }

  /**
   * Deletes events older than REVIEW_RETENTION_DAYS and stored drafts older than REVIEW_TEXT_RETENTION_DAYS (never
   * later than their events); returns how many of each went. Drafts expire even after REVIEW_STORE_TEXT is turned off.
   */
  async expire(retentionDays: number, textRetentionDays = retentionDays, now = new Date()): Promise<{ events: number; texts: number }> {
    const before = (days: number) => new Date(now.getTime() - days * 86_400_000);
    const texts = await this.db.deleteFrom('review_text').where('at', '<', before(Math.min(textRetentionDays, retentionDays))).executeTakeFirst();
    const events = await this.db.deleteFrom('review_event').where('at', '<', before(retentionDays)).executeTakeFirst();
    return { events: Number(events.numDeletedRows), texts: Number(texts.numDeletedRows) };
  }

  /** Deletes every event and stored draft of one agent (`npm run data:forget -- --agent <id>`); returns how many went. */
  async forget(agent: string): Promise<{ events: number; texts: number }> {
    await this.flush(); // nothing of theirs still queued comes back after the delete
    const texts = await this.db.deleteFrom('review_text').where('agent', '=', agent).executeTakeFirst();
    const events = await this.db.deleteFrom('review_event').where('agent', '=', agent).executeTakeFirst();
    return { events: Number(events.numDeletedRows), texts: Number(texts.numDeletedRows) };
  }

  /** The supervisors' dashboard (issue 10): aggregates only, over the last `days` days, with the filters given. */
  async dashboard(filters: DashboardFilters, now = new Date()): Promise<DashboardData> {
    await this.flush(); // what was just reviewed counts
    return dashboardFigures(this.db, filters, now);
  }

  /** The week's figures of a tenant (or one agent of it), for `team report` and `my week`. */
  async weekFigures(tenant: string, agent?: string, now = new Date()): Promise<WeekFigures> {
    await this.flush();
    return weekFigures(this.db, tenant, agent, now);
  }
}

/** The deployment's pseudonym key: made once, kept in the database, the same for every instance. */
async function secretOf(db: Kysely<Tables>): Promise<string> {
  await db.insertInto('deployment_setting').values({ key: 'events-secret', value: randomBytes(32).toString('hex') }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('deployment_setting').select(['value']).where('key', '=', 'events-secret').executeTakeFirstOrThrow();
  return row.value;
}
