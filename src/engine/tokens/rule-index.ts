import type { Token } from './tokenize.js';
import { TYPO_MIN_LENGTH, type CompiledTokenRule } from './token-rule.js';

/**
 * Which token rules can start at which word of a draft, found by looking each word up instead of trying every
 * rule at every word (a review would otherwise spend half its time there). A rule is indexed by its first
 * step's words, stems and beginnings, and, for typos, by a long word's first and last two letters (a typo
 * keeps both: see `oneTypoApart`). A rule whose first step is optional, an exception or any word is tried
 * everywhere.
 */
export interface RuleIndex {
  byWord: Map<string, CompiledTokenRule[]>;
  byStem: Map<string, CompiledTokenRule[]>;
  byTypoKey: Map<string, CompiledTokenRule[]>;
  byPrefix: [string, CompiledTokenRule][];
  everywhere: Set<CompiledTokenRule>;
}

const typoKey = (w: string) => `${w.charAt(0)}${w.slice(-2)}`;
const push = <K>(map: Map<K, CompiledTokenRule[]>, key: K, rule: CompiledTokenRule) => {
  const list = map.get(key);
  if (!list) map.set(key, [rule]);
  else if (list.at(-1) !== rule) list.push(rule);
};

export function indexRules(rules: readonly CompiledTokenRule[]): RuleIndex {
  const index: RuleIndex = { byWord: new Map(), byStem: new Map(), byTypoKey: new Map(), byPrefix: [], everywhere: new Set() };
  for (const rule of rules) {
    const first = rule.steps[0];
    if (!first || 'skip' in first || first.token.optional || first.token.negate || first.token.anyWord) {
      index.everywhere.add(rule);
      continue;
    }
    for (const w of first.token.words ?? []) {
      push(index.byWord, w, rule);
      if (w.length >= TYPO_MIN_LENGTH) push(index.byTypoKey, typoKey(w), rule);
    }
    for (const s of first.token.stems ?? []) push(index.byStem, s, rule);
    for (const p of first.token.prefixes ?? []) index.byPrefix.push([p, rule]);
  }
  return index;
}

/** Most words start no rule: one empty list for all of them rather than a new one each. */
const NONE: readonly CompiledTokenRule[] = [];

/** For each rule that can start somewhere in `tokens`, the indexes of the words it may start at, in order. */
export function candidateStarts(index: RuleIndex, tokens: readonly Token[]): Map<CompiledTokenRule, number[]> {
  const starts = new Map<CompiledTokenRule, number[]>();
  const add = (rule: CompiledTokenRule, i: number) => {
    const list = starts.get(rule);
    if (!list) starts.set(rule, [i]);
    else if (list.at(-1) !== i) list.push(i);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    for (const r of index.byWord.get(t.text) ?? NONE) add(r, i);
    for (const r of index.byStem.get(t.stem) ?? NONE) add(r, i);
    if (t.text.length >= TYPO_MIN_LENGTH) for (const r of index.byTypoKey.get(typoKey(t.text)) ?? NONE) add(r, i);
    for (const [p, r] of index.byPrefix) if (t.text.startsWith(p)) add(r, i);
  }
  return starts;
}
