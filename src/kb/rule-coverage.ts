import { LANGS, type Lang } from '../core/contract.js';
import { fold } from '../core/fold-text.js';
import type { KnowledgeBase, RuntimeGuideline } from '../engine/knowledge-base.js';
import { maskMarkup } from '../engine/mask-markup.js';
import { segmentSentences } from '../engine/segment-sentences.js';
import { tokenize } from '../engine/tokens/tokenize.js';
import { matchTokenRule } from '../engine/tokens/token-rule.js';

/** One pattern or token rule of a guideline, and the guideline's own incorrect examples it matches. */
export interface RuleUse {
  guideline: string;
  lang: Lang;
  form: 'pattern' | 'rule' | 'cue';
  /** The pattern's or rule's place in its list; for a cue, the place of its class in `cues.classes`. */
  index: number;
  source: string;
  /** Indexes into the guideline's incorrect examples for `lang`. */
  hits: number[];
}

/**
 * For every pattern and token rule of every phrase/occurrence guideline, which of its own incorrect examples
 * it matches (LanguageTool's rule tests: a rule no example exercises is a rule nobody has checked).
 * A match anywhere in the example counts: whether it is the *first* match, the one that decides the span,
 * is what test/guideline-examples.test.ts checks. For a cue-pairs guideline, each class of cues in each language
 * counts as one rule: one of the guideline's own examples, incorrect or correct, must show it.
 */
export function ruleCoverage(kb: KnowledgeBase): RuleUse[] {
  const uses: RuleUse[] = [];
  for (const g of kb.guidelines) {
    if (g.data.kind === 'cue-pairs') for (const lang of LANGS) uses.push(...cueCoverageOf(g, lang));
    if (g.data.kind !== 'phrase' && g.data.kind !== 'occurrence') continue;
    for (const lang of LANGS) uses.push(...coverageOf(g, lang));
  }
  return uses;
}

function coverageOf(g: RuntimeGuideline, lang: Lang): RuleUse[] {
  const examples = g.data.examples[lang].incorrect.map((e) => {
    const folded = fold(maskMarkup(e.text).text);
    return { folded, tokens: tokenize(lang, folded, segmentSentences(e.text)) };
  });
  const patterns = g.data.patterns?.[lang] ?? [];
  const uses: RuleUse[] = g.patterns[lang].map((re, index) => ({
    guideline: g.data.id,
    lang,
    form: 'pattern',
    index,
    source: patterns[index] ?? re.source,
    hits: examples.flatMap((e, i) => {
      re.lastIndex = 0;
      return re.test(e.folded) ? [i] : [];
    }),
  }));
  g.rules[lang].forEach((rule, index) =>
    uses.push({
      guideline: g.data.id,
      lang,
      form: 'rule',
      index,
      source: rule.source,
      hits: examples.flatMap((e, i) => (matchTokenRule(rule, e.tokens).length > 0 ? [i] : [])),
    }),
  );
  return uses;
}

function cueCoverageOf(g: RuntimeGuideline, lang: Lang): RuleUse[] {
  const { incorrect, correct } = g.data.examples[lang];
  const examples = [...incorrect, ...correct].map((e) => fold(maskMarkup(e.text).text));
  const names = Object.keys(g.data.cues?.classes ?? {});
  return g.cues[lang].map(({ name, match }) => ({
    guideline: g.data.id,
    lang,
    form: 'cue' as const,
    index: names.indexOf(name),
    source: name,
    hits: examples.flatMap((folded, i) => {
      match.lastIndex = 0;
      return match.test(folded) ? [i] : [];
    }),
  }));
}
