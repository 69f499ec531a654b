import type { Finding } from '../../core/contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { matchPhrases } from '../match-phrases.js';
import { lexiconIn, makeFinding, type ReviewContext } from '../review-context.js';
import type { Sentence } from '../segment-sentences.js';
import { customerOnlyThanks, customerRaisedNothing } from './customer-message.js';

/** Longest reply that can still be "one word": "Ei oo vielä.", "Nie wiem, chyba nie." */
export const ONE_WORD_MAX_WORDS = 4;

const exact = new WeakMap<RegExp, RegExp>();

/**
 * A bare yes / no / don't know, judged on content rather than on a list of replies: a few words at most,
 * no question, no number or link, and every word one without content of its own (answer particles,
 * negation, the copula, hedges, "know"): "Joo on.", "ei tiietä", "Nope.", "Hát nem.". One content word
 * ("Yes, Gatwick.", "Kiitos!") makes it a reply.
 */
export function contentlessWords(ctx: ReviewContext, text: string, maxWords: number = ONE_WORD_MAX_WORDS): boolean {
  const words = text.match(/[\p{L}\p{N}']+/gu) ?? [];
  if (words.length === 0 || words.length > maxWords) return false;
  const lexicon = ctx.lex.lexicon.contentless;
  let whole = exact.get(lexicon);
  if (!whole) {
    whole = new RegExp(`^(?:${lexicon.source})$`, 'u');
    exact.set(lexicon, whole);
  }
  return words.every((w) => whole.test(w));
}

/** The span of `[start, end)` without the spaces, punctuation and symbols at its ends. */
function trimmed(ctx: ReviewContext, start: number, end: number): [number, number] {
  while (start < end && /[\s\p{P}\p{S}]/u.test(ctx.masked.charAt(start))) start++;
  while (end > start && /[\s\p{P}\p{S}]/u.test(ctx.masked.charAt(end - 1))) end--;
  return [start, end];
}

/**
 * "Yes. Apologies for any inconvenience. Your satisfaction is our priority!" is still a bare yes: the other
 * sentences are stock formulas (a hollow phrase or apology, thanks, a pleasantry), the rule cited to close the
 * matter, a judgement or a refusal, and add nothing to it. Only
 * where the customer asked something: to a customer who just thanked, "Yes! Have a great day!" is a reply.
 */
/** What a bare answer can stand beside and still help nothing: stock formulas, the rule cited to close the matter
 * ("Nem. Kedvezményes jegy, ez a szabály."), a judgement, a refusal. */
const NOTHING_THAT_HELPS = new Set(['hollow-phrase', 'hollow-apology', 'policy-shield', 'rude-or-judgemental', 'nothing-i-can-do']);
const STEP_LISTS = ['commitment', 'followUp', 'invitation', 'askCustomer', 'detailRequest', 'timeFrame', 'done'] as const;

function bareAnswerInFiller(ctx: ReviewContext): Sentence | undefined {
  if (ctx.content.length < 2 || customerOnlyThanks(ctx) || customerRaisedNothing(ctx)) return undefined;
  const bare = ctx.content.filter((s) => contentlessWords(ctx, ctx.folded.slice(s.start, s.end)));
  if (bare.length !== 1) return undefined;
  const formulas = ctx.kb.guidelines
    .filter((g) => NOTHING_THAT_HELPS.has(g.rule))
    .flatMap((g) => matchPhrases(ctx, g));
  // A formula with something in it ("happy to check it if you DM us", "we'll have you out soon") is content.
  const offers = (s: Sentence) => STEP_LISTS.some((key) => lexiconIn(ctx, key, s.start, s.end));
  const filler = (s: Sentence) =>
    !offers(s) && (lexiconIn(ctx, 'pleasantry', s.start, s.end) || formulas.some((f) => f.start < s.end && f.end > s.start));
  return ctx.content.every((s) => s === bare[0] || filler(s)) ? bare[0] : undefined;
}

/**
 * A bare yes / no / don't know, judged on content rather than on a list of replies: a few words at most,
 * no question, no number or link, and every word one without content of its own (answer particles,
 * negation, the copula, hedges, "know"): "Joo on.", "ei tiietä", "Nope.", "Hát nem.". One content word
 * ("Yes, Gatwick.", "Kiitos!") makes it a reply.
 */
export function oneWordReply(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  if (ctx.links.length > 0 || /\d/.test(ctx.folded) || ctx.content.some((s) => s.isQuestion)) return [];
  if (contentlessWords(ctx, ctx.folded)) return [makeFinding(ctx, g, ...trimmed(ctx, 0, ctx.draft.length))];
  const bare = bareAnswerInFiller(ctx);
  return bare ? [makeFinding(ctx, g, ...trimmed(ctx, bare.start, bare.end))] : [];
}
