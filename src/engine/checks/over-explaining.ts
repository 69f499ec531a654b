import type { Finding } from '../../core/contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { lexiconIn, makeFinding, type ReviewContext } from '../review-context.js';
import type { Sentence } from '../segment-sentences.js';
import { customerAsksWhy } from './customer-message.js';

/**
 * A wall of background the customer did not ask for (document 000: "Kerro vain oleellinen").
 * Length alone is not the fault: a long reply full of what the agent did and will do is fine. The check
 * wants a long draft, long next to the customer's message, most of whose words sit in descriptive
 * sentences: no commitment of the agent's, no request to the customer, no question.
 * On the dev set the flawed drafts sit at 0.67–0.98 of descriptive words and the good long ones at
 * 0.12–0.47, hence the 0.65 threshold.
 */
/** `answerWords`: below it, a reply to a customer who asked why is the answer they asked for (dev-long: a "why"
 * answered in up to 130 words was good in every draft its authors wrote, a longer one a lecture as often as not). */
/** `wallWords`/`wallShare`: a reply of 150 words or more that is four-fifths description is a wall whatever its words (on the
 * development sets every such draft was labelled a lecture; the good long ones with no history or mechanism topped out at
 * 0.69), so there it needs no history or mechanism to be found. */
export const OVER_EXPLAINING = { minWords: 65, minRatio: 2.5, minDescriptiveShare: 0.65, descriptiveOnly: 0.9, answerWords: 130, wallWords: 150, wallShare: 0.8 } as const;

export const wordsIn = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Thanks or an acknowledgement of the customer: neither background nor action, so it counts on neither side. */
const acknowledges = (ctx: ReviewContext, s: Sentence) => lexiconIn(ctx, 'acknowledgement', s.start, s.end);

/** Where a link of the draft sits: a sentence that carries one points the customer somewhere, it does not narrate. */
const hasLink = (ctx: ReviewContext, s: Sentence) => ctx.links.length > 0 && ctx.links.some((l) => ctx.draft.slice(s.start, s.end).includes(l));

/** An item of a list ("- 4 files were shared…", "1. Your usage…"): steps or options set out for the customer, not narration. */
const isListItem = (ctx: ReviewContext, s: Sentence) => {
  const lineStart = ctx.draft.lastIndexOf('\n', s.start - 1) + 1;
  return /^\s*(?:[-–—•*]|\d{1,2}[.)])\s/u.test(ctx.draft.slice(lineStart, s.start + 4));
};

/** The direct answer to a question the customer asked ("Yes, you can – since the return half…"): what they asked for. */
const answers = (ctx: ReviewContext, s: Sentence) => ctx.customer.includes('?') && lexiconIn(ctx, 'answerParticle', s.start, s.end);

/**
 * A sentence that explains rather than acts: at least six words, no commitment or action taken, no request,
 * instruction, link or question, and no thanks or acknowledgement of the customer (those speak to them, they
 * are not background).
 */
export function isDescriptive(ctx: ReviewContext, s: Sentence): boolean {
  // "Kerron hieman taustaa: …", "Egy kis háttér: …": background announced as such is background, whatever verb
  // announces it ("kerron" is also how a commitment starts).
  if (!s.isQuestion && wordsIn(s.text) >= 6 && !hasLink(ctx, s) && lexiconIn(ctx, 'lesson', s.start, s.end)) return true;
  return (
    !s.isQuestion &&
    wordsIn(s.text) >= 6 &&
    !isListItem(ctx, s) &&
    !lexiconIn(ctx, 'commitment', s.start, s.end) &&
    !lexiconIn(ctx, 'followUp', s.start, s.end) &&
    !lexiconIn(ctx, 'agentActs', s.start, s.end) &&
    !lexiconIn(ctx, 'askCustomer', s.start, s.end) &&
    !lexiconIn(ctx, 'detailRequest', s.start, s.end) &&
    !lexiconIn(ctx, 'instruction', s.start, s.end) &&
    // "It may help to understand how…" borrows the word of an acknowledgement to open a lesson.
    (!acknowledges(ctx, s) || lexiconIn(ctx, 'lesson', s.start, s.end)) &&
    !hasLink(ctx, s) &&
    !answers(ctx, s) &&
    // "since we moved to the new system…" narrates history; "I've refunded the £12" acts.
    (!lexiconIn(ctx, 'done', s.start, s.end) || lexiconIn(ctx, 'background', s.start, s.end))
  );
}

export function overExplaining(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  const words = wordsIn(ctx.draft);
  if (words < OVER_EXPLAINING.minWords) return [];
  if (words / Math.max(wordsIn(ctx.customer), 8) < OVER_EXPLAINING.minRatio) return [];
  const descriptive = ctx.sentences.filter((s) => isDescriptive(ctx, s));
  const spoken = words - ctx.sentences.filter((s) => acknowledges(ctx, s)).reduce((n, s) => n + wordsIn(s.text), 0);
  const share = descriptive.reduce((n, s) => n + wordsIn(s.text), 0) / Math.max(spoken, 1);
  if (share < OVER_EXPLAINING.minDescriptiveShare) return [];
  // Description alone can be what the customer asked for (instructions, what to bring): the fault is
  // history and causes ("taustoita"), so some must be there unless nearly everything is description.
  const lesson = descriptive.some((s) => lexiconIn(ctx, 'lesson', s.start, s.end));
  const history = lesson || descriptive.some((s) => lexiconIn(ctx, 'history', s.start, s.end));
  // An explainer of how things work in general ("The price is made up of…", "Proces składa się z kilku etapów") is
  // background too, but not where the customer asked why (below): there it can be the answer.
  const mechanism = descriptive.some((s) => lexiconIn(ctx, 'mechanism', s.start, s.end));
  const enough = words >= OVER_EXPLAINING.wallWords ? OVER_EXPLAINING.wallShare : OVER_EXPLAINING.descriptiveOnly;
  if (!history && !mechanism && share < enough) return [];
  // "Why did it go up?", "Voitteko selittää…": causes, figures and what they are based on are the answer the customer
  // asked for, at an answer's length; the organisation's history ("introduced in 2022"), a lesson framed as
  // background and a wall of text past an answer's length are not.
  if (!history && customerAsksWhy(ctx) && words < OVER_EXPLAINING.answerWords) return [];
  // Mark the first sentence of history or causes; failing that, the longest descriptive one.
  const marked =
    descriptive.find((s) => lexiconIn(ctx, 'lesson', s.start, s.end) || lexiconIn(ctx, 'history', s.start, s.end)) ??
    descriptive.find((s) => lexiconIn(ctx, 'mechanism', s.start, s.end)) ??
    [...descriptive].sort((a, b) => wordsIn(b.text) - wordsIn(a.text))[0]!;
  return [makeFinding(ctx, g, marked.start, marked.end)];
}
