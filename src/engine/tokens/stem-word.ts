import { createRequire } from 'node:module';
import type { Lang } from '../../core/contract.js';

/**
 * Stems a folded word (lower case, no diacritics) so that one rule covers a word's inflections:
 * "osastolle", "osastomme" -> "osasto"; "zajmujemy", "zajmuje" -> "zajmuj"; "foglalkozunk", "foglalkozom" ->
 * "foglalkoz". The stemmers are nlp.js's: Snowball's Finnish, Hungarian and English algorithms and a Polish
 * stemmer, pure JavaScript, about 0.2 µs a word. They were chosen over snowball-stemmers and @orama/stemmers
 * (the same Snowball algorithms, so the same recall on a scratch test of 40 word families) for speed; no
 * Hunspell dictionary for Finnish or Hungarian is on the npm registry (README, "Token layer").
 * Stemming folded words is deliberate: users type without diacritics, and the Polish stemmer only
 * recognises endings without them.
 */

interface Stemmer {
  stem(word: string): string;
}

const require = createRequire(import.meta.url);
// Each stemmer's own file, not its package's index: the index also loads nlp.js's tokenizers and sentiment
// lexicons, 9–14 ms of start-up for Finnish, Polish and Hungarian that the engine never uses.
const FACTORIES: Record<Lang, () => Stemmer> = {
  fi: () => new (require('@nlpjs/lang-fi/src/stemmer-fi') as new () => Stemmer)(),
  pl: () => new (require('@nlpjs/lang-pl/src/stemmer-pl') as new () => Stemmer)(),
  hu: () => new (require('@nlpjs/lang-hu/src/stemmer-hu') as new () => Stemmer)(),
  en: () => new (require('@nlpjs/lang-en-min/src/stemmer-en') as new () => Stemmer)(),
};

const stemmers: Partial<Record<Lang, Stemmer>> = {};
const caches: Partial<Record<Lang, Map<string, string>>> = {};
const CACHE_LIMIT = 50_000;

/** The stem of a folded word in `lang`; words are cached (a chat vocabulary is small). */
export function stemWord(lang: Lang, folded: string): string {
  const cache = (caches[lang] ??= new Map());
  let stem = cache.get(folded);
  if (stem === undefined) {
    const stemmer = (stemmers[lang] ??= FACTORIES[lang]());
    stem = folded.length <= 2 ? folded : stemmer.stem(folded) || folded;
    // Cleared when full rather than LRU: the limit is a guard far above a chat vocabulary, and a hit stays one Map lookup.
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(folded, stem);
  }
  return stem;
}
