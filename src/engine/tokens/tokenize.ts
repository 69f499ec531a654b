import type { Lang } from '../../core/contract.js';
import { sentenceAt, type Sentence } from '../segment-sentences.js';
import { stemWord } from './stem-word.js';

/** A word of the draft: its span, its folded form, its stem, and the sentence it stands in. */
export interface Token {
  start: number;
  end: number;
  text: string;
  stem: string;
  sentence: number;
}

// Letters, digits and inner apostrophes ("don't", "it's"): the same words the pattern language sees.
const WORD = /[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu;

/** The tokens of folded, masked text (see review-context.ts): offsets are the original draft's. */
export function tokenize(lang: Lang, folded: string, sentences: readonly Sentence[]): Token[] {
  const tokens: Token[] = [];
  for (const m of folded.matchAll(WORD)) {
    const text = m[0];
    tokens.push({ start: m.index, end: m.index + text.length, text, stem: stemWord(lang, text), sentence: sentences.length ? sentenceAt(sentences, m.index) : 0 });
  }
  return tokens;
}
