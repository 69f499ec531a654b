import type { Finding } from '../contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { foldedSentence, lexiconIn, makeFinding, type ReviewContext } from '../review-context.js';

/**
 * A wall of background the customer did not ask for (document 000: "Kerro vain oleellinen").
 * Length alone is not the fault: a long reply full of actions is fine. The check wants a long draft,
 * long relative to the customer's message, in which several sentences are background (history,
 * causes, how the system works) rather than what the agent did or will do.
 */
export const OVER_EXPLAINING = { minWords: 65, minRatio: 2.5, minBackgroundSentences: 2, minBackgroundShare: 0.3 } as const;

const wordsIn = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

export function overExplaining(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  const words = wordsIn(ctx.draft);
  if (words < OVER_EXPLAINING.minWords) return [];
  const customerWords = Math.max(wordsIn(ctx.customer), 8);
  if (words / customerWords < OVER_EXPLAINING.minRatio) return [];
  const background = ctx.sentences.filter(
    (s) => wordsIn(s.text) >= 6 && lexiconIn(ctx, 'background', s.start, s.end) && !lexiconIn(ctx, 'commitment', s.start, s.end),
  );
  const backgroundWords = background.reduce((n, s) => n + wordsIn(foldedSentence(ctx, s)), 0);
  if (background.length < OVER_EXPLAINING.minBackgroundSentences || backgroundWords / words < OVER_EXPLAINING.minBackgroundShare) return [];
  const first = background[0]!;
  return [makeFinding(ctx, g, first.start, first.end)];
}
