import type { BotTexts } from './bot-texts.js';
import type { GuidanceAnswer } from '../retrieval/search-guidance.js';
import type { LlmGuidance } from '../llm/llm-assist.js';
import { adaptiveCard, literal, sourceLines, text, type AdaptiveCard, type CardElement, type SourceLookup } from './adaptive-card.js';

/** The guidelines that answer a supervisor's question, each with its source quote and the original passage. */
export function createGuidanceCard(answer: GuidanceAnswer, texts: BotTexts, written?: LlmGuidance, sources?: SourceLookup): AdaptiveCard {
  const body: CardElement[] = [text(texts.guidanceTitle, { weight: 'Bolder', size: 'Medium' }), text(literal(answer.question), { isSubtle: true })];
  // An LLM answer comes first, with its verbatim citations; the retrieved guidelines follow as evidence.
  if (written) {
    body.push(text(literal(written.answer)));
    for (const c of written.citations) body.push(text(`${c.guideline}: “${literal(c.quote)}”`, { isSubtle: true, size: 'Small' }));
    if (!written.covered) return adaptiveCard(body);
  }
  if (answer.guidelines.length === 0) body.push(text(texts.guidanceNone));
  for (const g of answer.guidelines) {
    body.push({
      type: 'Container',
      separator: true,
      items: [
        text(`${g.rule} · ${g.severity}`, { weight: 'Bolder' }),
        text(literal(g.message)),
        text(`${texts.avoid}: “${literal(g.example.incorrect)}”`, { color: 'Attention', size: 'Small' }),
        // The guideline's own phrasing, not a correct example: those are near misses written to test the rule,
        // and can be about something else ("I've moved your appointment…" under transfers).
        text(`${texts.sayLike}: “${literal(g.preferred)}”`, { color: 'Good', size: 'Small' }),
        ...sourceLines(texts.source, g.source, sources ?? (() => ({ title: g.source.title }))),
      ],
    });
  }
  for (const p of answer.passages.slice(0, 1)) {
    body.push(text(`${texts.source} ${p.document}, ${literal(p.title)}`, { weight: 'Bolder', separator: true, size: 'Small' }));
    body.push(text(literal(p.text.replace(/\s+/g, ' ').slice(0, 700)), { isSubtle: true, size: 'Small' }));
  }
  return adaptiveCard(body);
}
