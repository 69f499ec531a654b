import type { Lang } from '../core/contract.js';
import { fold } from '../core/fold-text.js';
import { stemWord } from '../engine/tokens/stem-word.js';
import type { CompiledTokenRule, RuleStep, TokenSpec } from '../engine/tokens/token-rule.js';

/** Longest skip a rule may take: longer ones reach across clauses and match what they should not. */
export const MAX_SKIP = 6;
/** Most steps in one rule: a rule longer than this is a sentence, not a pattern (see the lint in kb:coverage). */
export const MAX_STEPS = 12;

const WORD_CHARS = /^[\p{L}\p{N}']+$/u;

/**
 * Parses a token rule as a linguist writes it (knowledge/README.md):
 * `word` (diacritics optional), `<lemma>` (every inflection), `word*` (any ending), `_` (any word),
 * `a|b` (a choice), `!a|b` (any word but these), `x?` (may be missing), `~` / `~N` (up to 3 / N words between).
 * Throws with the offending item, never silently matching nothing.
 *
 * @example parseTokenRule('en', 'not <my> <department>')
 */
export function parseTokenRule(lang: Lang, source: string): CompiledTokenRule {
  const items = source.trim().split(/\s+/);
  const steps: RuleStep[] = [];
  for (const item of items) {
    const skip = /^~(\d)?$/.exec(item);
    if (skip) {
      const n = skip[1] ? Number(skip[1]) : 3;
      if (n < 1 || n > MAX_SKIP) throw new Error(`"${item}": a skip is ~1 to ~${MAX_SKIP}`);
      steps.push({ skip: n });
      continue;
    }
    let body = item;
    const spec: TokenSpec = {};
    if (body.startsWith('!')) {
      spec.negate = true;
      body = body.slice(1);
    }
    if (body.length > 1 && body.endsWith('?')) {
      spec.optional = true;
      body = body.slice(0, -1);
    }
    for (const alt of body.split('|')) {
      if (alt === '_') {
        spec.anyWord = true;
      } else if (/^<.+>$/.test(alt)) {
        const lemma = fold(alt.slice(1, -1));
        if (!WORD_CHARS.test(lemma)) throw new Error(`"${item}": <${lemma}> must be one word`);
        (spec.stems ??= []).push(stemWord(lang, lemma));
      } else if (alt.endsWith('*') && alt.length > 2) {
        const prefix = fold(alt.slice(0, -1));
        if (!WORD_CHARS.test(prefix)) throw new Error(`"${item}": "${alt}" is not a word beginning`);
        (spec.prefixes ??= []).push(prefix);
      } else {
        const word = fold(alt);
        if (!WORD_CHARS.test(word)) {
          throw new Error(`"${item}": token rules take words, <lemma>, word*, _, a|b, !x, x? and ~N, not regular expressions`);
        }
        (spec.words ??= []).push(word);
      }
    }
    if (spec.negate && spec.optional) throw new Error(`"${item}": a word cannot be both excluded (!) and optional (?)`);
    steps.push({ token: spec });
  }
  if (!steps.some((s) => 'token' in s && !s.token.optional && !s.token.negate)) throw new Error('a rule needs at least one word it must find');
  if ('skip' in steps[0]! || 'skip' in steps.at(-1)!) throw new Error('a rule cannot start or end with a skip');
  if (steps.length > MAX_STEPS) throw new Error(`a rule has at most ${MAX_STEPS} steps (this one has ${steps.length}): split it`);
  return { source, steps };
}
