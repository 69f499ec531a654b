import { describe, expect, it } from 'vitest';
import { fold } from '../src/core/fold-text.js';
import { segmentSentences } from '../src/engine/segment-sentences.js';
import { extractFacts, identifiers } from '../src/engine/extract-facts.js';
import { compilePattern } from '../src/kb/compile-pattern.js';

describe('fold', () => {
  it('keeps the UTF-16 length so spans map back to the draft', () => {
    for (const t of ['Mój dział 👍', 'ÁRVÍZTŰRŐ tükörfúrógép', 'Älä İstanbul ß “quote”']) expect(fold(t)).toHaveLength(t.length);
  });
  it('drops diacritics and case', () => {
    expect(fold('Nie MÓJ dział, nem az én asztalom, ei kuulu meille')).toBe('nie moj dzial, nem az en asztalom, ei kuulu meille');
  });
});

describe('pattern language', () => {
  const re = (p: string) => new RegExp(compilePattern(p), 'u');
  it('matches inflected endings with *', () => {
    expect(re('osasto*').test('osastollemme')).toBe(true);
    expect(re('ei kuulu meil*').test('ei kuulu meille')).toBe(true);
  });
  it('respects word boundaries', () => {
    expect(re('ei').test('eikä')).toBe(false);
    expect(re('do \\d{1,2}').test('do 120 dni')).toBe(false);
  });
  it('lets ~ skip a few words', () => {
    expect(re('not ~ my department').test('not really my department')).toBe(true);
    expect(re('not ~1 my department').test('not at all my department')).toBe(false);
  });
  it('folds the pattern but not its escapes', () => {
    expect(re('Mój dział \\p{L}+').test('moj dzial jest')).toBe(true);
  });
});

describe('segmentSentences', () => {
  it('keeps dates, clock times and abbreviations inside sentences', () => {
    const s = segmentSentences('Tilasin 12.3. kahvinkeittimen. Palaan klo 16.00 mennessä! Dzwonię np. jutro?');
    expect(s.map((x) => x.text)).toEqual(['Tilasin 12.3. kahvinkeittimen.', 'Palaan klo 16.00 mennessä!', 'Dzwonię np. jutro?']);
    expect(s[2]!.isQuestion).toBe(true);
  });
  it('ends a sentence at an emoji that stands for the full stop, in all four languages, and keeps the emoji with it', () => {
    const cases: [string, string[]][] = [
      ['Taas sama juttu 🙄 Linkki on viestissä.', ['Taas sama juttu 🙄', 'Linkki on viestissä.']],
      ['Już sprawdzam 👍 Paczka jest w drodze.', ['Już sprawdzam 👍', 'Paczka jest w drodze.']],
      ['Megnéztem 🤷‍♂️ Nincs hiba.', ['Megnéztem 🤷‍♂️', 'Nincs hiba.']],
      ['Done 👍🏽 see you tomorrow', ['Done 👍🏽 see you tomorrow']], // a lower-case word runs on
      ['Kiitos! 👍 Hyvää päivää', ['Kiitos!', '👍 Hyvää päivää']], // after a full stop the emoji is no second end
    ];
    for (const [draft, texts] of cases) {
      const s = segmentSentences(draft);
      expect(s.map((x) => x.text)).toEqual(texts);
      for (const x of s) expect(draft.slice(x.start, x.end)).toBe(x.text);
    }
  });
  it('splits lines and keeps exact offsets', () => {
    const draft = 'Hei,\n\nkiitos viestistä. Palaan asiaan huomenna.\n\nTerveisin\nAsiakaspalvelu';
    const s = segmentSentences(draft);
    expect(s.map((x) => x.text)).toEqual(['Hei,', 'kiitos viestistä.', 'Palaan asiaan huomenna.', 'Terveisin', 'Asiakaspalvelu']);
    for (const x of s) expect(draft.slice(x.start, x.end)).toBe(x.text);
    expect(s[1]!.before).toBe('\n\n');
  });
  it('does not break inside links and numbers', () => {
    expect(segmentSentences('See https://example.com/a.b?x=1 now. Price 3.50 today.').map((x) => x.text)).toEqual([
      'See https://example.com/a.b?x=1 now.',
      'Price 3.50 today.',
    ]);
  });
});

describe('facts', () => {
  it('finds numbers, IDs, e-mails and links', () => {
    const facts = extractFacts('Order RK-7781, call 040 123 4567 or mail help@example.fi, see https://x.example.fi/p?q=1.');
    expect(facts.map((f) => f.text)).toEqual(['https://x.example.fi/p?q=1', 'help@example.fi', 'RK-7781', '040 123 4567']);
  });
  it('takes no article into a number ("A 11773016-…" is "the 11773016-…"), and keeps a block letter ("B 3/12")', () => {
    expect(extractFacts('A 11773016-11111018-000000001 számlára utaltam, B 3/12.').map((f) => f.text)).toEqual(['11773016-11111018-000000001', 'B 3/12']);
    expect(extractFacts('An 8-digit code and RK 7781.').map((f) => f.text)).toEqual(['8', 'RK 7781']);
  });
  it('keeps a decimal comma with its number, and an amount or a thousands figure is no identifier', () => {
    expect(extractFacts('Stan licznika 12845,3, do zapłaty 1 200,50 zł, zwrot 12,90 €').map((f) => f.text)).toEqual(['12845,3', '1 200,50', '12,90']);
    expect(identifiers('Stan licznika 12845,3, do zapłaty 1 200,50 zł, zwrot 187,40 zł, 1,100 punktów').map((f) => f.text)).toEqual(['12845,3']);
  });
  it('treats durations and prices as facts but not as identifiers', () => {
    expect(identifiers('I waited 40 minutes and paid 89,90 euros for order 4471-2231').map((f) => f.text)).toEqual(['4471-2231']);
  });
});

describe('"No." and "Ok." are words, not abbreviations, unless a number follows; an ellipsis ends a sentence', () => {
  it.each([
    ["No. That's not my department.", ['No.', "That's not my department."]],
    ['Order No. 5 shipped today.', ['Order No. 5 shipped today.']],
    ["Wait... I'll check.", ['Wait...', "I'll check."]],
    ["Wait… I'll check.", ['Wait…', "I'll check."]],
    ['Ei. Se ei kuulu meille.', ['Ei.', 'Se ei kuulu meille.']],
    ['Ok. Tarkistan asian.', ['Ok.', 'Tarkistan asian.']],
    ['Tilaus nro. 5 lähti eilen.', ['Tilaus nro. 5 lähti eilen.']],
    ['Hetkinen… Tarkistan asian.', ['Hetkinen…', 'Tarkistan asian.']],
    ['Ok. Sprawdzę to jutro.', ['Ok.', 'Sprawdzę to jutro.']],
    ['To potrwa ok. 2 tygodnie.', ['To potrwa ok. 2 tygodnie.']],
    ['Proszę podać nr. 12 zamówienia.', ['Proszę podać nr. 12 zamówienia.']],
    ['Chwileczkę… Sprawdzę to.', ['Chwileczkę…', 'Sprawdzę to.']],
    ['Nem. Ez nem a mi osztályunk.', ['Nem.', 'Ez nem a mi osztályunk.']],
    ['Ok. Megnézem.', ['Ok.', 'Megnézem.']],
    ['Kb. 2 nap múlva érkezik.', ['Kb. 2 nap múlva érkezik.']],
    ['Egy pillanat… Megnézem.', ['Egy pillanat…', 'Megnézem.']],
  ])('%j', (text, sentences) => {
    expect(segmentSentences(text).map((s) => s.text)).toEqual(sentences);
  });
});

describe('chat text, where Intl.Segmenter reads edited prose (the reason segment-sentences.ts is not built on it)', () => {
  it.each([
    ['ah sorry about that Sam, it expired by mistake. ive issued you a new one: XMAS-4471.', 2],
    ['Harmillista kuulla että keitin vuotaa jo näin pian. 30 päivän palautusoikeus on jo umpeutunut.', 2],
    ['Nie wiem, skąd Pan ma te 600 euro 🙂 Przy trasie do 1500 km to 250 euro.', 2],
    ['You can upload them here: https://claims.example.co.uk/upload?claim=CLM-20931 and press Submit.', 1],
    ['Mieszkam przy ul. Słonecznej 14, płacę zawsze ok. 300 zł.', 1],
  ])('%j has %i sentences', (text, count) => {
    expect(segmentSentences(text)).toHaveLength(count);
  });
});

describe('Markdown to plain text (remark)', () => {
  it('keeps the words and drops the syntax: front matter, headings, links, emphasis, HTML, tables, lists, code', async () => {
    const { stripMarkdown } = await import('../src/kb/company/read-document.js');
    const md = '---\nowner: ops\n---\n# Palautukset\n\nKatso **[ohje](https://x.example/o)** ja `koodi`.\n\n1. Eka\n2. Toka\n   - alakohta\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nLK-123\n```\n\n> lainaus <b>lihava</b> \\*tähti\\*';
    expect(stripMarkdown(md)).toBe('Palautukset\n\nKatso ohje ja koodi.\n\n1. Eka\n2. Toka\n  - alakohta\n\na | b\n1 | 2\n\nLK-123\n\nlainaus lihava *tähti*');
  });
});
