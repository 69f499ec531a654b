import type { CoachingAnswer } from '../cards/coaching-card.js';
import type { Lang } from '../core/contract.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { searchGuidance } from '../retrieval/search-guidance.js';

/** "What should I say when…": example replies in the trainee's language, the guidelines behind them, what to avoid. */
export type { CoachingAnswer } from '../cards/coaching-card.js';

export function coach(kb: KnowledgeBase, situation: string, lang: Lang): CoachingAnswer {
  const answer = searchGuidance(kb, situation, { lang, limit: 3 });
  const examples: string[] = [];
  for (const hit of answer.guidelines) {
    const g = kb.byId.get(hit.guideline);
    if (!g) continue;
    for (const candidate of [g.data.examples[lang].correct[0]?.text, g.data.preferred[lang][0]]) {
      if (candidate && !examples.includes(candidate) && examples.length < 3) examples.push(candidate);
    }
  }
  return {
    situation,
    lang,
    examples,
    guidelines: answer.guidelines.map((g) => ({ rule: g.rule, message: g.message, avoid: g.example.incorrect, source: { document: g.source.document, quote: g.source.quote } })),
  };
}
