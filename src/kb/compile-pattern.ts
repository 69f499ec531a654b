import { fold } from '../engine/fold-text.js';

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

export function compilePattern(pattern: string): string {
  const folded = foldLiterals(pattern.trim());
  const parts = splitWords(folded);
  let source = '';
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i] as string;
    const gap = /^~(\d+)?$/.exec(part);
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
  return `(?<![\\p{L}\\p{N}])(?:${source})${openEnd ? '' : '(?![\\p{L}\\p{N}])'}`;
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
