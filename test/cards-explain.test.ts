import { describe, expect, it } from 'vitest';
import { BOT_TEXTS } from '../src/cards/bot-texts.js';
import { Assistant } from '../src/assistant/assistant.js';
import { submitAction } from '../src/channels/botframework/compose-extension.js';
import { literal, placeholdersIn } from '../src/cards/adaptive-card.js';
import { createCoachingCard } from '../src/cards/coaching-card.js';
import { createReviewCard } from '../src/cards/review-card.js';
import { review } from '../src/engine/review.js';
import { validateAdaptiveCard } from './support/adaptive-card-schema.js';
import { testKnowledgeBase } from './kb-fixture.js';

const kb = await testKnowledgeBase();
const t = BOT_TEXTS.en;
const json = (x: unknown) => JSON.stringify(x);

describe('cards that explain themselves (issue 8)', () => {
  it('user text is text: no HTML element, image or link can come out of a draft', () => {
    const shown = literal('<img src=x onerror=alert(1)> ![x](http://e.example/i.png) [click](http://e.example)');
    expect(shown).not.toMatch(/<img|!\[|\]\(/);
    expect(shown.replace(/\u2060/g, '')).toBe('<img src=x onerror=alert(1)> ![x](http://e.example/i.png) [click](http://e.example)');
  });

  it('an alternative with [placeholders] says what to fill in before sending', () => {
    const result = review({ draft: "Sorry, that's not my department, call back later.", lang: 'en' }, { kb });
    const card = createReviewCard(result, "Sorry, that's not my department, call back later.", t);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const gaps = result.suggestions.flatMap((s) => placeholdersIn(s.text));
    if (gaps.length > 0) expect(json(card)).toContain('Fill in before sending: ');
  });

  it('identical alternatives are shown once; each score is explained on a line of its own', () => {
    const result = review({ draft: 'Nope.', lang: 'en' }, { kb });
    const same = { ...result, suggestions: [{ style: 'warmer' as const, text: 'Same text.' }, { style: 'concise' as const, text: 'Same text.' }] };
    const card = createReviewCard(same, 'Nope.', t);
    expect(json(card).match(/Same text\./g)).toHaveLength(2); // shown once, and carried once by "Use this"
    expect(json(card)).toContain('Suggested reply');
    for (const line of ['Warmth ', 'Ownership ', 'Clarity ']) expect(json(card)).toContain(line);
  });

  it('coaching examples are one numbered list, not "1. 1. 1."', () => {
    const card = createCoachingCard({ situation: 'late parcel', examples: ['One.', 'Two.', 'Three.'], guidelines: [] } as never, t);
    expect(json(card)).toContain('1. One.\\n2. Two.\\n3. Three.');
  });

  it('Teams never previews a reply with placeholders silently: the agent is told and can edit', async () => {
    const assistant = new Assistant({ kb, maxDraft: 8000 });
    const warned = await submitAction(assistant, { data: { action: 'preview', choice: 'I will call you back [when].', customer: 'Where is it?' } }, 'en-US');
    expect(json(warned)).toContain('still has something to fill in: [when]');
    expect(json(warned)).toContain('"action":"edit","draft":"I will call you back [when].","customer":"Where is it?"');
    expect(json(warned)).not.toContain('botMessagePreview');
    const knowingly = await submitAction(assistant, { data: { action: 'preview', choice: 'I will call you back [when].', confirmed: true } }, 'en-US');
    expect(json(knowingly)).toContain('botMessagePreview');
  });
});

describe('source passages in the reader\'s language', () => {
  it('every quoted passage and every document title has a translation in fi, pl, hu and en', () => {
    for (const g of kb.artifact.guidelines) {
      for (const lang of ['fi', 'pl', 'hu', 'en'] as const) {
        const found = kb.sourceIn(g.source.document, g.source.quote, lang);
        expect(found.translation, `${g.id} ${lang}`).toBeTruthy();
        expect(found.title, `${g.source.document} ${lang}`).toBeTruthy();
      }
    }
  });

  it('a card keeps the verbatim quote and shows its translation beside it', () => {
    const assistant = new Assistant({ kb, maxDraft: 8000 });
    const card = json(assistant.review("Sorry, that's not my department.", undefined, 'en-US').outgoing[0]);
    const f = review({ draft: "Sorry, that's not my department.", lang: 'en' }, { kb }).findings[0]!;
    expect(card).toContain(f.source.quote);
    expect(card).toContain(`→ ${kb.sourceIn(f.source.document, f.source.quote, 'en').translation}`);
  });
});
