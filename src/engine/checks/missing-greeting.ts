import type { Finding } from '../contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { lexiconIn, sentenceFinding, type ReviewContext } from '../review-context.js';

/**
 * A first reply should greet or acknowledge the customer: a greeting in the opening sentence, or a
 * thanks / apology / "I understand" in the first two sentences. Later replies in a thread need neither.
 */
export function missingGreeting(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  if (!ctx.firstReply) return [];
  const [first, second] = ctx.sentences;
  if (!first) return [];
  if (lexiconIn(ctx, 'greeting', first.start, first.end)) return [];
  const ackEnd = second ? second.end : first.end;
  if (lexiconIn(ctx, 'acknowledgement', first.start, ackEnd)) return [];
  return [sentenceFinding(ctx, g, first)];
}
