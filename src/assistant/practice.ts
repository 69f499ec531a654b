import type { Lang, ReviewResult } from '../core/contract.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import type { Scenario } from '../core/knowledge-schema.js';

/** Practice mode without channel or model: scenarios drawn from the documents, and a score per answer. */
export const PRACTICE_ROUNDS = 3;

/** A different order per session, but deterministic for a given seed so tests can replay it. */
export function pickScenarios(kb: KnowledgeBase, seed: number, rounds = PRACTICE_ROUNDS): Scenario[] {
  const all = [...kb.artifact.scenarios];
  const picked: Scenario[] = [];
  let x = (seed >>> 0) || 1;
  while (picked.length < Math.min(rounds, all.length)) {
    x = (x * 1103515245 + 12345) >>> 0;
    picked.push(all.splice(x % all.length, 1)[0]!);
  }
  return picked;
}

const PENALTY = { critical: 40, major: 15, minor: 5 } as const;

/** 0–100: the three scores, less the findings by severity; an answer with a critical finding cannot pass 50. */
export function scoreAnswer(result: ReviewResult): number {
  const { warmth, ownership, clarity } = result.scores;
  let score = 100 * (0.4 * warmth + 0.3 * ownership + 0.3 * clarity);
  const rules = new Map(result.findings.map((f) => [f.rule, f.severity]));
  for (const severity of rules.values()) score -= PENALTY[severity];
  if ([...rules.values()].includes('critical')) score = Math.min(score, 50);
  return Math.max(0, Math.round(score));
}

export function customerLine(s: Scenario, lang: Lang): string {
  return s.customer[lang];
}
