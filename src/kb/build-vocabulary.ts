import { LANGS, type Lang } from '../core/contract.js';
import { fold } from '../core/fold-text.js';
import { LEXICON_KEYS } from '../core/lexicon-keys.js';
import type { Vocabulary } from '../core/knowledge-artifact.js';
import type { Knowledge } from './load-knowledge.js';

/**
 * The words the knowledge base itself speaks, per language: every word its patterns, token rules and lexicon
 * lists look for (the targets: a draft's swapped letters are mended only towards these, src/engine/correct-typos.ts),
 * and every word of its examples, phrasings, messages and source documents (known: never touched).
 * Built once with the knowledge base, so start-up does not pay for it.
 */

const LETTERS = /\p{L}{4,}/gu;

/** Words of a pattern or token rule: a run of letters before `*` or `\p{L}` only begins a word (a prefix). */
function fromRule(rule: string, words: Set<string>, prefixes: Set<string>, targets: Set<string>): void {
  const text = fold(rule)
    .replace(/\\[pP]\{[^}]*\}[*+]?(?:\{\d*,?\d*\})?/g, '*')
    .replace(/\\./g, ' ');
  // `*` after a run of letters: the token rules' "word*", or a pattern's letters going on (\p{L}*, \p{L}{0,20}).
  for (const m of text.matchAll(/(\p{L}{4,})(\*)?/gu)) {
    (m[2] ? prefixes : words).add(m[1]!);
    if (!m[2]) targets.add(m[1]!);
  }
}

function fromText(text: string, words: Set<string>): void {
  for (const m of fold(text).matchAll(LETTERS)) words.add(m[0]);
}

export function buildVocabulary(knowledge: Knowledge): Record<Lang, Vocabulary> {
  const out = {} as Record<Lang, Vocabulary>;
  for (const lang of LANGS) {
    const words = new Set<string>();
    const prefixes = new Set<string>();
    const targets = new Set<string>();
    const language = knowledge.languages.find((l) => l.lang === lang);
    if (language) {
      for (const key of LEXICON_KEYS) for (const p of language[key]) fromRule(p, words, prefixes, targets);
      for (const w of language.stopwords) fromText(w, words);
      for (const list of language.spokenDigits) for (const w of list) fromText(w, words);
      for (const w of language.neverMend) fromText(w, words);
      for (const s of Object.values(language.strings)) fromText(s, words);
      for (const s of Object.values(language.ui)) fromText(s, words);
    }
    for (const g of knowledge.guidelines) {
      for (const set of [g.patterns, g.rules, g.unless, g.unlessDraft, g.unlessFollowed]) for (const p of set?.[lang] ?? []) fromRule(p, words, prefixes, targets);
      for (const t of [...g.preferred[lang], ...(g.preferredInWriting?.[lang] ?? []), g.message[lang]]) fromText(t, words);
      // English has no source document: the principles, written in English, widen what it knows.
      if (lang === 'en') fromText(g.principle.en, words);
      for (const e of [...g.examples[lang].incorrect, ...(g.examples[lang].correct ?? [])]) fromText(e.text, words);
    }
    for (const d of knowledge.documents) if (d.lang === lang) fromText(d.text, words);
    for (const q of knowledge.translations?.quotes ?? []) if (q[lang]) fromText(q[lang]!, words);
    out[lang] = { words: [...words].sort(), prefixes: [...prefixes].filter((p) => p.length >= 4).sort(), targets: [...targets].sort() };
  }
  return out;
}
