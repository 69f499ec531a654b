import type { Finding } from '../contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { lexiconIn, sentenceFinding, type ReviewContext } from '../review-context.js';

/**
 * The customer must know what happens next (documents 003 and 004: who does what, and when). A draft has
 * a next step when it names a time frame ("by Thursday", "huomenna klo 16", "w ciągu 14 dni"), when it
 * asks the customer something or asks them to do something, or when someone commits to a concrete
 * follow-up toward the customer ("I'll text you the address", "the engineer will call you").
 * A vague intention alone ("I'll look into it", "katson asiaa") is still missing its step.
 */
export function hasNextStep(ctx: ReviewContext): boolean {
  if (lexiconIn(ctx, 'timeFrame') || lexiconIn(ctx, 'commitment')) return true;
  if (ctx.sentences.some((s) => s.isQuestion)) return true;
  return ctx.sentences.some((s) => lexiconIn(ctx, 'askCustomer', s.start, s.end) || lexiconIn(ctx, 'detailRequest', s.start, s.end));
}

export function missingNextStep(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  const last = ctx.sentences.at(-1);
  if (!last || hasNextStep(ctx)) return [];
  // The sign-off ("Kind regards, / Team") is not where the next step is missing: mark the last real sentence.
  const content = [...ctx.sentences].reverse().find((s) => /[.!?…]$/.test(s.text) || s.text.length > 40) ?? last;
  return [sentenceFinding(ctx, g, content)];
}
