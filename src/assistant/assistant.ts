import { createAskIntentCard } from '../cards/ask-intent-card.js';
import type { SourceLookup } from '../cards/adaptive-card.js';
import { createCoachingCard } from '../cards/coaching-card.js';
import { createGuidanceCard } from '../cards/guidance-card.js';
import { createReviewCard } from '../cards/review-card.js';
import { createReviewFormCard } from '../cards/review-form-card.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { review } from '../engine/review.js';
import { ReviewInputError } from '../engine/review-input.js';
import { searchGuidance } from '../retrieval/search-guidance.js';
import { langFromLocale, textsFor, type BotTexts } from '../cards/bot-texts.js';
import { coach } from './coach.js';
import { draftLikeIn, topicIn } from './draft-evidence.js';
import { routeMessage, type Route } from './route-message.js';
import { ReviewCache } from './review-cache.js';
import type { Outgoing } from './outgoing.js';
import { reviewEventOf, type EventCaller, type ReviewEventSink } from './review-events.js';
import { createTeamReportCard, type WeekFigures } from '../cards/team-report-card.js';
import { randomUUID } from 'node:crypto';
import type { Lang, ReviewResult } from '../core/contract.js';
import { llmCoaching, llmGuidance, llmPracticeCustomer } from '../llm/llm-assist.js';
import type { AssistantLlm } from '../llm/llm-types.js';

export interface AssistantOptions {
  kb: KnowledgeBase;
  /** Longest draft the bot accepts, in characters (MAX_DRAFT_CHARS, default 8,000). */
  maxDraft: number;
  /** Reviews kept for identical requests (default 500; 0 turns the cache off). */
  cacheSize?: number;
  /** LLM mode; absent means offline. */
  llm?: AssistantLlm;
  /** How alternatives address the customer where a draft shows neither way (REPLY_REGISTER): `{ fi: 'te' }`. */
  registers?: Partial<Record<Lang, string>>;
  /** Daily model-call budgets per user and tenant: past them the offline engine answers (it always can). */
  llmBudget?: { take(caller: Caller): Promise<boolean> };
  /** Where reviews and the agents' choices are recorded for the supervisors (no text); absent: nothing is. */
  events?: ReviewEventSink;
  /** The week's figures (the event log), for `team report` and `my week`. */
  reports?: { weekFigures(tenant: string, agent?: string): Promise<WeekFigures>; agentId(tenant: string, user: string): string };
  /** Who may see the team report: user ids (Entra object ids); absent means everyone (a deployment without an app id). */
  supervisors?: readonly string[];
}

/** Who is asking (the daily model-call budgets, the review events): user, tenant, and where from. */
export type Caller = EventCaller;

export type { AssistantLlm } from '../llm/llm-types.js';

/** Where a review is asked for: a Teams invoke must answer within 5 s; a chat can wait and update later. */
export type ReviewSite = 'invoke' | 'chat';

/**
 * What Warmline answers to agents, supervisors and trainees, as channel-free outgoing messages.
 * The Bot Framework channel, Web Chat and tests all call this; none of it knows botbuilder.
 */
export class Assistant {
  readonly cache: ReviewCache;
  private routing: { isDraftLike: ReturnType<typeof draftLikeIn>; isTopic: ReturnType<typeof topicIn> };

  constructor(private readonly options: AssistantOptions) {
    if (!Number.isInteger(options.maxDraft) || options.maxDraft < 1) throw new Error('maxDraft must be a positive integer');
    this.cache = new ReviewCache(options.cacheSize ?? 500);
    this.routing = { isDraftLike: draftLikeIn(options.kb), isTopic: topicIn(options.kb) };
  }

  /** Source passages' titles and translations in the reader's language, for the cards. */
  sources(lang: Lang): SourceLookup {
    return (document, quote) => this.kb.sourceIn(document, quote, lang);
  }

  /** What the user wants from a typed message, in the language they wrote it in (the locale only breaks ties). */
  route(text: string, locale?: string): Route {
    // Very long messages are drafts (or pasted e-mails): no need to read them for commands.
    if (text.length > 2000) return { intent: 'review', lang: langFromLocale(locale), text: text.trim() };
    return routeMessage(text, { locale, detector: this.kb.detector, ...this.routing });
  }

  /** The bot's answer to a message that needs no card: a greeting, thanks, small talk, or something it cannot act on. */
  reply(intent: 'greeting' | 'thanks' | 'smalltalk' | 'unknown' | 'stop', lang?: string): Outgoing[] {
    const t = textsFor(lang);
    const byIntent = { greeting: t.greetingReply, thanks: t.thanksReply, smalltalk: t.smalltalkReply, unknown: t.unknownReply, stop: t.nothingToStop };
    return [{ text: byIntent[intent] }];
  }

  /** Asks whether a short message is a draft or a question about the guidance, with one button for each. */
  askIntent(message: string, lang?: string): Outgoing[] {
    const t = textsFor(lang);
    return [{ card: createAskIntentCard(t, message), summary: t.askWhich }];
  }

  /** In a team channel, drafts are not reviewed in front of colleagues. */
  channelPrivate(lang?: string): Outgoing[] {
    return [{ text: textsFor(lang).channelPrivate }];
  }

  get maxDraft(): number {
    return this.options.maxDraft;
  }

  get mode(): 'llm' | 'offline' {
    return this.options.llm ? 'llm' : 'offline';
  }

  /** The caller whose budget the model calls of this view count against (see `as`). */
  protected caller: Caller = {};

  /**
   * This assistant seen by one caller: the same knowledge base, cache and model, with the caller's daily
   * budget applied to every model call. Channels call `assistant.as({ user, tenant })` per turn.
   */
  as(caller: Caller): Assistant {
    return Object.create(this, { caller: { value: caller } }) as Assistant;
  }

  /** The model, when configured and the caller's budget for today allows one more call. */
  private async llmForCaller(): Promise<AssistantLlm | undefined> {
    const llm = this.options.llm;
    if (!llm) return undefined;
    if (this.options.llmBudget && !(await this.options.llmBudget.take(this.caller))) return undefined;
    return llm;
  }

  /**
   * The review with the LLM when configured, within the site's budget. In a chat, when the model is
   * still working at the budget, the offline card goes out at once and `onLate` later receives the
   * improved card (if the model finishes within the late-update window); the channel updates the card.
   */
  async reviewWithLlm(draft: string, customer: string | undefined, locale: string | undefined, site: ReviewSite, onLate?: (outgoing: Outgoing[]) => Promise<void>): Promise<{ outgoing: Outgoing[]; result?: ReviewResult; reviewId?: string }> {
    const reviewId = randomUUID();
    const t = textsFor(locale);
    const asCard = (result: ReviewResult) => ({ outgoing: [{ card: createReviewCard(result, draft, t, customer, this.sources(t.lang), reviewId), summary: `${t.reviewTitle}: ${t.verdict[result.verdict]}` }] as Outgoing[], result, reviewId });
    // The card is built once, below, with the review's id: the offline card without it would be thrown away.
    const offline = this.resultOrRefusal(draft, customer, t);
    if ('refusal' in offline) return { outgoing: offline.refusal };
    const recorded = (answer: { outgoing: Outgoing[]; result: ReviewResult; reviewId: string }) => {
      this.recordReview(reviewId, answer.result, draft);
      return answer;
    };
    if (!this.options.llm) return recorded(asCard(offline.result));
    const llm = await this.llmForCaller();
    if (!llm) return recorded(asCard(offline.result));
    if (site === 'invoke') {
      const result = await llm.reviewer.review({ draft, customer }, llm.budgets.invokeMs, offline.result).catch(() => offline.result);
      return recorded(asCard(result));
    }
    const pending = llm.reviewer.review({ draft, customer }, llm.budgets.lateUpdateMs || llm.budgets.chatMs, offline.result);
    const winner = await Promise.race([pending.then((r) => ({ r })), new Promise<null>((resolve) => setTimeout(resolve, llm.budgets.chatMs, null).unref())]);
    if (winner) return recorded(asCard(winner.r));
    if (onLate) {
      void pending.then(
        (late) => (late.llm.mode === 'llm' ? onLate(asCard(late).outgoing) : undefined),
        () => undefined,
      );
    }
    return recorded(asCard(offline.result));
  }

  /** One review event: what was found (and the draft, which the sink keeps only with REVIEW_STORE_TEXT). */
  private recordReview(reviewId: string, result: ReviewResult, draft: string): void {
    this.options.events?.record(reviewEventOf(reviewId, this.caller, result, draft));
  }

  /**
   * `team report` (supervisors: the tenant's week) or `my week` (anyone: their own). Figures only, never text;
   * agents appear only as the keyed hash the events carry.
   */
  async report(scope: 'team' | 'mine', locale?: string): Promise<Outgoing[]> {
    const t = textsFor(locale);
    const reports = this.options.reports;
    if (!reports) return [{ text: t.report.off }];
    const tenant = this.caller.tenant || 'none';
    if (scope === 'team' && this.options.supervisors && !this.options.supervisors.includes(this.caller.user ?? '')) return [{ text: t.report.notAllowed }];
    const figures = await reports.weekFigures(tenant, scope === 'mine' ? reports.agentId(tenant, this.caller.user || 'unknown') : undefined);
    return [{ card: createTeamReportCard(figures, t, scope), summary: scope === 'team' ? t.report.team : t.report.mine }];
  }

  /** What the agent did with a review: used an alternative, or sent from the compose-box preview. */
  recordChoice(reviewId: string | undefined, choice: 'alternative:warmer' | 'alternative:concise' | 'preview-sent' | 'own-draft'): void {
    if (!reviewId) return;
    this.options.events?.record({ kind: 'choice', reviewId, caller: this.caller, choice });
  }

  /** A practice answer's score, for the dashboard's practice figures (the answer's text is not recorded). */
  recordPractice(scenario: string, lang: Lang, score: number): void {
    this.options.events?.record({ kind: 'practice', reviewId: randomUUID(), caller: this.caller, lang, scenario, score });
  }

  /** The engine's review, served from the cache when the very same request came before. */
  reviewResult(draft: string, customer: string | undefined): ReviewResult {
    const key = JSON.stringify([draft, customer ?? '']);
    const cached = this.cache.get(key);
    if (cached) return cached;
    const result = review({ draft, customer }, { kb: this.kb, maxDraft: this.options.maxDraft, ...(this.options.registers ? { registers: this.options.registers } : {}) });
    this.cache.set(key, result);
    return result;
  }

  get kb(): KnowledgeBase {
    return this.options.kb;
  }

  /**
   * Switches to another compiled knowledge base (a newly published version): the next review, guidance and
   * route use it; cached reviews of the old one are dropped. Views made with `as()` follow, sharing the options.
   */
  useKnowledgeBase(kb: KnowledgeBase): void {
    this.options.kb = kb;
    this.routing = { isDraftLike: draftLikeIn(kb), isTopic: topicIn(kb) };
    this.cache.clear();
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
    const checked = this.resultOrRefusal(draft, customer, t);
    if ('refusal' in checked) return { outgoing: checked.refusal };
    const { result } = checked;
    return { outgoing: [{ card: createReviewCard(result, draft, t, customer, this.sources(t.lang)), summary: `${t.reviewTitle}: ${t.verdict[result.verdict]}` }], result };
  }

  /** The engine's result, or the message for a draft it cannot review (too long, empty, binary). */
  private resultOrRefusal(draft: string, customer: string | undefined, t: BotTexts): { result: ReviewResult } | { refusal: Outgoing[] } {
    if (draft.length > this.options.maxDraft) return { refusal: [{ text: t.tooLong(this.options.maxDraft) }] };
    try {
      return { result: this.reviewResult(draft, customer) };
    } catch (error) {
      if (error instanceof ReviewInputError) return { refusal: [{ text: draft.trim() ? `${error.message}` : t.emptyDraft }] };
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
    return [{ card: createGuidanceCard(answer, t, undefined, this.sources(t.lang)), summary: t.guidanceTitle }];
  }

  /** Guidance in the asker's language from the LLM, grounded in the retrieved guidelines; offline otherwise. */
  async guidanceWithLlm(question: string, locale?: string): Promise<Outgoing[]> {
    const llm = await this.llmForCaller();
    if (!llm) return this.guidance(question, locale);
    const t = textsFor(locale);
    const offline = searchGuidance(this.kb, question, { lang: langFromLocale(locale) });
    const answer = await llmGuidance(this.kb, llm.client, offline, llm.budgets.chatMs).catch(() => null);
    if (!answer) return this.guidance(question, locale);
    return [{ card: createGuidanceCard(offline, t, answer, this.sources(t.lang)), summary: t.guidanceTitle }];
  }

  coaching(situation: string, locale?: string): Outgoing[] {
    const t = textsFor(locale);
    return [{ card: createCoachingCard(coach(this.kb, situation, langFromLocale(locale)), t, this.sources(t.lang)), summary: t.coachingTitle }];
  }

  /** Coaching examples written by the LLM and checked by the rules; the offline examples otherwise. */
  async coachingWithLlm(situation: string, locale?: string): Promise<Outgoing[]> {
    const llm = await this.llmForCaller();
    if (!llm) return this.coaching(situation, locale);
    const t = textsFor(locale);
    const lang = langFromLocale(locale);
    const offline = coach(this.kb, situation, lang);
    const guidelines = offline.guidelines.map((g) => `- ${g.rule}: ${g.message}`).join('\n');
    const examples = await llmCoaching(this.kb, llm.client, situation, lang, guidelines, llm.budgets.chatMs).catch(() => null);
    return [{ card: createCoachingCard(examples ? { ...offline, examples } : offline, t, this.sources(t.lang)), summary: t.coachingTitle }];
  }

  /** The practice customer's line: the LLM's variation on the scenario when it speaks the right language. */
  async practiceCustomerLine(scenario: string, fallback: string, lang: Lang): Promise<string> {
    const llm = await this.llmForCaller();
    if (!llm) return fallback;
    const line = await llmPracticeCustomer(this.kb, llm.client, scenario, fallback, lang, llm.budgets.chatMs).catch(() => null);
    return line ?? fallback;
  }
}
