import type { BotTexts } from './bot-texts.js';
import type { ReviewResult } from '../core/contract.js';
import { adaptiveCard, literal, sourceLines, text, type AdaptiveCard, type CardElement, type SourceLookup } from './adaptive-card.js';

/**
 * The review inside the Teams compose-box task module: findings, then a choice between the agent's own
 * draft and the alternatives, and "Preview" to see exactly what would be posted before anything is sent.
 */
export function createComposeReviewCard(result: ReviewResult, draft: string, customer: string, texts: BotTexts, sources?: SourceLookup, reviewId?: string): AdaptiveCard {
  const body: CardElement[] = [
    text(`${texts.reviewTitle}: ${texts.verdict[result.verdict]}`, { weight: 'Bolder', size: 'Medium' }),
  ];
  if (result.findings.length === 0) body.push(text(texts.noFindings));
  for (const f of result.findings) {
    body.push(text(`“${literal(f.quote)}” · ${f.rule}: ${literal(f.message)}`, { size: 'Small', spacing: 'Small' }));
    body.push(...sourceLines(texts.source, f.source, sources));
  }
  body.push(text(`${texts.nextStep}: ${literal(result.nextStep.text)}`, { separator: true, size: 'Small' }));
  const choices = [
    ...result.suggestions.map((s) => ({ title: `${texts.styles[s.style]}: ${s.text}`, value: s.text })),
    { title: `${texts.styles.original}: ${draft}`, value: draft },
  ];
  body.push({ type: 'Input.ChoiceSet', id: 'choice', label: texts.suggestions, style: 'expanded', wrap: true, value: choices[0]!.value, choices, isRequired: true });
  return adaptiveCard(body, [
    { type: 'Action.Submit', title: texts.preview, data: { action: 'preview', customer, ...(reviewId ? { review: reviewId } : {}) } },
    { type: 'Action.Submit', title: texts.reviewAgain, data: { action: 'edit', draft, customer } },
  ]);
}
