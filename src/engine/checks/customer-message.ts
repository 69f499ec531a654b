import { fold } from '../../core/fold-text.js';
import { matches } from '../knowledge-base.js';
import type { ReviewContext } from '../review-context.js';

/**
 * What the customer's message asks of the reply. A customer who only thanks or praises ("Thank you @Delta,
 * great crew!") asked nothing: the reply owes them no next step and no read-back.
 */
export function customerOnlyThanks(ctx: ReviewContext): boolean {
  const key = 'customer:onlyThanks';
  let hit = ctx.memo.get(key);
  if (hit === undefined) {
    const text = fold(ctx.customerMasked);
    hit = text.trim().length > 0 && !text.includes('?') && matches(ctx.lex.lexicon.pleasantry, text) && !matches(ctx.lex.lexicon.trouble, text);
    ctx.memo.set(key, hit);
  }
  return hit;
}

