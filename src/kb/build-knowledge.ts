import { LANGS, type Lang } from '../core/contract.js';
import { buildIndex, type IndexedItem } from '../retrieval/bm25-index.js';
import { terms } from '../retrieval/stem-terms.js';
import { compileChecked } from './compile-pattern.js';
import { LEXICON_KEYS, type LexiconKey } from '../core/lexicon-keys.js';
import { parseTokenRule } from './parse-token-rule.js';
import { compilePoliteness } from './politeness-schema.js';
import type { Knowledge } from './load-knowledge.js';
import type { Guideline } from '../core/knowledge-schema.js';
import { requiredLiteralsOfAll, requiredLiteralsOfEach } from './required-literals.js';
import { splitIntoPassages } from './split-documents.js';
import { buildVocabulary } from './build-vocabulary.js';
import type { CompiledTokenRule, KnowledgeArtifact } from '../core/knowledge-artifact.js';

export type { CompiledPatterns, KnowledgeArtifact } from '../core/knowledge-artifact.js';

function compileSet(set: Partial<Record<Lang, string[]>> | undefined): Partial<Record<Lang, string[]>> {
  const out: Partial<Record<Lang, string[]>> = {};
  for (const lang of LANGS) if (set?.[lang]) out[lang] = set[lang].map(compileChecked);
  return out;
}

/** Per language, the literals one of which any of the patterns needs (required-literals.ts). */
function needOf(patterns: Partial<Record<Lang, string[]>>): Partial<Record<Lang, string[]>> {
  const out: Partial<Record<Lang, string[]>> = {};
  for (const lang of LANGS) {
    const need = patterns[lang]?.length ? requiredLiteralsOfAll(patterns[lang]) : null;
    if (need) out[lang] = need;
  }
  return out;
}

/** Per language, per pattern, its literals (required-literals.ts); only where some pattern has any. */
function needOfEach(patterns: Partial<Record<Lang, string[]>>): Partial<Record<Lang, (string[] | null)[]>> {
  const out: Partial<Record<Lang, (string[] | null)[]>> = {};
  for (const lang of LANGS) {
    const each = patterns[lang]?.length ? requiredLiteralsOfEach(patterns[lang]) : [];
    if (each.some((n) => n !== null)) out[lang] = each;
  }
  return out;
}

function parseRules(set: Partial<Record<Lang, string[]>> | undefined): Partial<Record<Lang, CompiledTokenRule[]>> {
  const out: Partial<Record<Lang, CompiledTokenRule[]>> = {};
  for (const lang of LANGS) if (set?.[lang]) out[lang] = set[lang].map((r) => parseTokenRule(lang, r));
  return out;
}

function guidelineText(g: Guideline): [string, Lang][] {
  const parts: [string, Lang][] = [[`${g.rule.replace(/-/g, ' ')} ${g.principle.en}`, 'en']];
  for (const lang of LANGS) {
    parts.push([g.message[lang], lang]);
    parts.push([g.preferred[lang].join(' '), lang]);
    parts.push([g.examples[lang].incorrect.map((e) => e.text).join(' '), lang]);
  }
  return parts;
}

export async function buildKnowledge(knowledge: Knowledge): Promise<KnowledgeArtifact> {
  const docLang = new Map(knowledge.documents.map((d) => [d.id, d.lang as Lang]));
  const passages = await splitIntoPassages(knowledge.documents);
  const items: IndexedItem[] = [];
  for (const g of knowledge.guidelines) {
    const lang = docLang.get(g.source.document) ?? 'en';
    const topics = knowledge.languages.map((l) => [l.topics?.[g.rule] ?? '', l.lang] as [string, Lang]);
    const parts = [...guidelineText(g), [`${g.principle.source} ${g.source.quote}`, lang] as [string, Lang], ...topics, ...topics];
    items.push({ ref: `guideline:${g.id}`, terms: parts.flatMap(([text, l]) => terms(text, l)) });
  }
  for (const p of passages) items.push({ ref: `passage:${p.id}`, terms: terms(p.text, p.lang as Lang) });

  return {
    format: 1,
    documents: knowledge.documents,
    passages,
    guidelines: knowledge.guidelines.map((g) => {
      const patterns = compileSet(g.patterns);
      return {
        ...g,
        compiled: { patterns, need: needOf(patterns), needEach: needOfEach(patterns), rules: parseRules(g.rules), unless: compileSet(g.unless), unlessDraft: compileSet(g.unlessDraft), unlessFollowed: compileSet(g.unlessFollowed), soften: compileSet(g.softenInRewrite?.words), ...(g.cues ? { cues: Object.fromEntries(Object.entries(g.cues.classes).map(([k, set]) => [k, compileSet(set)])) } : {}) },
      };
    }),
    languages: knowledge.languages.map((l) => ({
      ...l,
      compiled: Object.fromEntries(LEXICON_KEYS.map((k) => [k, l[k].map(compileChecked)])) as Record<LexiconKey, string[]>,
      ...(l.parties.length > 0 ? { compiledParties: l.parties.map((party) => compileChecked(party.match)) } : {}),
      ...(l.register ? { compiledRegister: { written: l.register.writtenMarkers.map(compileChecked), other: l.register.otherMarkers.map(compileChecked) } } : {}),
    })),
    index: buildIndex(items),
    scenarios: knowledge.scenarios,
    politeness: compilePoliteness(knowledge.politeness),
    translations: knowledge.translations,
    vocabulary: buildVocabulary(knowledge),
  };
}
