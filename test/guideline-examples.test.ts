import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/contract.js';
import { review } from '../src/engine/review.js';
import { testKnowledgeBase } from './kb-fixture.js';

// LanguageTool-style: every guideline's own examples run through the engine, in every language.
const kb = await testKnowledgeBase();

describe.each(kb.guidelines.map((g) => [g.data.rule, g.data.id, g] as const))('%s / %s', (_rule, _id, g) => {
  for (const lang of LANGS) {
    const examples = g.data.examples[lang];
    it(`${lang}: has incorrect and correct examples`, () => {
      expect(examples.incorrect.length).toBeGreaterThan(0);
      expect(examples.correct.length).toBeGreaterThan(0);
    });
    for (const ex of examples.incorrect) {
      it(`${lang}: marks "${ex.mark}" in "${ex.text.slice(0, 60)}"`, () => {
        expect(ex.text.includes(ex.mark), 'the mark must be a substring of the example').toBe(true);
        const result = review({ draft: ex.text, customer: ex.customer, firstReply: ex.firstReply, channel: ex.channel, lang }, { kb });
        const mine = result.findings.filter((f) => f.rule === g.rule);
        expect(mine.map((f) => f.quote)).toContain(ex.mark);
        for (const f of result.findings) expect(ex.text.slice(f.start, f.end)).toBe(f.quote);
      });
    }
    for (const ex of examples.correct) {
      it(`${lang}: leaves "${ex.text.slice(0, 60)}" clean`, () => {
        const result = review({ draft: ex.text, customer: ex.customer, firstReply: ex.firstReply, channel: ex.channel, lang }, { kb });
        expect(result.findings.filter((f) => f.rule === g.rule)).toEqual([]);
      });
    }
  }
});

// A guideline's own phrasing, its blanks filled as an agent would, must not be a fault itself: the rewrite that puts it
// in would otherwise cut it again ("Nie trzeba dzwonić gdzie indziej…" read as sending the customer elsewhere).
const FILLED: Record<string, string> = { fi: 'huomenna', pl: 'jutro', hu: 'holnap', en: 'tomorrow' };
describe('every preferred phrasing, filled in, is clean of every phrase rule', () => {
  for (const g of kb.guidelines) {
    for (const lang of LANGS) {
      const phrasings = [...g.data.preferred[lang], ...(g.data.preferredInWriting?.[lang] ?? [])];
      for (const phrasing of phrasings) {
        it(`${g.data.id} ${lang}: "${phrasing.slice(0, 50)}"`, () => {
          const draft = phrasing.replace(/\[[^\]]*\]/gu, FILLED[lang]!);
          const result = review({ draft, lang, channel: 'chat', firstReply: false }, { kb });
          expect(result.findings.filter((f) => f.rule !== 'missing-next-step').map((f) => `${f.guideline}: ${f.quote}`)).toEqual([]);
        });
      }
    }
  }
});
