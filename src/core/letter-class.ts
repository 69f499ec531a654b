/**
 * Whether a UTF-16 code unit is a letter (\p{L}) or a digit (\p{N}), without a regular expression match per word.
 * The review reads every word of a draft several times (tokens, typo mending); a `matchAll` per pass made a match
 * object per word, and the garbage those made was most of what a review's collector pauses cost. Astral letters
 * (outside the BMP: rare, none in our four languages) are not letters here, as the halves of a surrogate pair.
 */
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{N}$/u;
const known = new Map<number, number>(); // code unit → 1 letter, 2 digit, 0 neither

function classOf(code: number): number {
  let c = known.get(code);
  if (c === undefined) {
    const ch = String.fromCharCode(code);
    c = LETTER.test(ch) ? 1 : DIGIT.test(ch) ? 2 : 0;
    known.set(code, c);
  }
  return c;
}

export function isLetter(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return classOf(code) === 1;
}

export function isLetterOrDigit(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  return classOf(code) !== 0;
}
