import { describe, expect, it } from 'vitest';
import { testKnowledgeBase } from './kb-fixture.js';

// What the thresholds in src/engine/detect-language.ts (DETECT) are for, in each of the four languages.
const kb = await testKnowledgeBase();
const detect = (text: string) => kb.detector.detect(text).lang;

describe('language detection', () => {
  it.each([
    ['Ei.', 'fi'],
    ['Nie.', 'pl'],
    ['Nem.', 'hu'],
    ['Not yet.', 'en'],
  ])('a one-word reply %j, where trigrams say nothing, is %s by its stop word', (text, lang) => {
    expect(detect(text)).toBe(lang);
  });

  it.each([
    ['Ei kuulu meille, soita myöhemmin.', 'fi'],
    ['To nie mój dział, proszę zadzwonić później.', 'pl'],
    ['Ez nem a mi osztályunk, kérem hívjon később.', 'hu'],
    ["That's not my department, call back later.", 'en'],
  ])('a sentence %j is %s', (text, lang) => {
    expect(detect(text)).toBe(lang);
  });

  it.each([
    'Das ist nicht meine Abteilung, bitte rufen Sie später noch einmal an.',
    'Det är inte min avdelning, ring gärna tillbaka senare i eftermiddag.',
  ])('another language %j is unsupported, never guessed', (text) => {
    expect(detect(text)).toBeNull();
  });

  it('names the other language for the note', () => {
    expect(kb.detector.detect('Das ist nicht meine Abteilung, bitte rufen Sie später noch einmal an.').seen).toBe('deu');
  });

  it('names no language for a text with nothing to go on', () => {
    expect(detect('ok')).toBeNull();
  });
});
