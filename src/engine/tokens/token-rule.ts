import type { CompiledTokenRule, RuleStep, TokenSpec } from '../../core/knowledge-artifact.js';
import type { Token } from './tokenize.js';

/**
 * A token rule, compiled: the form a linguist writes (knowledge/README.md, "Token rules") turned into steps.
 * "ei <kuulua> ~2 meille|mulle" is a word, any inflection of a lemma, a skip of up to two words, and a choice.
 */
export type { CompiledTokenRule, RuleStep, TokenSpec } from '../../core/knowledge-artifact.js';

/** Shortest word a typo is forgiven in: shorter words have too many neighbours one letter away ("not"/"now"). */
export const TYPO_MIN_LENGTH = 6;

/** True when `a` and `b` differ by one letter typed wrong, missing, extra, or two letters swapped, inside the word. */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || a.charAt(0) !== b.charAt(0)) return false;
  // The last two letters must agree: that is where Finnish, Polish and Hungarian inflect ("zadzwoń" and
  // "zadzwoni" are two forms, not a typo).
  if (a.slice(-2) !== b.slice(-2)) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter typed wrong
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // one extra or missing
}

/** A token spec made fast to test: sets for words and stems, long words grouped by first letter for typos. */
interface FastSpec {
  words: ReadonlySet<string>;
  stems: ReadonlySet<string>;
  prefixes: readonly string[];
  typoWords: ReadonlyMap<string, readonly string[]>;
}

const fast = new WeakMap<TokenSpec, FastSpec>();

function fastSpec(spec: TokenSpec): FastSpec {
  let f = fast.get(spec);
  if (!f) {
    const typoWords = new Map<string, string[]>();
    for (const w of spec.words ?? []) if (w.length >= TYPO_MIN_LENGTH) typoWords.set(w.charAt(0), [...(typoWords.get(w.charAt(0)) ?? []), w]);
    f = { words: new Set(spec.words), stems: new Set(spec.stems), prefixes: spec.prefixes ?? [], typoWords };
    fast.set(spec, f);
  }
  return f;
}

// A word of a rule also matches the same word with one typo ("shuold", "usualy", "wpisuej"), when both are
// long enough for a typo not to make another word; exceptions (!x) stay exact, so a typo never hides one.
function tokenMatches(spec: TokenSpec, t: Token): boolean {
  if (spec.anyWord) return !spec.negate;
  const f = fastSpec(spec);
  let hit = f.words.has(t.text) || f.stems.has(t.stem) || f.prefixes.some((p) => t.text.startsWith(p));
  if (!hit && !spec.negate && t.text.length >= TYPO_MIN_LENGTH) hit = f.typoWords.get(t.text.charAt(0))?.some((w) => oneTypoApart(w, t.text)) ?? false;
  return spec.negate ? !hit : hit;
}

/** Index one past the last token of a match of `steps` from token `at`, or -1; a match stays in one sentence. */
function matchFrom(steps: readonly RuleStep[], step: number, tokens: readonly Token[], at: number, sentence: number): number {
  if (step === steps.length) return at;
  const s = steps[step]!;
  if ('skip' in s) {
    for (let n = 0; n <= s.skip; n++) {
      const i = at + n;
      if (i > tokens.length || (n > 0 && tokens[i - 1]!.sentence !== sentence)) break;
      const end = matchFrom(steps, step + 1, tokens, i, sentence);
      if (end >= 0) return end;
    }
    return -1;
  }
  const t = tokens[at];
  if (t && t.sentence === sentence && tokenMatches(s.token, t)) {
    const end = matchFrom(steps, step + 1, tokens, at + 1, sentence);
    if (end >= 0) return end;
  }
  return s.token.optional ? matchFrom(steps, step + 1, tokens, at, sentence) : -1;
}

/**
 * Every non-overlapping match of the rule, as [first token, one past the last token]. `starts`, when given, are
 * the only words the rule can begin at (rule-index.ts): the rest are not tried.
 */
export function matchTokenRule(rule: CompiledTokenRule, tokens: readonly Token[], starts?: readonly number[]): [number, number][] {
  const found: [number, number][] = [];
  let from = 0;
  const tryAt = (i: number) => {
    if (i < from) return;
    const end = matchFrom(rule.steps, 0, tokens, i, tokens[i]!.sentence);
    if (end > i) {
      found.push([i, end]);
      from = end;
    }
  };
  if (starts) for (const i of starts) tryAt(i);
  else for (let i = 0; i < tokens.length; i++) tryAt(i);
  return found;
}
