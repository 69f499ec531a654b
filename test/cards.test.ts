import { describe, expect, it } from 'vitest';
import { BOT_TEXTS } from '../src/cards/bot-texts.js';
import { coach } from '../src/assistant/coach.js';
import { createChosenReplyCard } from '../src/cards/chosen-reply-card.js';
import { createCoachingCard } from '../src/cards/coaching-card.js';
import { createComposeReviewCard } from '../src/cards/compose-review-card.js';
import { createGuidanceCard } from '../src/cards/guidance-card.js';
import { createReviewCard } from '../src/cards/review-card.js';
import { createReviewFormCard } from '../src/cards/review-form-card.js';
import { LANGS } from '../src/core/contract.js';
import { review } from '../src/engine/review.js';
import { searchGuidance } from '../src/retrieval/search-guidance.js';
import { validateAdaptiveCard } from './support/adaptive-card-schema.js';
import { testKnowledgeBase } from './kb-fixture.js';

// Every card the bot can produce, in every language, against the official Adaptive Cards 1.5 schema.
const kb = await testKnowledgeBase();
const drafts = {
  flawed: "Sorry, that's not my department. Call back later. - 1. as I already said *obviously*",
  clean: 'Hi Sam, I have refunded order 4471-2231 today and will email you the receipt by 5 pm.',
};

describe.each(LANGS)('cards in %s', (lang) => {
  const t = BOT_TEXTS[lang];
  for (const [name, draft] of Object.entries(drafts)) {
    const result = review({ draft, customer: 'Order 4471-2231?' }, { kb });
    it(`review card (${name} draft)`, () => expect(validateAdaptiveCard(createReviewCard(result, draft, t, 'Order 4471-2231?'))).toEqual([]));
    it(`compose review card (${name} draft)`, () => expect(validateAdaptiveCard(createComposeReviewCard(result, draft, '', t))).toEqual([]));
  }
  it('review form, empty and prefilled', () => {
    expect(validateAdaptiveCard(createReviewFormCard(t))).toEqual([]);
    expect(validateAdaptiveCard(createReviewFormCard(t, { draft: 'x', customer: 'y' }))).toEqual([]);
  });
  it('guidance card: found, not covered, and with an LLM answer', () => {
    expect(validateAdaptiveCard(createGuidanceCard(searchGuidance(kb, 'transfer the call', { lang }), t))).toEqual([]);
    expect(validateAdaptiveCard(createGuidanceCard(searchGuidance(kb, 'zebra quantum xylophone', { lang }), t))).toEqual([]);
    const written = { covered: true, answer: 'Ask first.', citations: [{ guideline: 'transfer-runaround-blind-transfer', quote: 'Zasada 8' }] };
    expect(validateAdaptiveCard(createGuidanceCard(searchGuidance(kb, 'transfer', { lang }), t, written))).toEqual([]);
  });
  it('coaching card', () => expect(validateAdaptiveCard(createCoachingCard(coach(kb, 'the customer is angry', lang), t))).toEqual([]));
  it('chosen reply card', () => expect(validateAdaptiveCard(createChosenReplyCard('- a reply\n1. with list-like lines'))).toEqual([]));
});
