import type { AdaptiveCard } from '../cards/adaptive-card.js';

/** A message the assistant wants to send, independent of the channel that sends it. */
export type Outgoing = { text: string } | { card: AdaptiveCard; summary: string };

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** The Bot Framework activity for an outgoing message (plain objects: no SDK needed). */
export function toActivity(out: Outgoing): { type: 'message'; text?: string; summary?: string; attachments?: { contentType: string; content: AdaptiveCard }[] } {
  if ('text' in out) return { type: 'message', text: out.text };
  // `summary`, not `text`: channels show it where a card cannot be rendered (notifications), and Web Chat
  // does not draw it as a second bubble above the card.
  return { type: 'message', summary: out.summary, attachments: [{ contentType: ADAPTIVE_CARD, content: out.card }] };
}
