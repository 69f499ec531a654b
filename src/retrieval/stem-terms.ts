import type { Lang } from '../core/contract.js';
import { fold } from '../core/fold-text.js';

/**
 * Terms for lexical retrieval: folded, tokenised, stop words dropped, and lightly stemmed.
 * Finnish and Hungarian stack suffixes (osastolle, osztályra): stripping the common ones and
 * keeping a 6-letter prefix makes inflected forms meet, which is what BM25 needs offline.
 */

const SUFFIXES: Record<Lang, string[]> = {
  fi: ['ssaan', 'ssansa', 'lleen', 'mme', 'nne', 'ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ksi', 'tta', 'ttä', 'ine', 'nsa', 'nsä', 'han', 'hän', 'kin', 'ko', 'kö', 'na', 'nä', 'ta', 'tä', 'a', 'ä', 'n', 't', 'i'],
  hu: ['nak', 'nek', 'ban', 'ben', 'ból', 'ből', 'ról', 'ről', 'tól', 'től', 'hoz', 'hez', 'höz', 'val', 'vel', 'nál', 'nél', 'ért', 'ig', 'ra', 're', 'ba', 'be', 'on', 'en', 'ön', 'ok', 'ek', 'ak', 'om', 'em', 'am', 'ja', 'je', 'ot', 'et', 'at', 'a', 'e', 't', 'k'],
  pl: ['ami', 'ach', 'owi', 'ów', 'om', 'em', 'ie', 'ym', 'ych', 'ego', 'emu', 'ej', 'ą', 'ę', 'a', 'y', 'i', 'u', 'o', 'e'],
  en: ['ing', 'ed', 'es', 's', 'ly'],
};
const FOLDED_SUFFIXES: Record<Lang, string[]> = Object.fromEntries(
  (Object.entries(SUFFIXES) as [Lang, string[]][]).map(([l, list]) => [l, list.map(fold).sort((a, b) => b.length - a.length)]),
) as Record<Lang, string[]>;

const STOP = new Set(
  [
    'the', 'and', 'you', 'your', 'to', 'is', 'it', 'of', 'for', 'a', 'an', 'in', 'on', 'what', 'how', 'when', 'do', 'does', 'i', 'we', 'our', 'about', 'say', 'should', 'that', 'this', 'with', 'can',
    'ja', 'on', 'ei', 'se', 'etta', 'mita', 'miten', 'kun', 'mina', 'ma', 'sina', 'pitaisi', 'sanoa', 'kuin',
    'i', 'w', 'na', 'z', 'do', 'co', 'jak', 'sie', 'czy', 'to', 'nie', 'gdy', 'mam', 'powiedziec',
    'a', 'az', 'es', 'hogy', 'mit', 'mi', 'ha', 'egy', 'ez', 'van', 'kell', 'mondjak', 'mondani',
    // the words of asking about guidance, not its topics
    'guidance', 'guideline', 'guidelines', 'our', 'ohje', 'ohjeet', 'ohjeistus', 'ohjeemme', 'sanovat', 'sanoo', 'meidan',
    'wytyczne', 'wytycznych', 'mowia', 'mowi', 'nasze', 'iranyelv', 'iranyelvek', 'iranyelveink', 'mond', 'mondanak',
  ].map(fold),
);

export function stem(word: string, lang: Lang): string {
  let w = word;
  for (const suffix of FOLDED_SUFFIXES[lang]) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.length > 6 ? w.slice(0, 6) : w;
}

export function terms(text: string, lang: Lang): string[] {
  const out: string[] = [];
  for (const token of fold(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (token.length < 2 || STOP.has(token)) continue;
    out.push(stem(token, lang));
  }
  return out;
}
