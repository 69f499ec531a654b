import type { Finding } from '../contract.js';
import { containsFact, factKey, identifiers } from '../extract-facts.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { lexiconIn, sentenceFinding, type ReviewContext } from '../review-context.js';

/**
 * The customer gave an order, account, phone or reference number and the reply does not read any of
 * them back: repeating the number is how errors are caught (document 000, rule 2).
 */
export function unconfirmedDetails(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  const ids = identifiers(ctx.customer);
  if (ids.length === 0) return [];
  const draftKey = factKey(ctx.draft);
  if (ids.some((id) => containsFact(draftKey, id))) return [];
  const first = ctx.sentences.find((s) => !lexiconIn(ctx, 'greeting', s.start, s.end) || s.text.length > 30) ?? ctx.sentences[0];
  return first ? [sentenceFinding(ctx, g, first)] : [];
}
