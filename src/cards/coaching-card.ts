import type { BotTexts } from '../assistant/bot-texts.js';
import type { CoachingAnswer } from '../assistant/coach.js';
import { adaptiveCard, literal, text, type AdaptiveCard, type CardElement } from './adaptive-card.js';

/** "What should I say when…": two or three example replies, the guidelines behind them, and what to avoid. */
export function createCoachingCard(answer: CoachingAnswer, texts: BotTexts): AdaptiveCard {
  const body: CardElement[] = [text(texts.coachingTitle, { weight: 'Bolder', size: 'Medium' }), text(literal(answer.situation), { isSubtle: true })];
  if (answer.examples.length === 0) body.push(text(texts.guidanceNone));
  answer.examples.forEach((e, i) => body.push(text(`${i + 1}. ${literal(e)}`, { spacing: 'Small' })));
  for (const g of answer.guidelines) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        text(`${g.rule}: ${literal(g.message)}`, { size: 'Small' }),
        text(`${texts.avoid}: “${literal(g.avoid)}”`, { color: 'Attention', size: 'Small' }),
        text(`${texts.source} ${g.source.document}: “${literal(g.source.quote)}”`, { isSubtle: true, size: 'Small' }),
      ],
    });
  }
  return adaptiveCard(body);
}
