import type { LoggedEvent } from './review-event-log.js';

/**
 * A month of realistic synthetic review and practice events in all four languages and three teams (`npm run demo:seed`),
 * so a newcomer sees a living dashboard after two commands. Deterministic (a seeded generator): the same seed gives the same month.
 */
const RULES: Record<string, { rule: string; severity: string; weight: number }[]> = {
  common: [
    { rule: 'missing-next-step', severity: 'major', weight: 9 },
    { rule: 'missing-greeting', severity: 'minor', weight: 7 },
    { rule: 'hollow-apology', severity: 'minor', weight: 6 },
    { rule: 'policy-shield', severity: 'major', weight: 4 },
    { rule: 'not-my-department', severity: 'major', weight: 4 },
    { rule: 'vague-wait', severity: 'minor', weight: 4 },
    { rule: 'call-back-later', severity: 'major', weight: 3 },
    { rule: 'i-dont-know', severity: 'major', weight: 3 },
    { rule: 'blames-customer', severity: 'major', weight: 2 },
    { rule: 'transfer-runaround', severity: 'major', weight: 2 },
    { rule: 'rude-or-judgemental', severity: 'critical', weight: 1 },
  ],
};

/** Scenario ids of the built-in knowledge base (knowledge/), so a seeded practice reads like a real one. */
const SCENARIOS = ['wrong-department-connect', 'business-id-read-back', 'busy-complex-problem', 'broken-product-manufacturer', 'unknown-answer', 'angry-third-call', 'refund-after-deadline'];

/**
 * The demo's three teams, each with one agent in every language's deployment. The ids have the shape of Teams' team
 * ids; Teams gives the names apart from the messages (see the team_name table), so the seed names them itself.
 */
export const DEMO_TEAMS = [
  { id: '19:demo-billing@thread.tacv2', name: 'Billing' },
  { id: '19:demo-returns@thread.tacv2', name: 'Returns' },
  { id: '19:demo-tech-support@thread.tacv2', name: 'Tech support' },
] as const;

function generator(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export function demoEvents(options: { days?: number; now?: Date; seed?: number; tenant?: string } = {}): LoggedEvent[] {
  const random = generator(options.seed ?? 42);
  const now = options.now ?? new Date();
  const days = options.days ?? 30;
  const tenant = options.tenant ?? 'demo';
  const agents = ['fi', 'pl', 'hu', 'en'].flatMap((lang) => [1, 2, 3].map((n) => ({ lang, user: `demo-${lang}-${n}`, skill: 0.3 + 0.2 * n, team: DEMO_TEAMS[n - 1]!.id })));
  const pick = () => {
    const rules = RULES.common!;
    let r = random() * rules.reduce((a, b) => a + b.weight, 0);
    for (const x of rules) if ((r -= x.weight) < 0) return x;
    return rules[0]!;
  };
  const out: LoggedEvent[] = [];
  let n = 0;
  for (let d = days - 1; d >= 0; d--) {
    const day = new Date(now.getTime() - d * 86_400_000);
    const weekend = [0, 6].includes(day.getUTCDay());
    for (const agent of agents) {
      const reviews = weekend ? Math.floor(random() * 2) : 2 + Math.floor(random() * 5);
      for (let i = 0; i < reviews; i++) {
        const at = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7 + Math.floor(random() * 10), Math.floor(random() * 60)));
        // Agents improve over the month: fewer findings per review as the days go by.
        const chance = Math.max(0.15, 0.75 - agent.skill * 0.4 - ((days - d) / days) * 0.25);
        const findings = random() < chance ? [pick(), ...(random() < 0.3 ? [pick()] : [])].filter((f, j, all) => all.findIndex((o) => o.rule === f.rule) === j) : [];
        const verdict = findings.some((f) => f.severity === 'critical') ? 'block' : findings.some((f) => f.severity === 'major') ? 'revise' : 'send';
        const reviewId = `demo-${options.seed ?? 42}-${++n}`;
        // Where it was asked decides the team Teams reports: the compose box mostly in the team's channel, else in a
        // group chat; the chat with Warmline is personal (drafts posted in a channel are not reviewed there).
        const site = random() < 0.6 ? 'compose' : 'chat';
        const team = site === 'chat' ? 'personal' : random() < 0.85 ? agent.team : 'groupChat';
        const caller = { user: agent.user, tenant, site, channel: 'msteams', team };
        out.push({ kind: 'review', reviewId, caller, lang: agent.lang, verdict, mode: 'offline', findings: findings.map((f) => ({ rule: f.rule, severity: f.severity })), at });
        if (verdict !== 'send' && random() < 0.65) out.push({ kind: 'choice', reviewId, caller, choice: random() < 0.7 ? 'alternative:warmer' : 'preview-sent', at: new Date(at.getTime() + 60_000) });
      }
      // Now and then a practice of three rounds in the Teams chat; scores rise with skill and over the month.
      if (!weekend && random() < 0.25) {
        const start = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 15, Math.floor(random() * 60));
        for (let round = 0; round < 3; round++) {
          const score = Math.max(0, Math.min(100, Math.round(45 + agent.skill * 30 + ((days - d) / days) * 15 + (random() - 0.5) * 30)));
          const caller = { user: agent.user, tenant, site: 'chat', channel: 'msteams', team: 'personal' };
          out.push({ kind: 'practice', reviewId: `demo-${options.seed ?? 42}-${++n}`, caller, lang: agent.lang, scenario: SCENARIOS[Math.floor(random() * SCENARIOS.length)]!, score, at: new Date(start + round * 120_000) });
        }
      }
    }
  }
  return out;
}
