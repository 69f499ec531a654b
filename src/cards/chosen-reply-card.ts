import { adaptiveCard, literal, text, type AdaptiveCard } from './adaptive-card.js';

/** The reply exactly as it will be posted: the botMessagePreview shows this card and posts it only on the agent's Send. */
export function createChosenReplyCard(reply: string): AdaptiveCard {
  return adaptiveCard([text(literal(reply))]);
}
