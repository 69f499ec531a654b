import type { Finding } from '../contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { lexiconIn, sentenceFinding, type ReviewContext } from '../review-context.js';
import { customerOnlyThanks } from './customer-message.js';

/**
 * The customer must know what happens next (documents 003 and 004). Anything that tells them counts: a
 * question, a request to do something ("DM us your order number", "try these steps and let us know"), a
 * link to the page to use, a commitment with or without a time ("we'll let the team know", "palaan asiaan
 * huomenna"). Only a reply that leaves them with nothing to do and nothing promised lacks one.
 */
export function hasNextStep(ctx: ReviewContext): boolean {
  if (ctx.links.length > 0) return true;
  if (ctx.content.some((s) => s.isQuestion)) return true;
  return (
    lexiconIn(ctx, 'timeFrame') ||
    lexiconIn(ctx, 'commitment') ||
    lexiconIn(ctx, 'followUp') ||
    lexiconIn(ctx, 'askCustomer') ||
    lexiconIn(ctx, 'detailRequest') ||
    lexiconIn(ctx, 'invitation')
  );
}

/**
 * Replies that owe no next step: one part of a reply split over several messages (the step may be in
 * another part); thanks, joy or good wishes ("Glad you enjoyed the flight!"), or any reply to a customer who
 * only thanked us; and an answer that settles the matter ("Trains run as normal on Sunday.", a bare "Yes" to
 * "Is it a direct flight?"), with no refusal, negation, hedge or apology in it: the customer has what they
 * asked for. "Joo kai.", "Not yet." or "Unfortunately the app is no longer supported." leave it open, and so
 * does a matter still on its way ("your application has been received and is being processed").
 */
function needsNoStep(ctx: ReviewContext): boolean {
  if (ctx.threadPart || customerOnlyThanks(ctx)) return true;
  if (ctx.content.length === 0) return false; // emoji alone answer nothing
  if (ctx.content.every((s) => lexiconIn(ctx, 'pleasantry', s.start, s.end))) return true;
  return !lexiconIn(ctx, 'deadEnd') && !lexiconIn(ctx, 'pending');
}

export function missingNextStep(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  if (hasNextStep(ctx) || needsNoStep(ctx)) return [];
  // The sign-off ("Kind regards, / Team") is not where the next step is missing: mark the last real sentence
  // (a reply of emoji alone has none: mark it whole).
  const content = [...ctx.content].reverse().find((s) => /[.!?…]$/.test(s.text) || s.text.length > 40) ?? ctx.content.at(-1) ?? ctx.sentences.at(-1);
  if (!content) return [];
  return [sentenceFinding(ctx, g, content)];
}
