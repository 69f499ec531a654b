import type { Lang } from '../core/contract.js';
import { extractFacts, factKey } from '../engine/extract-facts.js';
import { fold } from '../core/fold-text.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { review } from '../engine/review.js';

/**
 * The rules' word on a rewrite the model wrote: it must pass the offline review with nothing major or
 * critical, keep every number, ID, e-mail and link of the draft, invent no number, time or name that
 * neither the draft nor the customer gave, and stay in the draft's language. Any problem and the
 * offline rewrite is used instead.
 */
const FORMAL = new Set(['i', 'pan', 'pani', 'panu', 'pana', 'panem', 'pania', 'panstwo', 'panstwa', 'panstwu', 'on', 'onnek', 'ont', 'onnel', 'ontol', 'onhoz', 'onnel', 'te', 'teidan', 'teille', 'teita', 'ok']);

export function checkRewrite(kb: KnowledgeBase, lang: Lang, draft: string, customer: string, text: string): string[] {
  const problems: string[] = [];
  if (!text.trim()) return ['empty'];
  const again = review({ draft: text, customer, lang }, { kb });
  const bad = again.findings.filter((f) => f.severity !== 'minor');
  if (bad.length > 0) problems.push(`still ${bad.map((f) => f.rule).join(', ')}`);

  const textKey = factKey(text);
  const lost = extractFacts(draft).filter((f) => !textKey.includes(f.key));
  if (lost.length > 0) problems.push(`loses ${lost.map((f) => f.text).join(', ')}`);

  const outsidePlaceholders = text.replace(/\[[^\]]*\]/g, ' ');
  const known = factKey(`${draft} ${customer}`);
  const invented = extractFacts(outsidePlaceholders).filter((f) => !known.includes(f.key));
  if (invented.length > 0) problems.push(`invents ${invented.map((f) => f.text).join(', ')}`);

  const folded = fold(outsidePlaceholders);
  const knownText = fold(`${draft} ${customer}`);
  const times = kb.languages[lang].lexicon.timeFrame;
  times.lastIndex = 0;
  for (const m of folded.matchAll(times)) {
    if (!knownText.includes(m[0])) {
      problems.push(`invents the time "${outsidePlaceholders.slice(m.index, m.index + m[0].length)}"`);
      break;
    }
  }

  // A capitalised word inside a sentence that the draft and the customer never used is a name or a
  // place the model made up (formal pronouns such as "Pan" and "Ön" are not).
  const names = [...outsidePlaceholders.matchAll(/(?<=[\p{L}\p{N},;:]\s+)\p{Lu}[\p{Ll}]+/gu)]
    .map((m) => m[0])
    .filter((w) => !FORMAL.has(fold(w)) && !knownText.includes(fold(w)));
  if (names.length > 0) problems.push(`invents the name ${names.slice(0, 3).join(', ')}`);

  const seen = kb.detector.detect(text).lang;
  if (seen !== lang) problems.push(`language ${seen ?? 'unknown'} instead of ${lang}`);
  return problems;
}
