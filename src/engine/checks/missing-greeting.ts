import type { Finding } from '../../core/contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { lexiconIn, sentenceFinding, type ReviewContext } from '../review-context.js';
import { customerOnlyThanks, customerRaisedNothing } from './customer-message.js';

/**
 * A first reply should greet or acknowledge the customer: a greeting in the opening sentence, or an
 * acknowledging opener in the first two ("Oh no, sorry to hear that!", "We'd like to help", "Kiitos
 * viestistä", "Przykro mi to słyszeć", "Sajnálom, hogy…", "Glad you enjoyed it!", "That looks painful"). Later replies
 * need neither.
 */
/** Words in an opening exclamation that still reads as a reaction to the customer rather than a slogan. */
export const SHORT_EXCLAMATION_WORDS = 5;

export function missingGreeting(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  // A later part of a split reply ("2/2") follows the part that greeted.
  if (!ctx.firstReply || ctx.threadPart) return [];
  // Answering a customer who only thanked or praised, or who raised nothing (banter, a photo, a cheer), is itself
  // the acknowledgement: the reply talks with them, not about a case.
  if (customerOnlyThanks(ctx) || customerRaisedNothing(ctx)) return [];
  const [first, second] = ctx.content;
  if (!first) return [];
  if (lexiconIn(ctx, 'greeting', first.start, first.end)) return [];
  const ackEnd = second ? second.end : first.end;
  // A pleasantry in the second sentence counts where that sentence says something: a line of three words or
  // fewer is the e-mail's closing ("Üdvözlettel: Szűcs Bálint", "Pozdrawiam, Anna") under a one-sentence body.
  const pleasantryEnd = second && (second.text.match(/[\p{L}\p{N}']+/gu) ?? []).length > 3 ? second.end : first.end;
  if (lexiconIn(ctx, 'acknowledgement', first.start, ackEnd) || lexiconIn(ctx, 'pleasantry', first.start, pleasantryEnd)) return [];
  // A short exclamation that opens the reply ("Yes!", "They're great, aren't they!") answers the customer as a
  // person, the way "Oh no!" does. A longer one is often a slogan ("Your satisfaction is our priority!").
  const opener = ctx.masked.slice(first.start, first.end).trimEnd();
  if (/!["'”)\s]*$/.test(opener) && (opener.match(/[\p{L}\p{N}']+/gu) ?? []).length <= SHORT_EXCLAMATION_WORDS) return [];
  return [sentenceFinding(ctx, g, first)];
}
