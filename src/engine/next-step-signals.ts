import { lexiconIn, type ReviewContext } from './review-context.js';

/**
 * The customer must know what happens next (documents 003 and 004). Anything that tells them counts: a
 * question, a request to do something ("DM us your order number", "try these steps and let us know"), a
 * link to the page to use, a commitment with or without a time ("we'll let the team know", "palaan asiaan
 * huomenna"). Only a reply that leaves them with nothing to do and nothing promised lacks one.
 */
/** A phone number given to call ("our team on 0344 556 5650", "800-892-4357"): a channel, so a next step. */
const PHONE = /(?<![\p{N}])\+?\d{2,4}[\s.-]\d{3}[\s.-]?\d{3,4}(?![\p{N}])/u;

export function hasNextStep(ctx: ReviewContext): boolean {
  if (ctx.links.length > 0) return true;
  if (PHONE.test(ctx.masked) && !ctx.customerIds.some((id) => id.key === ctx.masked.match(PHONE)![0].replace(/\D/g, ''))) return true;
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

