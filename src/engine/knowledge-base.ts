import './compile-regexps-natively.js';
import { readFileSync } from 'node:fs';
import type { KnowledgeArtifact } from '../core/knowledge-artifact.js';
import { readArtifactJson } from '../core/artifact-json.js';
import { LEXICON_KEYS, type LexiconKey } from '../core/lexicon-keys.js';
import { knownWords, type KnownWords } from './correct-typos.js';
import { defaultArtifactPath } from '../core/paths.js';
import type { Guideline, LanguageData } from '../core/knowledge-schema.js';
import type { Lang, RuleCode } from '../core/contract.js';
import { LanguageDetector } from './detect-language.js';
import { politenessFrom, type RuntimePoliteness } from './score-politeness.js';
import { indexRules, type RuleIndex } from './tokens/rule-index.js';
import type { CompiledTokenRule } from './tokens/token-rule.js';

/** A guideline with its patterns ready to run. */
export interface RuntimeGuideline {
  data: Guideline;
  rule: RuleCode;
  patterns: Record<Lang, RegExp[]>;
  /** Token rules per language (compiled at build time). */
  rules: Record<Lang, CompiledTokenRule[]>;
  /** Literals one of which every pattern match contains, or null (always run the patterns): a guideline whose
   * words are not in the draft never compiles its patterns (required-literals.ts). */
  need: Record<Lang, string[] | null>;
  /** Per pattern, its literals or null (always run): a pattern whose literals are absent is not run. */
  needEach: Record<Lang, (string[] | null)[] | null>;
  unless: Record<Lang, RegExp | null>;
  unlessDraft: Record<Lang, RegExp | null>;
  /** `unlessFollowed`: an exception that holds only where the draft goes on after the match's sentence. */
  unlessFollowed: Record<Lang, RegExp | null>;
  /** The words a rewrite takes out of the agent's sentence (`softenInRewrite`), `g` for positions. */
  soften: Record<Lang, RegExp | null>;
  /** `cues.classes`: per language, each class as one expression (`g`), for kind `cue-pairs`. */
  cues: Record<Lang, { name: string; match: RegExp }[]>;
}

export interface RuntimeLanguage {
  data: LanguageData;
  /** The words the knowledge base speaks in this language: swapped letters are mended towards them (correct-typos.ts). */
  known: KnownWords;
  /** One alternation per lexicon list; `test` on folded text, `g` for positions. */
  lexicon: Record<LexiconKey, RegExp>;
  /** The two ways of addressing the customer (fi sinä/te, hu te/Ön), where the language has them. */
  register?: RuntimeRegister;
  /** The parties a reply may send the customer to, each with its folded pattern (built on first use). */
  parties: readonly { match: RegExp; replace: Readonly<Record<string, string>> }[];
}

export interface RuntimeRegister {
  written: string;
  other: string;
  /** Folded patterns showing each register in a draft (`g`, for counting). */
  writtenMarkers: RegExp;
  otherMarkers: RegExp;
  /** A phrasing in the other register. */
  variants: ReadonlyMap<string, string>;
}

export interface KnowledgeBase {
  artifact: KnowledgeArtifact;
  guidelines: RuntimeGuideline[];
  byId: Map<string, RuntimeGuideline>;
  languages: Record<Lang, RuntimeLanguage>;
  detector: LanguageDetector;
  /** Every guideline's token rules of a language, indexed by how they can start (built on first use). */
  ruleIndex: Record<Lang, RuleIndex>;
  /** The politeness strategies behind the warmth score (score-politeness.ts). */
  politeness: RuntimePoliteness;
  /** A source passage's document title and translation in a reader's language (the quote itself stays verbatim). */
  sourceIn: (document: string, quote: string, lang: Lang) => { title?: string; translation?: string };
}

const NEVER = /(?!)/gu;

const union = (sources: readonly string[] | undefined) =>
  sources && sources.length > 0 ? new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'gu') : null;

/**
 * One value per language, made on first read: a review only ever reads one language, and building the regular
 * expressions of all four at start-up cost more than the first review itself. A class, so that every record
 * has one shape: with a getter defined on each object, each had its own, and the engine's reads of
 * `g.patterns[lang]` (every guideline, every review) went the slow way (a third of matchPhrases' own time in a profile).
 */
class PerLanguage<T> implements Record<Lang, T> {
  readonly #make: (lang: Lang) => T;
  // `undefined` until made: no value made here is undefined (an absent pattern is null).
  readonly #made: Record<Lang, T | undefined> = { fi: undefined, pl: undefined, hu: undefined, en: undefined };

  constructor(make: (lang: Lang) => T) {
    this.#make = make;
  }

  #at(lang: Lang): T {
    const made = this.#made[lang];
    return made !== undefined ? made : (this.#made[lang] = this.#make(lang));
  }

  get fi(): T {
    return this.#at('fi');
  }

  get pl(): T {
    return this.#at('pl');
  }

  get hu(): T {
    return this.#at('hu');
  }

  get en(): T {
    return this.#at('en');
  }
}

export function knowledgeBaseFrom(artifact: KnowledgeArtifact): KnowledgeBase {
  const guidelines = artifact.guidelines.map((g): RuntimeGuideline => {
    const per = <T>(f: (lang: Lang) => T): Record<Lang, T> => new PerLanguage(f);
    return {
      data: g,
      rule: g.rule as RuleCode,
      patterns: per((l) => (g.compiled.patterns[l] ?? []).map((s) => new RegExp(s, 'gu'))),
      rules: per((l) => g.compiled.rules?.[l] ?? []),
      need: per((l) => g.compiled.need?.[l] ?? null),
      needEach: per((l) => g.compiled.needEach?.[l] ?? null),
      unless: per((l) => union(g.compiled.unless[l])),
      unlessDraft: per((l) => union(g.compiled.unlessDraft[l])),
      unlessFollowed: per((l) => union(g.compiled.unlessFollowed?.[l])),
      soften: per((l) => union(g.compiled.soften?.[l])),
      cues: per((l) =>
        Object.entries(g.compiled.cues ?? {}).flatMap(([name, set]) => {
          const match = union(set[l]);
          return match ? [{ name, match }] : [];
        }),
      ),
    };
  });
  const languages = Object.fromEntries(
    artifact.languages.map((l): [Lang, RuntimeLanguage] => [
      l.lang,
      {
        data: l,
        // Built on the first review in the language, not at start-up: most processes review in one or two.
        get known() {
          const value = knownWords(artifact.vocabulary?.[l.lang] ?? { words: [], prefixes: [], targets: [] });
          Object.defineProperty(this, 'known', { value });
          return value;
        },
        lexicon: Object.fromEntries(LEXICON_KEYS.map((k) => [k, union(l.compiled[k]) ?? NEVER])) as Record<LexiconKey, RegExp>,
        get parties() {
          const value = (l.compiledParties ?? []).map((source, i) => ({ match: union([source]) ?? NEVER, replace: l.parties[i]!.replace }));
          Object.defineProperty(this, 'parties', { value });
          return value;
        },
        ...(l.register && l.compiledRegister
          ? {
              register: {
                written: l.register.written,
                other: l.register.other,
                writtenMarkers: union(l.compiledRegister.written) ?? NEVER,
                otherMarkers: union(l.compiledRegister.other) ?? NEVER,
                variants: new Map(Object.entries(l.register.variants)),
              },
            }
          : {}),
      },
    ]),
  ) as Record<Lang, RuntimeLanguage>;
  const detector = new LanguageDetector(
    Object.fromEntries(artifact.languages.map((l) => [l.lang, l.stopwords])) as Record<Lang, string[]>,
  );
  const politeness = politenessFrom(artifact.politeness);
  const ruleIndex: Record<Lang, RuleIndex> = new PerLanguage((l) => indexRules(guidelines.flatMap((g) => g.rules[l])));
  const quotes = new Map((artifact.translations?.quotes ?? []).map((q) => [`${q.document}|${q.quote}`, q]));
  const sourceIn = (document: string, quote: string, lang: Lang) => ({
    title: artifact.translations?.titles[document]?.[lang],
    translation: quotes.get(`${document}|${quote}`)?.[lang],
  });
  return { artifact, guidelines, byId: new Map(guidelines.map((g) => [g.data.id, g])), languages, detector, politeness, ruleIndex, sourceIn };
}

let cached: KnowledgeBase | undefined;

/** Loads the compiled knowledge base (`npm run kb:build` writes it); cached for the process. */
export function loadKnowledgeBase(path = defaultArtifactPath()): KnowledgeBase {
  if (cached && path === defaultArtifactPath()) return cached;
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`The knowledge base ${path} is missing: run \`npm run kb:build\` (npm ci does it for you).`);
  }
  const kb = knowledgeBaseFrom(readArtifactJson(raw));
  if (path === defaultArtifactPath()) cached = kb;
  return kb;
}

/** Tests `re` against `text` from the start, resetting the global regex's position first. */
export function matches(re: RegExp | null, text: string): boolean {
  if (!re) return false;
  re.lastIndex = 0;
  return re.test(text);
}
