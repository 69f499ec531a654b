import { describe, expect, it } from 'vitest';
import { review } from '../src/engine/review.js';
import { ReviewInputError } from '../src/engine/review-input.js';
import { reviewLine } from '../src/cli/review-batch.js';
import { testKnowledgeBase } from './kb-fixture.js';

const kb = await testKnowledgeBase();
const run = (request: unknown) => review(request, { kb });

describe('bad input gets a clear error or a graceful result, never a crash', () => {
  it.each([
    ['empty draft', { draft: '' }, /empty/],
    ['whitespace draft', { draft: ' \n\t ' }, /empty/],
    ['missing draft', { customer: 'hi' }, /"draft" must be a string/],
    ['non-string draft', { draft: 42 }, /"draft" must be a string/],
    ['a request that is not an object', ['draft'], /JSON object/],
    ['null', null, /JSON object/],
    ['binary', { draft: '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010PK\u0003\u0004' }, /binary/],
    ['a wrong channel', { draft: 'Hello!', channel: 'fax' }, /"channel" must be one of/],
    ['a non-boolean firstReply', { draft: 'Hello!', firstReply: 'yes' }, /"firstReply" must be true or false/],
  ])('%s', (_name, request, message) => {
    expect(() => run(request)).toThrow(ReviewInputError);
    expect(() => run(request)).toThrow(message);
  });

  it('a 1 MB draft is refused with its length and the limit', () => {
    const draft = 'Sorry, that is not my department. '.repeat(31_000);
    expect(draft.length).toBeGreaterThan(1_000_000);
    expect(() => run({ draft })).toThrow(/too long \(1054000 characters; the limit is 20000\)/);
  });

  it('a long draft within the limit is reviewed', () => {
    const draft = 'I have checked your order and it leaves the warehouse tomorrow. '.repeat(300);
    const result = run({ draft, lang: 'en' });
    expect(result.verdict).toBeDefined();
  });

  it('an unsupported language gets a note and English guidance', () => {
    const result = run({ draft: 'Hallo, ich weiß es nicht, bitte rufen Sie später noch einmal an.' });
    expect(result.lang).toBe('en');
    expect(result.notes?.[0]).toMatch(/unsupported language \(deu\)/);
  });

  it('a language code outside fi/pl/hu/en gets the same note', () => {
    const result = run({ draft: 'Bonjour, je ne sais pas.', lang: 'fr' });
    expect(result.notes?.[0]).toMatch(/unsupported language "fr"/);
  });

  it('emoji, control characters and mixed scripts keep exact spans', () => {
    const draft = '🙂 Sorry\u0007, that is not my department 👍 Привет. ei kuulu meille';
    const result = run({ draft, lang: 'en' });
    for (const f of result.findings) expect(draft.slice(f.start, f.end)).toBe(f.quote);
    expect(result.findings.some((f) => f.rule === 'not-my-department')).toBe(true);
  });

  it('an emoji-only draft is reviewed, not refused', () => {
    const result = run({ draft: '👍', lang: 'en' });
    expect(result.findings.map((f) => f.rule)).toContain('missing-next-step');
  });
});

describe('batch lines', () => {
  const fn = (r: unknown) => run(r);
  it('invalid JSON becomes an error line with no id', () => {
    expect(reviewLine('{"draft": ', fn)).toMatchObject({ id: null, error: expect.stringMatching(/^invalid JSON/) });
  });
  it('a blank line is answered, so lines stay aligned', () => {
    expect(reviewLine('   ', fn)).toMatchObject({ id: null, error: expect.stringMatching(/empty line/) });
  });
  it('an invalid request keeps its id', () => {
    expect(reviewLine('{"id": "x1", "draft": ""}', fn)).toEqual({ id: 'x1', error: 'the draft is empty: there is nothing to review' });
  });
  it('a valid line gives a result with its id', () => {
    expect(reviewLine('{"id": 5, "draft": "Ei kuulu meille.", "lang": "fi"}', fn)).toMatchObject({ id: '5', lang: 'fi', verdict: 'revise' });
  });
});
