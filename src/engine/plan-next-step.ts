import type { Finding, NextStep } from '../core/contract.js';
import { fold } from '../core/fold-text.js';
import { lexiconIn, type ReviewContext } from './review-context.js';

const CONDITIONAL = /^(if|jos|jesli|jezeli|gdyby|ha|amennyiben|in case|unless)\b/u;

/**
 * The next-step commitment: the draft's own when it has one (a commitment with a time frame in a
 * sentence nothing major was found in), else the language's template with a placeholder for the time,
 * because Warmline never picks a time the agent did not give.
 */
export function planNextStep(ctx: ReviewContext, findings: readonly Finding[]): NextStep {
  const bad = findings.filter((f) => f.severity !== 'minor');
  // The first commitment with a time frame is the main step; "if it hasn't turned up by then…" is a fallback.
  for (const s of ctx.sentences) {
    if (bad.some((f) => f.start < s.end && f.end > s.start)) continue;
    if (CONDITIONAL.test(fold(s.text))) continue;
    if (!lexiconIn(ctx, 'commitment', s.start, s.end) && !lexiconIn(ctx, 'followUp', s.start, s.end)) continue;
    const re = ctx.lex.lexicon.timeFrame;
    const folded = ctx.folded.slice(s.start, s.end);
    re.lastIndex = 0; // matchAll starts where the shared regex last stopped
    const spans = [...folded.matchAll(re)].map((m) => [m.index, m.index + m[0].length] as const);
    if (spans.length === 0) continue;
    // "viimeistään torstaina", "by Thursday 3 pm": adjacent time phrases read as one.
    const from = spans[0]![0];
    let to = spans[0]![1];
    for (const [a, b] of spans.slice(1)) if (a - to <= 2) to = b;
    const when = s.text.slice(from, to);
    return { text: s.text, owner: 'agent', action: s.text, when };
  }
  const strings = ctx.lex.data.strings;
  return { text: strings.nextStepSentence, owner: 'agent', action: strings.nextStepAction, when: strings.nextStepWhen };
}
