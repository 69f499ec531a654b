import { fold } from '../core/fold-text.js';

/**
 * The pattern language of the guideline catalogue, compiled to a regular expression over folded text.
 *
 * A pattern is written the way an agent would type the phrase, diacritics optional:
 *  - a space between words allows any run of spaces, commas, quotes, dashes or brackets (not sentence ends);
 *  - `word*` matches the word with any ending: Finnish and Hungarian suffixes, Polish inflection;
 *  - `~` (or `~N`) lets up to 3 (or N) other words stand between two words;
 *  - everything else is a JavaScript regular expression: `(a|b)`, `?`, `[ae]`, `\d`.
 * Matches start and end at word boundaries, so `ei` never matches inside `eikä`.
 *
 * @example compilePattern('ei kuulu meil*') // matches "Ei kuulu meille", "ei kuulu meidän"
 */

const SEP = '[\\s,;:"()\\-/]+';
const WORD = "[^\\s.!?…]+";

/** Folds the literal text of a pattern but leaves escapes (`\\p{L}`, `\\d`, `\\S`) exactly as written. */
function foldLiterals(pattern: string): string {
  return pattern.replace(/(\\[pP]\{[^}]*\}|\\u\{[^}]*\}|\\.)|([^\\]+)/gu, (_m, escape: string | undefined, literal: string | undefined) =>
    escape ?? fold(literal ?? ''),
  );
}

/** Splits on spaces that separate words, not on spaces inside a character class such as `[\\d ]`. */
function splitWords(pattern: string): string[] {
  const parts: string[] = [];
  let current = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i);
    if (ch === '\\') {
      current += ch + pattern.charAt(i + 1);
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    if (ch === ' ' && !inClass) {
      if (current !== '') parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (current !== '') parts.push(current);
  return parts;
}

/**
 * Word characters of folded text as four explicit ranges. Unicode property classes (`\\p{L}`) cost V8
 * about 0.3 ms each to construct and slow every match; folded text is lower-case Latin plus whatever other
 * scripts a draft holds. The ranges cover letters of every script in the BMP but leave out general
 * punctuation (U+2000–U+2BFF: "…", "–", "€") and emoji, so "hetki…" and "ok👍" still end their words.
 */
export const WORD_CHARS = 'a-z0-9\u00c0-\u1fff\u2c00-\ud7ff';

function fastClasses(source: string): string {
  return source
    .replace(/\[\\p\{L\}\\p\{N\}\]/g, `[${WORD_CHARS}]`)
    .replace(/\\p\{L\}\\p\{N\}/g, WORD_CHARS)
    .replace(/\\p\{L\}/g, (_m, at: number, all: string) => (insideClass(all, at) ? WORD_CHARS : `[${WORD_CHARS}]`))
    .replace(/\\p\{N\}/g, (_m, at: number, all: string) => (insideClass(all, at) ? '0-9' : '[0-9]'));
}

/** Whether position `at` of a regular expression source is inside a `[...]` class. */
function insideClass(source: string, at: number): boolean {
  let inside = false;
  for (let i = 0; i < at; i++) {
    const ch = source.charAt(i);
    if (ch === '\\') i++;
    else if (ch === '[') inside = true;
    else if (ch === ']') inside = false;
  }
  return inside;
}

export function compilePattern(pattern: string): string {
  const folded = foldLiterals(pattern.trim());
  const parts = splitWords(folded);
  let source = '';
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i] as string;
    const gap = /^~(\d+)?$/.exec(part);
    // A `~` glued to other text ("(on )?~3") would silently become the literal "~3": refuse it.
    if (!gap && /(?<!\\)~/.test(part)) throw new Error(`'~' must stand alone between spaces (in "${part}")`);
    if (gap) {
      const n = gap[1] ? Number(gap[1]) : 3;
      source += `(?:${WORD}${SEP}){0,${n}}`;
      continue;
    }
    // "na ?pewno": a word that starts with `?` makes the separator before it optional.
    if (i > 0 && part.startsWith('?') && source.endsWith(SEP)) {
      source = `${source.slice(0, -1)}*`;
      part = part.slice(1);
    }
    source += part.replace(/(?<!\\)\*/g, '[\\p{L}\\p{N}]*');
    if (i < parts.length - 1) source += SEP;
  }
  // A pattern ending in `*` runs on into the word; any other ends at a word boundary.
  const openEnd = /(?<!\\)\*$/.test(folded);
  return fastClasses(`(?<![\\p{L}\\p{N}])(?:${source})${openEnd ? '' : '(?![\\p{L}\\p{N}])'}`);
}

/** Compiles and checks a pattern; throws with the pattern in the message when it is not a valid expression. */
export function compileChecked(pattern: string): string {
  const source = compilePattern(pattern);
  try {
    new RegExp(source, 'gu');
  } catch (error) {
    throw new Error(`pattern ${JSON.stringify(pattern)} is not valid: ${(error as Error).message}`);
  }
  return source;
}
