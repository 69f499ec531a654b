import { lexiconIn, type ReviewContext } from './review-context.js';

/**
 * The customer must know what happens next (documents 003 and 004). Anything that tells them counts: a
 * question, a request to do something ("DM us your order number", "try these steps and let us know"), a
 * link to the page to use, a commitment with or without a time ("we'll let the team know", "palaan asiaan
 * huomenna"). Only a reply that leaves them with nothing to do and nothing promised lacks one.
 */
/** A phone number given to call ("our team on 0344 556 5650", "800-892-4357"): a channel, so a next step. */
const PHONE = /(?<![\p{N}])\+?\d{1,4}(?:[\s.-]\d{1,4}){2,4}(?![\p{N}])/u;
/** A phone number has eight digits or more ("06 1 234 5678", "0345 600 1234"); "1 200 000 Ft" has seven. */
const phoneIn = (text: string) => {
  const m = PHONE.exec(text);
  return m && m[0].replace(/\D/g, '').length >= 8 ? m[0] : null;
};

/**
 * A commitment or a promise to come back, unless its only time is no time: "it'll be processed when it's
 * processed", "Odpowiemy, jak przyjdzie kolej", "majd jelentkezünk" promise nothing the customer can hold on to.
 */
function promisesSomething(ctx: ReviewContext): boolean {
  return ctx.content.some(
    (s) => (lexiconIn(ctx, 'commitment', s.start, s.end) || lexiconIn(ctx, 'followUp', s.start, s.end)) && !lexiconIn(ctx, 'indefinite', s.start, s.end),
  );
}

export function hasNextStep(ctx: ReviewContext): boolean {
  if (ctx.links.length > 0) return true;
  const phone = phoneIn(ctx.masked);
  if (phone && !ctx.customerIds.some((id) => id.key === phone.replace(/\D/g, ''))) return true;
  if (ctx.content.some((s) => s.isQuestion)) return true;
  return (
    lexiconIn(ctx, 'timeFrame') ||
    promisesSomething(ctx) ||
    lexiconIn(ctx, 'askCustomer') ||
    lexiconIn(ctx, 'detailRequest') ||
    // "Heillä on oma huoltonsa, sinne kannattaa olla yhteydessä": sending the customer elsewhere with no link, number
    // or address to go to leaves them nothing to do here; the channel, where there is one, counted above.
    ctx.content.some((s) => lexiconIn(ctx, 'invitation', s.start, s.end) && !lexiconIn(ctx, 'referOn', s.start, s.end))
  );
}

