import type { BotTexts } from './bot-texts.js';
import type { ReviewResult } from '../core/contract.js';
import { adaptiveCard, literal, placeholdersIn, sourceLines, text, type AdaptiveCard, type CardElement, type SourceLookup } from './adaptive-card.js';

const VERDICT_COLOUR = { send: 'Good', revise: 'Warning', block: 'Attention' } as const;
const SEVERITY_COLOUR = { critical: 'Attention', major: 'Warning', minor: 'Default' } as const;

/** Data an Action.Submit on the review card sends back: the channel routes on `action`. */
export type ReviewCardAction = { action: 'use'; text: string; review?: string } | { action: 'review'; draft?: string; customer?: string };

/**
 * The review as an Adaptive Card: verdict, each finding (the quoted words, why, the guideline and its
 * source quote), the alternatives each with "Use this", the next step, and "Review again" with the draft
 * in an editable box so the agent's text is never lost.
 */
/** `reviewId` travels with "Use this", so the agent's choice is counted against the review it answers (issue 10). */
export function createReviewCard(result: ReviewResult, draft: string, texts: BotTexts, customer?: string, sources?: SourceLookup, reviewId?: string): AdaptiveCard {
  const body: CardElement[] = [
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [text(texts.reviewTitle, { weight: 'Bolder', size: 'Medium' })] },
        { type: 'Column', width: 'auto', items: [text(texts.verdict[result.verdict], { weight: 'Bolder', color: VERDICT_COLOUR[result.verdict] })] },
      ],
    },
  ];
  if (result.notes?.length) body.push(text(texts.unsupported, { isSubtle: true, size: 'Small' }));

  body.push(text(texts.findings, { weight: 'Bolder', separator: true, spacing: 'Medium' }));
  if (result.findings.length === 0) body.push(text(texts.noFindings));
  for (const f of result.findings) {
    body.push({
      type: 'Container',
      spacing: 'Small',
      items: [
        text(`“${literal(f.quote)}”`, { weight: 'Bolder', color: SEVERITY_COLOUR[f.severity] }),
        text(`${f.rule} · ${f.severity}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
        text(`${texts.why}: ${literal(f.message)}`, { spacing: 'Small' }),
        ...sourceLines(texts.source, f.source, sources, `, ${f.guideline}`),
      ],
    });
  }

  if (result.suggestions.length > 0) body.push(text(texts.suggestions, { weight: 'Bolder', separator: true, spacing: 'Medium' }));
  // Identical alternatives (a short draft often has one good rewrite) are shown once.
  const distinct = result.suggestions.filter((s, i, all) => all.findIndex((o) => o.text === s.text) === i);
  for (const s of distinct) {
    const data: ReviewCardAction = { action: 'use', text: s.text, ...(reviewId ? { review: reviewId } : {}) };
    const gaps = placeholdersIn(s.text);
    body.push({
      type: 'Container',
      spacing: 'Small',
      items: [
        text(distinct.length < result.suggestions.length ? texts.oneAlternative : texts.styles[s.style], { weight: 'Bolder' }),
        text(literal(s.text), { spacing: 'Small' }),
        ...(gaps.length ? [text(texts.fillIn.replace('{p}', gaps.join(', ')), { color: 'Attention', size: 'Small', spacing: 'None' })] : []),
        { type: 'ActionSet', actions: [{ type: 'Action.Submit', title: texts.useThis, data: { ...data, style: s.style } }] },
      ],
    });
  }

  body.push(text(texts.nextStep, { weight: 'Bolder', separator: true, spacing: 'Medium' }));
  body.push(text(literal(result.nextStep.text)));
  const s = result.scores;
  // Each score with what it measures, on a line of its own.
  for (const key of ['warmth', 'ownership', 'clarity'] as const) {
    body.push(text(texts.scoreLines[key].replace('{v}', s[key].toFixed(2)), { isSubtle: true, size: 'Small', spacing: 'None' }));
  }

  const again: ReviewCardAction = { action: 'review' };
  const actions: CardElement[] = [
    {
      type: 'Action.ShowCard',
      title: texts.reviewAgain,
      card: {
        type: 'AdaptiveCard',
        body: [
          { type: 'Input.Text', id: 'draft', label: texts.draftLabel, isMultiline: true, value: draft, maxLength: 8000 },
          { type: 'Input.Text', id: 'customer', label: texts.customerLabel, isMultiline: true, value: customer ?? '' },
        ],
        actions: [{ type: 'Action.Submit', title: texts.review, data: again }],
      },
    },
  ];
  return adaptiveCard(body, actions);
}
