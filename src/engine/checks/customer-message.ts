import { fold } from '../../core/fold-text.js';
import { matches } from '../knowledge-base.js';
import type { ReviewContext } from '../review-context.js';

/**
 * What the customer's message asks of the reply. A customer who only thanks or praises ("Thank you @Delta,
 * great crew!") asked nothing: the reply owes them no next step and no read-back.
 */
/** A turn against what came before ("Thanks, but…", "Kiitos, mutta…"): what follows it is the customer's matter. */
const CONTRAST = /(?<![\p{L}])(?:but|however|though|mutta|kuitenkin|silti|ale|jednak|tylko ze|de|viszont|azonban|csakhogy)(?![\p{L}])/u;

export function customerOnlyThanks(ctx: ReviewContext): boolean {
  const key = 'customer:onlyThanks';
  let hit = ctx.memo.get(key);
  if (hit === undefined) {
    const text = fold(ctx.customerMasked);
    // "Chciałam podziękować Pani Magdzie, która przebukowała nam lot po odwołaniu…": thanks that open the message and
    // tell the story of a trouble now solved are still only thanks, where nothing is asked or wanted.
    const opening = text.split(/(?<=[.!?\n])\s+/u)[0] ?? '';
    hit =
      text.trim().length > 0 &&
      !text.includes('?') &&
      matches(ctx.lex.lexicon.pleasantry, text) &&
      (!matches(ctx.lex.lexicon.trouble, text) || (matches(ctx.lex.lexicon.thanksOpening, opening) && !CONTRAST.test(text) && !matches(ctx.lex.lexicon.customerMatter, text.slice(opening.length))));
    ctx.memo.set(key, hit);
  }
  return hit;
}


/**
 * A customer who raised nothing (no question, no problem, no request: "When you're the only one in costume
 * #boorito", "Jo kolmas kerta tänä vuonna teillä, ihana paikka") is owed a friendly word, not a next step.
 * Any sign of a question or a want keeps the step owed, whether or not it ends in a question mark.
 */
export function customerRaisedNothing(ctx: ReviewContext): boolean {
  const key = 'customer:raisedNothing';
  let hit = ctx.memo.get(key);
  if (hit === undefined) {
    const text = fold(ctx.customerMasked);
    hit = text.trim().length > 0 && !text.includes('?') && !matches(ctx.lex.lexicon.trouble, text) && !matches(ctx.lex.lexicon.customerMatter, text);
    ctx.memo.set(key, hit);
  }
  return hit;
}

/** Whether the customer's message matches a lexicon list, worked out once a review. */
function customerSays(ctx: ReviewContext, list: 'asksWhy' | 'asksCan' | 'asksWhen'): boolean {
  const key = `customer:${list}`;
  let hit = ctx.memo.get(key);
  if (hit === undefined) {
    hit = matches(ctx.lex.lexicon[list], fold(ctx.customerMasked));
    ctx.memo.set(key, hit);
  }
  return hit;
}

/** A customer asking why or how something works ("miksi ennakko nousi?", "how is it calculated?"): an explanation,
 * however long, is the answer they asked for. */
export const customerAsksWhy = (ctx: ReviewContext): boolean => customerSays(ctx, 'asksWhy');

/** A customer asking whether they can do something ("Can I…?", "Voinko…?", "Czy mogę…?", "Visszakaphatom?"). */
export const customerAsksCan = (ctx: ReviewContext): boolean => customerSays(ctx, 'asksCan');

/** A customer asking when ("when will my card arrive?", "milloin", "kiedy", "mikor"). */
export const customerAsksWhen = (ctx: ReviewContext): boolean => customerSays(ctx, 'asksWhen');
