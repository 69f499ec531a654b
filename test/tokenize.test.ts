import { describe, expect, it } from 'vitest';
import { isLetter, isLetterOrDigit } from '../src/core/letter-class.js';
import { fold } from '../src/core/fold-text.js';
import { segmentSentences } from '../src/engine/segment-sentences.js';
import { oneTypoApart } from '../src/engine/tokens/token-rule.js';
import { tokenize } from '../src/engine/tokens/tokenize.js';

// The words token rules read (src/engine/tokens/tokenize.ts), scanned letter by letter rather than matched by a
// regular expression per word: they must be the words `[\p{L}\p{N}]+(?:'\p{L}+)*` finds, at the draft's offsets.
describe('tokens of a draft', () => {
  const words = (text: string) => tokenize('en', fold(text), segmentSentences(text)).map((t) => t.text);

  it('are the same words the regular expression finds, in every language and at the same offsets', () => {
    for (const text of [
      "I don't know, it's Sam's order 4471-2231 — we'll see.",
      'Pomyłka leży po Pani stronie; zamówienie nr 88213 wyślę jutro.',
      'Sä oot painanu väärää nappia, ei se mun vika oo!',
      'Ön szúrta el a beállítást, 12:30-kor újraindítom.',
      "rock'n'roll ''quoted'' it'' x' 'y 🙄 ok",
    ]) {
      const folded = fold(text);
      const expected = [...folded.matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu)].map((m) => [m.index, m.index + m[0].length]);
      const tokens = tokenize('en', folded, segmentSentences(text));
      expect(tokens.map((t) => [t.start, t.end])).toEqual(expected);
      for (const t of tokens) expect(t.text).toBe(folded.slice(t.start, t.end));
    }
  });
  it('keep inner apostrophes and split at everything else', () => {
    expect(words("Don't worry, it's fine.")).toEqual(["don't", 'worry', "it's", 'fine']);
    expect(words('A-123/b')).toEqual(['a', '123', 'b']);
  });
  it('know letters and digits beyond ASCII, and not punctuation or emoji', () => {
    expect(isLetter('ő'.charCodeAt(0))).toBe(true);
    expect(isLetter('ł'.charCodeAt(0))).toBe(true);
    expect(isLetter('5'.charCodeAt(0))).toBe(false);
    expect(isLetterOrDigit('5'.charCodeAt(0))).toBe(true);
    expect(isLetterOrDigit('٣'.charCodeAt(0))).toBe(true); // an Arabic-Indic digit is \p{N}
    expect(isLetterOrDigit('—'.charCodeAt(0))).toBe(false);
    expect(isLetterOrDigit('🙄'.charCodeAt(0))).toBe(false);
  });
});

describe('one typo apart', () => {
  it('forgives one letter wrong, missing, extra, or two swapped inside the word', () => {
    expect(oneTypoApart('should', 'shuold')).toBe(true); // swapped
    expect(oneTypoApart('usually', 'usualy')).toBe(true); // missing
    expect(oneTypoApart('usually', 'ussually')).toBe(true); // extra
    expect(oneTypoApart('wpisuje', 'wpisyje')).toBe(true); // wrong
    expect(oneTypoApart('same', 'same')).toBe(true);
  });
  it('never where the word begins or inflects, nor two typos', () => {
    expect(oneTypoApart('zadzwoń', 'zadzwoni')).toBe(false); // another form, not a typo
    expect(oneTypoApart('should', 'xhould')).toBe(false);
    expect(oneTypoApart('usually', 'usualyl')).toBe(false);
    expect(oneTypoApart('should', 'shuuld')).toBe(true);
    expect(oneTypoApart('should', 'shxxld')).toBe(false);
    expect(oneTypoApart('should', 'shoul')).toBe(false); // the last two letters differ
    expect(oneTypoApart('account', 'acount')).toBe(true);
    expect(oneTypoApart('account', 'accountant')).toBe(false);
  });
});
