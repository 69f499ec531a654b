import type { Finding } from '../contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { lexiconIn, sentenceFinding, type ReviewContext } from '../review-context.js';

/**
 * The customer must know what happens next: an owner, an action and a time frame. A draft has a next
 * step when it names a time frame ("by Thursday", "huomenna klo 16", "w ciągu 14 dni"), or when it
 * closes by asking the customer something (a consent question or a request is itself the next step).
 * A commitment with no time ("I'll look into it") is still missing its time frame.
 */
export function hasNextStep(ctx: ReviewContext): boolean {
  if (lexiconIn(ctx, 'timeFrame')) return true;
  if (ctx.sentences.some((s) => s.isQuestion)) return true;
  if (ctx.sentences.some((s) => lexiconIn(ctx, 'commitment', s.start, s.end) && lexiconIn(ctx, 'whenClause', s.start, s.end))) return true;
  const tail = ctx.sentences.slice(-3);
  return tail.some((s) => lexiconIn(ctx, 'askCustomer', s.start, s.end) || lexiconIn(ctx, 'detailRequest', s.start, s.end));
}

export function missingNextStep(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  const last = ctx.sentences.at(-1);
  if (!last || hasNextStep(ctx)) return [];
  // The sign-off ("Kind regards, / Team") is not where the next step is missing: mark the last real sentence.
  const content = [...ctx.sentences].reverse().find((s) => /[.!?…]$/.test(s.text) || s.text.length > 40) ?? last;
  return [sentenceFinding(ctx, g, content)];
}
