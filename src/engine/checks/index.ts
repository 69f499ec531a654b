import type { GuidelineKind } from '../../core/knowledge-schema.js';
import type { Finding } from '../../core/contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { matchPhrases } from '../match-phrases.js';
import type { ReviewContext } from '../review-context.js';
import { asksDetailsAgain } from './asks-details-again.js';
import { missingGreeting } from './missing-greeting.js';
import { missingNextStep } from './missing-next-step.js';
import { oneWordReply } from './one-word-reply.js';
import { overExplaining } from './over-explaining.js';
import { scareQuotes } from './scare-quotes.js';
import { cuePairs } from './cue-pairs.js';
import { unconfirmedDetails } from './unconfirmed-details.js';

/** `found`: the findings of the checks that ran before (see review.ts: the ones that read other findings run last). */
export type Check = (ctx: ReviewContext, g: RuntimeGuideline, found: readonly Finding[]) => Finding[];

/** The closed set of guideline kinds the engine knows (Vale's existence/occurrence/…): content lives in knowledge/. */
export const CHECKS: Record<GuidelineKind, Check> = {
  phrase: matchPhrases,
  occurrence: matchPhrases,
  'one-word-reply': oneWordReply,
  'scare-quotes': scareQuotes,
  'missing-next-step': missingNextStep,
  'missing-greeting': missingGreeting,
  'over-explaining': overExplaining,
  'unconfirmed-details': unconfirmedDetails,
  'asks-details-again': asksDetailsAgain,
  'cue-pairs': cuePairs,
};
