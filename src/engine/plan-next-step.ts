import type { Finding, NextStep } from './contract.js';
import { lexiconIn, type ReviewContext } from './review-context.js';

/**
 * The next-step commitment: the draft's own when it has one (a commitment with a time frame in a
 * sentence nothing major was found in), else the language's template with a placeholder for the time,
 * because Warmline never picks a time the agent did not give.
 */
export function planNextStep(ctx: ReviewContext, findings: readonly Finding[]): NextStep {
  const bad = findings.filter((f) => f.severity !== 'minor');
  for (const s of [...ctx.sentences].reverse()) {
    if (bad.some((f) => f.start < s.end && f.end > s.start)) continue;
    if (!lexiconIn(ctx, 'commitment', s.start, s.end)) continue;
    const re = ctx.lex.lexicon.timeFrame;
    re.lastIndex = 0;
    const m = re.exec(ctx.folded.slice(s.start, s.end));
    if (!m) continue;
    const when = s.text.slice(m.index, m.index + m[0].length);
    return { text: s.text, owner: 'agent', action: s.text, when };
  }
  const strings = ctx.lex.data.strings;
  return { text: strings.nextStepSentence, owner: 'agent', action: strings.nextStepAction, when: strings.nextStepWhen };
}
