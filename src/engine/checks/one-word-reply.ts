import type { Finding } from '../../core/contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { makeFinding, type ReviewContext } from '../review-context.js';

/** Longest reply that can still be "one word": "Ei oo vielä.", "Nie wiem, chyba nie." */
export const ONE_WORD_MAX_WORDS = 4;

const exact = new WeakMap<RegExp, RegExp>();

/**
 * A bare yes / no / don't know, judged on content rather than on a list of replies: a few words at most,
 * no question, no number or link, and every word one without content of its own (answer particles,
 * negation, the copula, hedges, "know"): "Joo on.", "ei tiietä", "Nope.", "Hát nem.". One content word
 * ("Yes, Gatwick.", "Kiitos!") makes it a reply.
 */
export function oneWordReply(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  const words = ctx.folded.match(/[\p{L}\p{N}']+/gu) ?? [];
  if (words.length === 0 || words.length > ONE_WORD_MAX_WORDS) return [];
  if (ctx.links.length > 0 || /\d/.test(ctx.folded) || ctx.content.some((s) => s.isQuestion)) return [];
  const lexicon = ctx.lex.lexicon.contentless;
  let whole = exact.get(lexicon);
  if (!whole) {
    whole = new RegExp(`^(?:${lexicon.source})$`, 'u');
    exact.set(lexicon, whole);
  }
  if (!words.every((w) => whole.test(w))) return [];
  let start = 0;
  let end = ctx.draft.length;
  while (start < end && /[\s\p{P}\p{S}]/u.test(ctx.masked.charAt(start))) start++;
  while (end > start && /[\s\p{P}\p{S}]/u.test(ctx.masked.charAt(end - 1))) end--;
  return [makeFinding(ctx, g, start, end)];
}
