import { createCoachingCard } from '../cards/coaching-card.js';
import { createGuidanceCard } from '../cards/guidance-card.js';
import { createReviewCard } from '../cards/review-card.js';
import { createReviewFormCard } from '../cards/review-form-card.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { review } from '../engine/review.js';
import { ReviewInputError } from '../engine/review-input.js';
import { searchGuidance } from '../retrieval/search-guidance.js';
import { langFromLocale, textsFor } from './bot-texts.js';
import { coach } from './coach.js';
import { ReviewCache } from './review-cache.js';
import type { Outgoing } from './outgoing.js';
import type { ReviewResult } from '../engine/contract.js';

export interface AssistantOptions {
  kb: KnowledgeBase;
  /** Longest draft the bot accepts, in characters (MAX_DRAFT_CHARS, default 8,000). */
  maxDraft: number;
  /** Reviews kept for identical requests (default 500; 0 turns the cache off). */
  cacheSize?: number;
}

/**
 * What Warmline answers to agents, supervisors and trainees, as channel-free outgoing messages.
 * The Bot Framework channel, Web Chat and tests all call this; none of it knows botbuilder.
 */
export class Assistant {
  readonly cache: ReviewCache;

  constructor(private readonly options: AssistantOptions) {
    if (!Number.isInteger(options.maxDraft) || options.maxDraft < 1) throw new Error('maxDraft must be a positive integer');
    this.cache = new ReviewCache(options.cacheSize ?? 500);
  }

  get maxDraft(): number {
    return this.options.maxDraft;
  }

  /** The engine's review, served from the cache when the very same request came before. */
  reviewResult(draft: string, customer: string | undefined): ReviewResult {
    const key = JSON.stringify([draft, customer ?? '']);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = review({ draft, customer }, { kb: this.kb, maxDraft: this.options.maxDraft });
    this.cache.set(key, result);
    return result;
  }

  get kb(): KnowledgeBase {
    return this.options.kb;
  }

  welcome(locale?: string): Outgoing[] {
    const t = textsFor(locale);
    return [{ text: t.welcome }, { card: createReviewFormCard(t), summary: t.reviewTitle }];
  }

  help(locale?: string): Outgoing[] {
    return [{ text: textsFor(locale).help }];
  }

  reviewForm(locale?: string, prefill: { draft?: string; customer?: string } = {}): Outgoing[] {
    const t = textsFor(locale);
    return [{ card: createReviewFormCard(t, prefill), summary: t.reviewTitle }];
  }

  /** Reviews a draft; a draft that cannot be reviewed gets a clear message and the agent's text back, never lost. */
  review(draft: string, customer: string | undefined, locale?: string): { outgoing: Outgoing[]; result?: ReviewResult } {
    const t = textsFor(locale);
    if (draft.length > this.options.maxDraft) return { outgoing: [{ text: t.tooLong(this.options.maxDraft) }] };
    try {
      const result = this.reviewResult(draft, customer);
      return { outgoing: [{ card: createReviewCard(result, draft, t, customer), summary: `${t.reviewTitle}: ${t.verdict[result.verdict]}` }], result };
    } catch (error) {
      if (error instanceof ReviewInputError) return { outgoing: [{ text: draft.trim() ? `${error.message}` : t.emptyDraft }] };
      throw error;
    }
  }

  /** "Use this": the chosen text as a plain message the agent can copy. */
  useReply(text: string): Outgoing[] {
    return [{ text }];
  }

  guidance(question: string, locale?: string): Outgoing[] {
    const t = textsFor(locale);
    const answer = searchGuidance(this.kb, question, { lang: langFromLocale(locale) });
    return [{ card: createGuidanceCard(answer, t), summary: t.guidanceTitle }];
  }

  coaching(situation: string, locale?: string): Outgoing[] {
    const t = textsFor(locale);
    return [{ card: createCoachingCard(coach(this.kb, situation, langFromLocale(locale)), t), summary: t.coachingTitle }];
  }
}
