import type { Finding } from '../contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { makeFinding, type ReviewContext } from '../review-context.js';

const exact = new WeakMap<RegExp, RegExp>();

/** A bare yes / no / don't know: the whole draft, give or take punctuation and an emoji, is one of the answers. */
export function oneWordReply(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  const lexicon = ctx.lex.lexicon.oneWordAnswer;
  let anchored = exact.get(lexicon);
  if (!anchored) {
    anchored = new RegExp(`^[\\s\\p{P}\\p{S}]*(?:${lexicon.source})[\\s\\p{P}\\p{S}]*$`, 'u');
    exact.set(lexicon, anchored);
  }
  const words = ctx.folded.match(/[\p{L}\p{N}']+/gu) ?? [];
  if (words.length === 0 || words.length > 4 || !anchored.test(ctx.folded)) return [];
  let start = 0;
  let end = ctx.draft.length;
  while (start < end && /[\s\p{P}\p{S}]/u.test(ctx.draft.charAt(start))) start++;
  while (end > start && /[\s\p{P}\p{S}]/u.test(ctx.draft.charAt(end - 1))) end--;
  return [makeFinding(ctx, g, start, end)];
}
