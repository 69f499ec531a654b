import type { Lang } from '../../core/contract.js';
import { sentenceAt, type Sentence } from '../segment-sentences.js';
import { stemWord } from './stem-word.js';
import { isLetter, isLetterOrDigit } from '../../core/letter-class.js';

/** A word of the draft: its span, its folded form, its stem, and the sentence it stands in. */
export interface Token {
  start: number;
  end: number;
  text: string;
  stem: string;
  sentence: number;
}

/** The tokens of folded, masked text (see review-context.ts): offsets are the original draft's. A word is letters
 * and digits with inner apostrophes ("don't", "it's"): the same words the pattern language sees. */
export function tokenize(lang: Lang, folded: string, sentences: readonly Sentence[]): Token[] {
  const tokens: Token[] = [];
  const n = folded.length;
  let i = 0;
  while (i < n) {
    if (!isLetterOrDigit(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isLetterOrDigit(folded.charCodeAt(i))) i++;
    // "'" followed by letters continues the word ("don't"); after it, only letters.
    while (i + 1 < n && folded.charCodeAt(i) === APOSTROPHE && isLetter(folded.charCodeAt(i + 1))) {
      i++;
      while (i < n && isLetter(folded.charCodeAt(i))) i++;
    }
    const text = folded.slice(start, i);
    tokens.push({ start, end: i, text, stem: stemWord(lang, text), sentence: sentences.length ? sentenceAt(sentences, start) : 0 });
  }
  return tokens;
}

const APOSTROPHE = 39;
