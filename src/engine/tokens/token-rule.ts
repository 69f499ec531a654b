import type { CompiledTokenRule, RuleStep, TokenSpec } from '../../core/knowledge-artifact.js';
import type { Token } from './tokenize.js';

/**
 * A token rule, compiled: the form a linguist writes (knowledge/README.md, "Token rules") turned into steps.
 * "ei <kuulua> ~2 meille|mulle" is a word, any inflection of a lemma, a skip of up to two words, and a choice.
 */
export type { CompiledTokenRule, RuleStep, TokenSpec } from '../../core/knowledge-artifact.js';

/** Shortest word a typo is forgiven in: shorter words have too many neighbours one letter away ("not"/"now"). */
export const TYPO_MIN_LENGTH = 6;

/** `a` from `i` and `b` from `j` are the same letters to the end (no substrings: this runs for every long word). */
function sameTail(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** True when `a` and `b` differ by one letter typed wrong, missing, extra, or two letters swapped, inside the word. */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1 || a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  // The last two letters must agree: that is where Finnish, Polish and Hungarian inflect ("zadzwoń" and
  // "zadzwoni" are two forms, not a typo).
  if (a.charCodeAt(la - 1) !== b.charCodeAt(lb - 1) || a.charCodeAt(la - 2) !== b.charCodeAt(lb - 2)) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (sameTail(a, i + 1, b, i + 1)) return true; // one letter typed wrong
    return a[i] === b[i + 1] && a[i + 1] === b[i] && sameTail(a, i + 2, b, i + 2); // two swapped
  }
  return la > lb ? sameTail(a, i + 1, b, i) : sameTail(a, i, b, i + 1); // one extra or missing
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
  let hit = f.words.has(t.text) || f.stems.has(t.stem);
  for (let i = 0; !hit && i < f.prefixes.length; i++) hit = t.text.startsWith(f.prefixes[i]!);
  if (!hit && !spec.negate && t.text.length >= TYPO_MIN_LENGTH) {
    const near = f.typoWords.get(t.text.charAt(0));
    for (let i = 0; !hit && near && i < near.length; i++) hit = oneTypoApart(near[i]!, t.text);
  }
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
const NO_MATCHES: readonly [number, number][] = [];

export function matchTokenRule(rule: CompiledTokenRule, tokens: readonly Token[], starts?: readonly number[]): readonly [number, number][] {
  let found: [number, number][] | undefined;
  let from = 0;
  // No closure or iterator per rule: a review tries hundreds of rules, and what it allocates is what the collector pays for.
  const n = starts ? starts.length : tokens.length;
  for (let k = 0; k < n; k++) {
    const i = starts ? starts[k]! : k;
    if (i < from) continue;
    const end = matchFrom(rule.steps, 0, tokens, i, tokens[i]!.sentence);
    if (end > i) {
      (found ??= []).push([i, end]);
      from = end;
    }
  }
  return found ?? NO_MATCHES;
}
