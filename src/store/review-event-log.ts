import { createHmac, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** An event as the log receives it (the assistant's ReviewEvent, structurally). */
export interface LoggedEvent {
  kind: 'review' | 'choice';
  reviewId: string;
  caller: { user?: string; tenant?: string; site?: string; channel?: string };
  lang?: string;
  verdict?: string;
  mode?: string;
  findings?: { rule: string; severity: string }[];
  choice?: string;
  /** When it happened (the seed of a demo); now when absent. */
  at?: Date;
}

export interface EventLogOptions {
  /** Keys the pseudonyms; EVENTS_SECRET, else one generated once and kept in the database. */
  secret?: string;
  /** Events waiting at most; past it new ones are dropped and counted (a flood must not grow memory). */
  maxQueue?: number;
  flushMs?: number;
  batchSize?: number;
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
    return new ReviewEventLog(db, secret, { maxQueue: options.maxQueue ?? 10_000, flushMs: options.flushMs ?? 1_000, batchSize: options.batchSize ?? 500, onError: options.onError });
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
    this.queue.push(event);
    if (this.queue.length >= this.options.batchSize) void this.flush();
  }

  /** Writes what is queued; one write at a time, in order. */
  flush(): Promise<void> {
    this.writing = this.writing.then(async () => {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, this.options.batchSize);
        try {
          await this.db.insertInto('review_event').values(batch.map((e) => this.row(e))).execute();
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
      ...(e.at ? { at: e.at } : {}),
    };
  }

  /** Deletes events older than the retention (REVIEW_RETENTION_DAYS); returns how many went. */
  async expire(retentionDays: number, now = new Date()): Promise<number> {
    const r = await this.db.deleteFrom('review_event').where('at', '<', new Date(now.getTime() - retentionDays * 86_400_000)).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** Deletes every event of one agent (`npm run data:forget -- --agent <id>`); returns how many went. */
  async forget(agent: string): Promise<number> {
    const r = await this.db.deleteFrom('review_event').where('agent', '=', agent).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  /** The supervisors' dashboard (issue 10): aggregates only, over the last `days` days, with the filters given. */
  async dashboard(filters: DashboardFilters, now = new Date()): Promise<DashboardData> {
    await this.flush();
    const since = new Date(now.getTime() - filters.days * 86_400_000);
    const where = sql`at >= ${since} and (${filters.tenant ?? null}::text is null or tenant = ${filters.tenant ?? null}) and (${filters.lang ?? null}::text is null or lang = ${filters.lang ?? null} or kind = 'choice') and (${filters.channel ?? null}::text is null or channel = ${filters.channel ?? null})`;
    const perDay = await sql<{ day: string; reviews: string; flagged: string }>`
      select to_char(date_trunc('day', at at time zone 'UTC'), 'YYYY-MM-DD') as day, count(*) as reviews, count(*) filter (where verdict <> 'send') as flagged
      from review_event where kind = 'review' and ${where} group by 1 order by 1`.execute(this.db);
    const rules = await sql<{ week: string; lang: string; rule: string; count: string }>`
      select to_char(date_trunc('week', at at time zone 'UTC'), 'IYYY-"W"IW') as week, lang, f->>'rule' as rule, count(*) as count
      from review_event, jsonb_array_elements(findings) as f
      where kind = 'review' and ${where} group by 1, 2, 3 order by 1, 4 desc, 3`.execute(this.db);
    const caught = await sql<{ serious: string; fixed: string }>`
      with serious as (
        select review_id from review_event, jsonb_array_elements(findings) as f
        where kind = 'review' and ${where} and f->>'severity' in ('major', 'critical') group by review_id
      )
      select (select count(*) from serious) as serious,
             (select count(distinct c.review_id) from review_event c join serious s on s.review_id = c.review_id
               where c.kind = 'choice' and (c.choice like 'alternative:%' or c.choice = 'preview-sent')) as fixed`.execute(this.db);
    const agents = await sql<{ agent: string; week: string; reviews: string; findings: string }>`
      select agent, to_char(date_trunc('week', at at time zone 'UTC'), 'IYYY-"W"IW') as week, count(*) as reviews,
             coalesce(sum(jsonb_array_length(findings)), 0) as findings
      from review_event where kind = 'review' and ${where} group by 1, 2 order by 1, 2`.execute(this.db);
    return {
      perDay: perDay.rows.map((r) => ({ day: r.day, reviews: Number(r.reviews), flagged: Number(r.flagged) })),
      rules: rules.rows.map((r) => ({ week: r.week, lang: r.lang, rule: r.rule, count: Number(r.count) })),
      caught: { serious: Number(caught.rows[0]?.serious ?? 0), fixed: Number(caught.rows[0]?.fixed ?? 0) },
      agents: agents.rows.map((r) => ({ agent: r.agent, week: r.week, reviews: Number(r.reviews), findingsPerReview: Math.round((100 * Number(r.findings)) / Math.max(1, Number(r.reviews))) / 100 })),
    };
  }

  /** The week's figures of a tenant, for `team report` and the dashboard. */
  async weekFigures(tenant: string, agent?: string, now = new Date()): Promise<{ reviews: number; flagged: number; usedAlternative: number; topRules: { rule: string; count: number }[] }> {
    await this.flush(); // what was just reviewed counts
    const since = new Date(now.getTime() - 7 * 86_400_000);
    let base = this.db.selectFrom('review_event').where('tenant', '=', tenant).where('at', '>=', since);
    if (agent) base = base.where('agent', '=', agent);
    const reviews = await base.select(sql<string>`count(*)`.as('n')).where('kind', '=', 'review').executeTakeFirstOrThrow();
    const flagged = await base.select(sql<string>`count(*)`.as('n')).where('kind', '=', 'review').where('verdict', '!=', 'send').executeTakeFirstOrThrow();
    const used = await base.select(sql<string>`count(distinct review_id)`.as('n')).where('kind', '=', 'choice').where('choice', 'like', 'alternative:%').executeTakeFirstOrThrow();
    const rules = await sql<{ rule: string; count: string }>`
      select f->>'rule' as rule, count(*) as count
      from review_event, jsonb_array_elements(findings) as f
      where tenant = ${tenant} and at >= ${since} and kind = 'review' and (${agent ?? null}::text is null or agent = ${agent ?? null})
      group by 1 order by 2 desc, 1 limit 5`.execute(this.db);
    return { reviews: Number(reviews.n), flagged: Number(flagged.n), usedAlternative: Number(used.n), topRules: rules.rows.map((r) => ({ rule: r.rule, count: Number(r.count) })) };
  }
}

export interface DashboardFilters {
  days: number;
  tenant?: string;
  lang?: string;
  channel?: string;
}

export interface DashboardData {
  /** Reviews per day (UTC), oldest first. */
  perDay: { day: string; reviews: number; flagged: number }[];
  /** The rules found most, per ISO week and language. */
  rules: { week: string; lang: string; rule: string; count: number }[];
  /** Drafts with a major or critical finding, and how many of them ended with an alternative or a reviewed preview. */
  caught: { serious: number; fixed: number };
  /** Findings per review, per pseudonymous agent and week. */
  agents: { agent: string; week: string; reviews: number; findingsPerReview: number }[];
}

/** The deployment's pseudonym key: made once, kept in the database, the same for every instance. */
async function secretOf(db: Kysely<Tables>): Promise<string> {
  await db.insertInto('deployment_setting').values({ key: 'events-secret', value: randomBytes(32).toString('hex') }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await db.selectFrom('deployment_setting').select(['value']).where('key', '=', 'events-secret').executeTakeFirstOrThrow();
  return row.value;
}
