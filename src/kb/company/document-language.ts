import { isLang, LANGS, type Lang } from '../../core/contract.js';
import { LanguageDetector } from '../../engine/detect-language.js';
import type { LanguageData } from '../../core/knowledge-schema.js';
import { CompanyKbError } from './company-error.js';

const SUPPORTED = `Warmline supports ${LANGS.join(', ')}`;

/** The engine's own detector, built from the stop words of the knowledge root being edited. */
export function detectorFor(languages: readonly LanguageData[]): LanguageDetector {
  return new LanguageDetector(Object.fromEntries(languages.map((l) => [l.lang, l.stopwords])) as Record<Lang, string[]>);
}

/**
 * The document's language: `given` (from --lang) when present, else detected. A language the engine
 * has no lexicon for is refused rather than guessed: its guidelines could never match.
 */
export function documentLanguage(text: string, given: string | undefined, detector: LanguageDetector): Lang {
  if (given !== undefined) {
    if (!isLang(given)) throw new CompanyKbError(`unsupported language "${given}" (--lang): ${SUPPORTED}`);
    return given;
  }
  // The opening is plenty to tell the four apart, and keeps franc fast on a long manual.
  const guess = detector.detect(text.slice(0, 20_000));
  if (guess.lang) return guess.lang;
  const seen = guess.seen === 'und' ? 'could not be recognised' : `looks like "${guess.seen}" (ISO 639-3)`;
  throw new CompanyKbError(`the document's language ${seen}: ${SUPPORTED}; pass --lang fi|pl|hu|en if the detection is wrong`);
}
