import type { Lang } from './contract.js';
import type { DocumentMeta, Guideline, LanguageData, Scenario, SourceTranslations } from './knowledge-schema.js';
import type { LexiconKey } from './lexicon-keys.js';

/**
 * The shape of the compiled knowledge base (build/knowledge.json): what `npm run kb:build` writes (src/kb) and
 * what the engine loads (src/engine/knowledge-base.ts). Both import it from here, so build time and run time
 * share a vocabulary without depending on each other.
 */

/** A training document with its text (knowledge/documents). */
export interface SourceDocument extends DocumentMeta {
  text: string;
}

/** A passage of a document, for retrieval and the guidance card. */
export interface Passage {
  id: string;
  document: string;
  lang: string;
  start: number;
  text: string;
}

/** The BM25 index over guidelines and passages (src/retrieval/bm25-index.ts builds and searches it). */
export interface SerializedIndex {
  k1: number;
  b: number;
  avgLength: number;
  refs: string[];
  lengths: number[];
  /** term → [itemIndex, termFrequency, itemIndex, termFrequency, …] */
  postings: Record<string, number[]>;
}

/** One position of a token rule (src/kb/parse-token-rule.ts writes it, src/engine/tokens/token-rule.ts runs it). */
export interface TokenSpec {
  /** Folded words that match as they are. */
  words?: string[];
  /** Folded beginnings: "osasto*". */
  prefixes?: string[];
  /** Stems of lemmas written `<lemma>`: every inflection the stemmer maps to the same stem. */
  stems?: string[];
  /** `_`: any word. */
  anyWord?: boolean;
  /** `!x`: any word except these. */
  negate?: boolean;
  /** `x?`: the word may be missing. */
  optional?: boolean;
}

export type RuleStep = { token: TokenSpec } | { skip: number };

export interface CompiledTokenRule {
  /** The rule as written, for messages and coverage reports. */
  source: string;
  steps: RuleStep[];
}

export const SENTENCE_KINDS = ['any', 'question', 'statement'] as const;

/** The politeness strategies behind the warmth score, patterns compiled. */
export interface PolitenessArtifact {
  strategies: { name: string; weight: number; in: (typeof SENTENCE_KINDS)[number]; notWhere: string[] }[];
  /** Per language, per strategy, regular-expression sources over folded text. */
  patterns: Record<Lang, Record<string, string[]>>;
  examples: Record<Lang, Record<string, string[]>>;
}

export interface CompiledPatterns {
  patterns: Partial<Record<Lang, string[]>>;
  /** Per language, literals one of which every match of `patterns` contains (src/kb/required-literals.ts);
   * absent where some pattern needs no sure literal, and then the patterns always run. */
  need?: Partial<Record<Lang, string[]>>;
  /** Per language, per pattern (same order as `patterns`): the literals one of which that pattern's matches
   * contain, or null where none is sure; a pattern whose literals are all absent is not run (or compiled). */
  needEach?: Partial<Record<Lang, (string[] | null)[]>>;
  /** Token rules (`rules:`), parsed, with their lemmas stemmed. */
  rules: Partial<Record<Lang, CompiledTokenRule[]>>;
  unless: Partial<Record<Lang, string[]>>;
  unlessDraft: Partial<Record<Lang, string[]>>;
  /** `unlessFollowed`, compiled. */
  unlessFollowed?: Partial<Record<Lang, string[]>>;
  /** `softenInRewrite.words`, compiled. */
  soften?: Partial<Record<Lang, string[]>>;
  /** `cues.classes`, compiled: per class, per language. */
  cues?: Record<string, Partial<Record<Lang, string[]>>>;
}

/** The words the knowledge base speaks in one language (src/kb/build-vocabulary.ts): whole words, and prefixes. */
export interface Vocabulary {
  /** Every word the knowledge base uses: a draft word found here is never mended. */
  words: string[];
  /** Beginnings of words its rules accept ("przekazal*"): a word that begins so is known too. */
  prefixes: string[];
  /** The whole words its rules look for: the only words a typo is mended towards. */
  targets: string[];
}

/** The compiled knowledge base: what the engine loads at start-up, with no YAML and no pattern compiling. */
export interface KnowledgeArtifact {
  format: 1;
  documents: SourceDocument[];
  passages: Passage[];
  guidelines: (Guideline & { compiled: CompiledPatterns })[];
  languages: (LanguageData & { compiled: Record<LexiconKey, string[]>; compiledRegister?: { written: string[]; other: string[] }; compiledParties?: string[] })[];
  index: SerializedIndex;
  scenarios: Scenario[];
  /** The politeness strategies behind the warmth score, patterns compiled (score-politeness.ts runs them). */
  politeness: PolitenessArtifact;
  /** Titles and quoted passages in all four languages (knowledge/documents/translations.yaml). */
  translations: SourceTranslations;
  /** Per language, the words the knowledge base speaks: the only words a typo is mended towards. */
  vocabulary: Record<Lang, Vocabulary>;
}
