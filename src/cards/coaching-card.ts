import type { BotTexts } from './bot-texts.js';
import type { Lang } from '../core/contract.js';
import { adaptiveCard, literal, sourceLines, text, type AdaptiveCard, type CardElement, type SourceLookup } from './adaptive-card.js';

/** What coaching answers with (src/assistant/coach.ts builds it): example replies and the guidelines behind them. */
export interface CoachingAnswer {
  situation: string;
  lang: Lang;
  examples: string[];
  guidelines: { rule: string; message: string; avoid: string; source: { document: string; quote: string } }[];
}

/** "What should I say when…": two or three example replies, the guidelines behind them, and what to avoid. */
export function createCoachingCard(answer: CoachingAnswer, texts: BotTexts, sources?: SourceLookup): AdaptiveCard {
  const body: CardElement[] = [text(texts.coachingTitle, { weight: 'Bolder', size: 'Medium' }), text(literal(answer.situation), { isSubtle: true })];
  if (answer.examples.length === 0) body.push(text(texts.guidanceNone));
  // One numbered list in one block: numbered blocks of their own render as "1. 1. 1.".
  if (answer.examples.length > 0) body.push(text(answer.examples.map((e, i) => `${i + 1}. ${literal(e).replace(/\n+/g, ' ')}`).join('\n'), { spacing: 'Small' }));
  for (const g of answer.guidelines) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        text(`${g.rule}: ${literal(g.message)}`, { size: 'Small' }),
        text(`${texts.avoid}: “${literal(g.avoid)}”`, { color: 'Attention', size: 'Small' }),
        ...sourceLines(texts.source, g.source, sources),
      ],
    });
  }
  return adaptiveCard(body);
}
