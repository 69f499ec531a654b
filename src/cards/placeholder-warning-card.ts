import type { BotTexts } from './bot-texts.js';
import { adaptiveCard, literal, text, type AdaptiveCard } from './adaptive-card.js';

/** Before Teams previews a reply that still has [placeholders]: what is left to fill in, and the way back to edit it. */
export function createPlaceholderWarningCard(texts: BotTexts, chosen: string, customer: string, gaps: readonly string[]): AdaptiveCard {
  return adaptiveCard(
    [text(texts.placeholderWarning.replace('{p}', gaps.join(', ')), { color: 'Attention', weight: 'Bolder' }), text(literal(chosen))],
    [
      { type: 'Action.Submit', title: texts.edit, data: { action: 'edit', draft: chosen, customer } },
      { type: 'Action.Submit', title: texts.previewAnyway, data: { action: 'preview', choice: chosen, confirmed: true } },
    ],
  );
}
