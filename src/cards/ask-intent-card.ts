import type { BotTexts } from './bot-texts.js';
import { adaptiveCard, literal, text, type AdaptiveCard } from './adaptive-card.js';

/** "Review this as a draft, or look up our guidance?": asked when a short message could be either. */
export function createAskIntentCard(texts: BotTexts, message: string): AdaptiveCard {
  return adaptiveCard(
    [text(texts.askWhich), text(literal(message), { isSubtle: true })],
    [
      { type: 'Action.Submit', title: texts.askReview, data: { action: 'review', draft: message } },
      { type: 'Action.Submit', title: texts.askGuidance, data: { action: 'guidance', question: message } },
    ],
  );
}
