import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.js';

/**
 * What the supervisors read from the review events: the dashboard's tables and the week's card. Aggregates only,
 * computed in the database (the same SQL on PGlite and PostgreSQL); never a row of text.
 */

export interface DashboardFilters {
  days: number;
  tenant?: string;
  lang?: string;
  channel?: string;
  /** One team's events (its Teams id, or a conversation kind: personal, groupChat); null: those with no team (web, API, CLI). */
  team?: string | null;
}

export interface DashboardData {
  /** Reviews per day (UTC), oldest first. */
  perDay: { day: string; reviews: number; flagged: number }[];
  /** The rules found most, per ISO week and language. */
  rules: { week: string; lang: string; rule: string; count: number }[];
  /** Drafts with a major or critical finding, and how many of them ended with an alternative or a reviewed preview. */
  caught: { serious: number; fixed: number };
  /** Findings per review, per pseudonymous agent and week; `name` where the agent's tenant maps the pseudonym. */
  agents: { agent: string; name?: string; week: string; reviews: number; findingsPerReview: number }[];
  /** Practice answers per ISO week, and their average score (0-100, one decimal). */
  practice: { week: string; answers: number; averageScore: number }[];
  /**
   * The teams seen in the range (whatever the other filters), for the team filter: named ones first, by name; `name`
   * where Teams has named the team; `team` null for events with no team.
   */
  teams: { team: string | null; name?: string }[];
}

export interface WeekFigures {
  reviews: number;
  flagged: number;
  usedAlternative: number;
  topRules: { rule: string; count: number }[];
}

/** The dashboard's tables over the last `days` days, with the filters given. */
export async function dashboardFigures(db: Kysely<Tables>, filters: DashboardFilters, now: Date): Promise<DashboardData> {
  const since = new Date(now.getTime() - filters.days * 86_400_000);
  const inRange = sql`at >= ${since} and (${filters.tenant ?? null}::text is null or lower(tenant) = lower(${filters.tenant ?? null}))`;
  const ofTeam = filters.team === undefined ? sql`true` : filters.team === null ? sql`team is null` : sql`team = ${filters.team}`;
  const where = sql`${inRange} and (${filters.lang ?? null}::text is null or lang = ${filters.lang ?? null} or kind = 'choice') and (${filters.channel ?? null}::text is null or channel = ${filters.channel ?? null}) and ${ofTeam}`;
  const perDay = await sql<{ day: string; reviews: string; flagged: string }>`
    select to_char(date_trunc('day', at at time zone 'UTC'), 'YYYY-MM-DD') as day, count(*) as reviews, count(*) filter (where verdict <> 'send') as flagged
    from review_event where kind = 'review' and ${where} group by 1 order by 1`.execute(db);
  const rules = await sql<{ week: string; lang: string; rule: string; count: string }>`
    select to_char(date_trunc('week', at at time zone 'UTC'), 'IYYY-"W"IW') as week, lang, f->>'rule' as rule, count(*) as count
    from review_event, jsonb_array_elements(findings) as f
    where kind = 'review' and ${where} group by 1, 2, 3 order by 1, 4 desc, 3`.execute(db);
  const caught = await sql<{ serious: string; fixed: string }>`
    with serious as (
      select review_id from review_event, jsonb_array_elements(findings) as f
      where kind = 'review' and ${where} and f->>'severity' in ('major', 'critical') group by review_id
    )
    select (select count(*) from serious) as serious,
           (select count(distinct c.review_id) from review_event c join serious s on s.review_id = c.review_id
             where c.kind = 'choice' and (c.choice like 'alternative:%' or c.choice = 'preview-sent')) as fixed`.execute(db);
  // Grouped by tenant too (an agent's pseudonym belongs to one tenant anyway) so that a name applies only where
  // that tenant mapped it.
  const agents = await sql<{ tenant: string; agent: string; name: string | null; week: string; reviews: string; findings: string }>`
    select e.tenant, e.agent, n.name, e.week, e.reviews, e.findings from (
      select tenant, agent, to_char(date_trunc('week', at at time zone 'UTC'), 'IYYY-"W"IW') as week, count(*) as reviews,
             coalesce(sum(jsonb_array_length(findings)), 0) as findings
      from review_event where kind = 'review' and ${where} group by 1, 2, 3
    ) e
    left join agent_name n on n.tenant = e.tenant and n.agent = e.agent
    order by e.agent, e.week`.execute(db);
  const practice = await sql<{ week: string; answers: string; average: string }>`
    select to_char(date_trunc('week', at at time zone 'UTC'), 'IYYY-"W"IW') as week, count(*) as answers, avg(score) as average
    from review_event where kind = 'practice' and ${where} group by 1 order by 1`.execute(db);
  // A team's name comes from its own tenant's activities; offline (every tenant) any tenant's name for the id will do.
  const teams = await sql<{ team: string | null; name: string | null }>`
    select e.team, max(n.name) as name
    from (select distinct tenant, team from review_event where ${inRange}) e
    left join team_name n on n.tenant = e.tenant and n.team = e.team
    group by e.team`.execute(db);
  return {
    perDay: perDay.rows.map((r) => ({ day: r.day, reviews: Number(r.reviews), flagged: Number(r.flagged) })),
    rules: rules.rows.map((r) => ({ week: r.week, lang: r.lang, rule: r.rule, count: Number(r.count) })),
    caught: { serious: Number(caught.rows[0]?.serious ?? 0), fixed: Number(caught.rows[0]?.fixed ?? 0) },
    agents: agents.rows.map((r) => ({ agent: r.agent, ...(r.name ? { name: r.name } : {}), week: r.week, reviews: Number(r.reviews), findingsPerReview: Math.round((100 * Number(r.findings)) / Math.max(1, Number(r.reviews))) / 100 })),
    practice: practice.rows.map((r) => ({ week: r.week, answers: Number(r.answers), averageScore: Math.round(10 * Number(r.average)) / 10 })),
    teams: teams.rows.map((r) => ({ team: r.team, ...(r.name ? { name: r.name } : {}) })).sort(byTeamName),
  };
}

/** Named teams first, by name; then the unnamed, by id; events with no team last. */
function byTeamName(a: { team: string | null; name?: string }, b: { team: string | null; name?: string }): number {
  const rank = (t: { team: string | null; name?: string }) => (t.name ? 0 : t.team !== null ? 1 : 2);
  return rank(a) - rank(b) || (a.name ?? a.team ?? '').localeCompare(b.name ?? b.team ?? '');
}

/** The week's figures of a tenant, or of one agent of it. */
export async function weekFigures(db: Kysely<Tables>, tenant: string, agent: string | undefined, now: Date): Promise<WeekFigures> {
  const since = new Date(now.getTime() - 7 * 86_400_000);
  let base = db.selectFrom('review_event').where('tenant', '=', tenant).where('at', '>=', since);
  if (agent) base = base.where('agent', '=', agent);
  const reviews = await base.select(sql<string>`count(*)`.as('n')).where('kind', '=', 'review').executeTakeFirstOrThrow();
  const flagged = await base.select(sql<string>`count(*)`.as('n')).where('kind', '=', 'review').where('verdict', '!=', 'send').executeTakeFirstOrThrow();
  const used = await base.select(sql<string>`count(distinct review_id)`.as('n')).where('kind', '=', 'choice').where('choice', 'like', 'alternative:%').executeTakeFirstOrThrow();
  const rules = await sql<{ rule: string; count: string }>`
    select f->>'rule' as rule, count(*) as count
    from review_event, jsonb_array_elements(findings) as f
    where tenant = ${tenant} and at >= ${since} and kind = 'review' and (${agent ?? null}::text is null or agent = ${agent ?? null})
    group by 1 order by 2 desc, 1 limit 5`.execute(db);
  return { reviews: Number(reviews.n), flagged: Number(flagged.n), usedAlternative: Number(used.n), topRules: rules.rows.map((r) => ({ rule: r.rule, count: Number(r.count) })) };
}
