/**
 * Folds text for matching: lower case, no diacritics, one output code unit per input code unit.
 * Keeping the length identical is the point: a match at [i, j) in the folded text is the span
 * [i, j) of the original draft, so findings quote the agent's exact words without an offset map.
 */

const SPECIAL: Record<string, string> = {
  ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', ß: 's', đ: 'd', Đ: 'd', ı: 'i', æ: 'a', Æ: 'a', œ: 'o', Œ: 'o',
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u02BC': "'", '`': "'", '\u00B4': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u00A0': ' ', '\u202F': ' ', '\u2009': ' ',
};

const table = new Map<number, string>();

function foldUnit(code: number): string {
  const cached = table.get(code);
  if (cached !== undefined) return cached;
  let out: string;
  if (code >= 0xd800 && code <= 0xdfff) {
    out = String.fromCharCode(code); // half of a surrogate pair (emoji): keep as is
  } else {
    const ch = String.fromCharCode(code);
    const special = SPECIAL[ch];
    if (special !== undefined) {
      out = special;
    } else {
      const base = ch.normalize('NFD').charAt(0) || ch;
      const lower = base.toLowerCase();
      out = lower.length === 1 ? lower : base.length === 1 ? base : ch;
    }
  }
  table.set(code, out);
  return out;
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\u0000-\u007f]*$/;

/** Lower-cased, diacritic-free text of exactly the same UTF-16 length as the input. */
export function fold(text: string): string {
  // Plain ASCII (most English drafts, and every rewrite of one) folds to its lower case, the backtick being its
  // one special character: one native call instead of a table lookup and a concatenation per character.
  if (ASCII.test(text)) return text.toLowerCase().replaceAll('`', "'");
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text.charCodeAt(i));
  return out;
}
