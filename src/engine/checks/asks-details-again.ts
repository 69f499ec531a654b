import type { Finding } from '../../core/contract.js';
import { containsFact, factKey } from '../extract-facts.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { makeFinding, type ReviewContext } from '../review-context.js';

/**
 * Asking for a number the customer's message already gave. Only with the customer's message in hand:
 * without it, "what's your order number?" is an ordinary question. Reading the number back and asking
 * to confirm it ("is 4471-2231 right?") is confirmation, not asking again.
 */
export function asksDetailsAgain(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  const ids = ctx.customerIds;
  if (ids.length === 0) return [];
  const draftKey = factKey(ctx.draft);
  if (ids.some((id) => containsFact(draftKey, id))) return [];
  const re = ctx.lex.lexicon.detailRequest;
  re.lastIndex = 0;
  const m = re.exec(ctx.folded);
  if (!m) return [];
  let end = m.index + m[0].length;
  while (end > m.index && /[\s,;:-]/.test(ctx.draft.charAt(end - 1))) end--;
  return [makeFinding(ctx, g, m.index, end)];
}
