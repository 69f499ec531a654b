import type { Finding, ReviewResult, RuleCode } from '../core/contract.js';
import { hasNextStep } from './next-step-signals.js';
import { lexiconIn, type ReviewContext } from './review-context.js';
import { scorePoliteness } from './score-politeness.js';

/**
 * Warmth, ownership and clarity in [0, 1]: a quick read for the agent. Warmth is perceived politeness (the
 * strategies of score-politeness.ts) less what the findings say hurts; ownership and clarity come from the findings.
 * A missing greeting is not penalised again here: the greeting strategy already counts for the drafts that greet.
 */
const WARMTH: Partial<Record<RuleCode, number>> = {
  'rude-or-judgemental': 0.6, 'blames-customer': 0.3, 'vents-own-workload': 0.25, 'hollow-phrase': 0.1,
  'hollow-apology': 0.1, 'one-word-reply': 0.3, 'vague-wait': 0.05,
};
const OWNERSHIP: Partial<Record<RuleCode, number>> = {
  'not-my-department': 0.35, 'nothing-i-can-do': 0.35, 'i-dont-know': 0.25, 'policy-shield': 0.3, 'blames-third-party': 0.3,
  'go-to-website': 0.15, 'call-back-later': 0.3, 'transfer-runaround': 0.25, 'vents-own-workload': 0.15, 'blames-customer': 0.15,
  'missing-next-step': 0.2,
};
const CLARITY: Partial<Record<RuleCode, number>> = {
  'over-explaining': 0.3, 'one-word-reply': 0.35, 'missing-next-step': 0.3, 'vague-wait': 0.1, 'overpromise': 0.15,
  'asks-details-again': 0.1, 'unconfirmed-details': 0.1, 'transfer-runaround': 0.1,
};

const clamp = (n: number) => Math.round(Math.min(1, Math.max(0, n)) * 100) / 100;

/** A politeness value (0 for a plain draft, about ±1 for a markedly polite or rude one) on [0.2, 1]: a plain draft
 * keeps the 0.6 it had before, and tanh keeps the order of the values while bounding them. */
const warmthOf = (politeness: number) => 0.6 + 0.4 * Math.tanh(politeness);

export function scoreReview(ctx: ReviewContext, findings: readonly Finding[]): ReviewResult['scores'] {
  const rules = new Set(findings.map((f) => f.rule));
  const penalty = (table: Partial<Record<RuleCode, number>>) => [...rules].reduce((n, r) => n + (table[r] ?? 0), 0);
  const commits = lexiconIn(ctx, 'commitment') || lexiconIn(ctx, 'followUp') || lexiconIn(ctx, 'done');
  return {
    warmth: clamp(warmthOf(scorePoliteness(ctx.kb.politeness, ctx.lang, ctx.masked, ctx).value) - penalty(WARMTH)),
    ownership: clamp((commits ? 0.8 : 0.5) + (hasNextStep(ctx) ? 0.2 : 0) - penalty(OWNERSHIP)),
    clarity: clamp((hasNextStep(ctx) ? 1 : 0.8) - penalty(CLARITY)),
  };
}
