import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../src/engine/knowledge-base.js';
import { lintRule, MAX_LOOKAROUNDS, MAX_PATTERN_LENGTH } from '../src/kb/lint-rules.js';
import { ruleCoverage } from '../src/kb/rule-coverage.js';
import { parseTokenRule } from '../src/kb/parse-token-rule.js';

// LanguageTool's rule tests: a rule that none of its guideline's own examples exercises is a rule nobody has checked.
describe('every rule of the knowledge base is exercised by an example and within the lint', () => {
  const uses = ruleCoverage(loadKnowledgeBase());

  it('covers patterns and token rules in all four languages', () => {
    expect(uses.some((u) => u.form === 'rule')).toBe(true);
    expect(new Set(uses.map((u) => u.lang))).toEqual(new Set(['fi', 'pl', 'hu', 'en']));
  });

  it('no rule is exercised by no example', () => {
    const unused = uses.filter((u) => u.hits.length === 0).map((u) => `${u.guideline} ${u.lang} ${u.form} ${u.index}: ${u.source.slice(0, 80)}`);
    expect(unused).toEqual([]);
  });

  it(`no pattern is longer than ${MAX_PATTERN_LENGTH} characters or has more than ${MAX_LOOKAROUNDS} lookarounds`, () => {
    const over = uses.flatMap((u) => lintRule(u.form, u.source).map((p) => `${u.guideline} ${u.lang} ${u.index}: ${p}`));
    expect(over).toEqual([]);
  });

  it('the lint itself rejects what it should', () => {
    expect(lintRule('pattern', 'x'.repeat(MAX_PATTERN_LENGTH + 1))).toHaveLength(1);
    expect(lintRule('pattern', 'a(?!b)c(?!d)e(?<!f)')).toHaveLength(1);
    expect(lintRule('pattern', 'not (my|our) department(?![a-z])')).toEqual([]);
  });
});

describe('token rules read like the language and fail clearly', () => {
  it('parses words, lemmas, prefixes, choices, exceptions, optional words and skips', () => {
    const rule = parseTokenRule('fi', 'ei <kuulua> ~2 meille|mulle !kylla osasto* nyt?');
    expect(rule.steps).toHaveLength(7);
  });
  it.each([
    ['(not|no) my department', /not regular expressions/],
    ['~2 my department', /start or end with a skip/],
    ['not ~9 department', /~1 to ~6/],
    ['!not', /at least one word/],
  ])('refuses %j', (source, message) => {
    expect(() => parseTokenRule('en', source)).toThrow(message);
  });
});
