import { adaptiveCard, text, type AdaptiveCard } from './adaptive-card.js';
import type { BotTexts } from './bot-texts.js';

export interface WeekFigures {
  reviews: number;
  flagged: number;
  usedAlternative: number;
  topRules: { rule: string; count: number }[];
}

/** The week's figures as a card: plain numbers and a list, readable without colour (issue 10). */
export function createTeamReportCard(figures: WeekFigures, texts: BotTexts, scope: 'team' | 'mine'): AdaptiveCard {
  const r = texts.report;
  if (figures.reviews === 0) return adaptiveCard([text(scope === 'team' ? r.team : r.mine, { weight: 'Bolder', size: 'Medium' }), text(r.none)]);
  return adaptiveCard([
    text(scope === 'team' ? r.team : r.mine, { weight: 'Bolder', size: 'Medium' }),
    {
      type: 'FactSet',
      facts: [
        { title: r.reviews, value: String(figures.reviews) },
        { title: r.flagged, value: `${figures.flagged} (${Math.round((100 * figures.flagged) / figures.reviews)}%)` },
        { title: r.used, value: String(figures.usedAlternative) },
      ],
    },
    ...(figures.topRules.length ? [text(r.topRules, { weight: 'Bolder', spacing: 'Medium' }), text(figures.topRules.map((t) => `- ${t.rule}: ${t.count}`).join('\n'))] : []),
  ]);
}
