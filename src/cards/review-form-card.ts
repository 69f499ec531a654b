import type { BotTexts } from './bot-texts.js';
import { adaptiveCard, text, type AdaptiveCard } from './adaptive-card.js';

/** Two inputs, the draft and the customer's message, and a Review button: used in chat and in the Teams task module. */
export function createReviewFormCard(texts: BotTexts, prefill: { draft?: string; customer?: string } = {}, data: Record<string, unknown> = { action: 'review' }): AdaptiveCard {
  return adaptiveCard(
    [
      text(texts.reviewTitle, { weight: 'Bolder', size: 'Medium' }),
      { type: 'Input.Text', id: 'draft', label: texts.draftLabel, isMultiline: true, value: prefill.draft ?? '', isRequired: true, errorMessage: texts.emptyDraft, maxLength: 8000 },
      { type: 'Input.Text', id: 'customer', label: texts.customerLabel, isMultiline: true, value: prefill.customer ?? '' },
    ],
    [{ type: 'Action.Submit', title: texts.review, data }],
  );
}
