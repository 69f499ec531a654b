import type { Finding } from '../contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { lexiconIn, sentenceFinding, type ReviewContext } from '../review-context.js';

/**
 * A first reply should greet or acknowledge the customer: a greeting in the opening sentence, or an
 * acknowledging opener in the first two ("Oh no, sorry to hear that!", "We'd like to help", "Kiitos
 * viestistä", "Przykro mi to słyszeć", "Sajnálom, hogy…", "Glad you enjoyed it!"). Later replies need neither.
 */
export function missingGreeting(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  // A later part of a split reply ("2/2") follows the part that greeted.
  if (!ctx.firstReply || ctx.threadPart) return [];
  const [first, second] = ctx.content;
  if (!first) return [];
  if (lexiconIn(ctx, 'greeting', first.start, first.end)) return [];
  const ackEnd = second ? second.end : first.end;
  if (lexiconIn(ctx, 'acknowledgement', first.start, ackEnd) || lexiconIn(ctx, 'pleasantry', first.start, ackEnd)) return [];
  return [sentenceFinding(ctx, g, first)];
}
