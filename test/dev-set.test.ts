import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/core/paths.js';
import { prf, scoreItems, type EvalItem } from '../src/eval/score-items.js';
import { testKnowledgeBase } from './kb-fixture.js';

// The targets on the labelled development set, held as a regression floor.
const kb = await testKnowledgeBase();
const items = readFileSync(join(projectRoot(), 'test', 'data', 'dev.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as EvalItem);
const report = await scoreItems(items, kb);

describe('dev set targets', () => {
  it('micro-F1 is at least 0.85', () => {
    expect(prf(report.overall).f1).toBeGreaterThanOrEqual(0.85);
  });
  it('at most 10% of good drafts get a false alarm', () => {
    expect(report.goodDraftsFlagged / report.goodDrafts).toBeLessThanOrEqual(0.1);
  });
  it('language detection is 100%', () => {
    expect(report.langCorrect).toBe(items.length);
  });
  it('every suggestion is clean on re-review, keeps the facts and the language', () => {
    const problems = report.outcomes.filter((o) => o.suggestionProblems.length > 0).map((o) => `${o.id}: ${o.suggestionProblems.join('; ')}`);
    expect(problems).toEqual([]);
  });
});
