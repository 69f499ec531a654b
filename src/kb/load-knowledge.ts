import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDocument } from 'yaml';
import type { SourceDocument } from '../core/knowledge-artifact.js';
import type { z } from 'zod';
import { LANGS, RULE_SEVERITY, type RuleCode } from '../core/contract.js';
import { LEXICON_KEYS } from '../core/lexicon-keys.js';
import { parseTokenRule } from './parse-token-rule.js';
import { compileChecked } from './compile-pattern.js';
import { PolitenessWeightsSchema, politenessLanguageSchema, type PolitenessData } from './politeness-schema.js';
import {
  DocumentMetaSchema,
  GuidelineSchema,
  LanguageSchema,
  type Guideline,
  type LanguageData,
  ScenarioSchema,
  type Scenario,
  SourceTranslationsSchema,
  type SourceTranslations,
} from '../core/knowledge-schema.js';

/** An error in a knowledge file, naming the file, the entry and the field. */
export class KnowledgeError extends Error {
  constructor(file: string, entry: string, field: string, problem: string) {
    super(`${file}: ${entry}: '${field}' ${problem}`);
    this.name = 'KnowledgeError';
  }
}

export type { SourceDocument } from '../core/knowledge-artifact.js';

export interface Knowledge {
  documents: SourceDocument[];
  guidelines: Guideline[];
  languages: LanguageData[];
  scenarios: Scenario[];
  /** knowledge/politeness/: the strategies behind the warmth score (politeness-schema.ts). */
  politeness: PolitenessData;
  /** knowledge/documents/translations.yaml: titles and quoted passages in all four languages. */
  translations: SourceTranslations;
}

function readYaml(path: string, shown: string): unknown {
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new KnowledgeError(shown, `line ${e.linePos?.[0]?.line ?? '?'}`, 'yaml', e.message);
  }
  return doc.toJS();
}

function check<T>(schema: z.ZodType<T>, value: unknown, file: string, entry: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join('.') : '(entry)';
  throw new KnowledgeError(file, entry, field, issue.message);
}

function entryName(value: unknown, index: number): string {
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : `entry ${index + 1}`;
}

/** Reads, validates and cross-checks every knowledge file under `root` (the project's `knowledge/`). */
export function loadKnowledge(root: string): Knowledge {
  const show = (p: string) => relative(process.cwd(), p) || p;

  const readCatalog = (folder: string): SourceDocument[] => {
    const catalogPath = join(folder, 'catalog.yaml');
    const catalog = readYaml(catalogPath, show(catalogPath));
    if (!Array.isArray(catalog)) throw new KnowledgeError(show(catalogPath), '(file)', 'documents', 'must be a list');
    return catalog.map((raw, i) => {
      const meta = check(DocumentMetaSchema, raw, show(catalogPath), entryName(raw, i));
      const text = readFileSync(join(folder, meta.file), 'utf8');
      return { ...meta, text };
    });
  };
  // The training documents, then a company's own (npm run kb:add), whose passages join the same index.
  const company = join(root, 'company');
  const builtIn = readCatalog(join(root, 'documents'));
  const documents = [
    ...builtIn,
    ...(existsSync(join(company, 'documents', 'catalog.yaml')) ? readCatalog(join(company, 'documents')) : []),
  ];
  const docById = new Map(documents.map((d) => [d.id, d]));

  const languages: LanguageData[] = [];
  for (const lang of LANGS) {
    const path = join(root, 'languages', `${lang}.yaml`);
    const data = check(LanguageSchema, readYaml(path, show(path)), show(path), lang);
    for (const key of LEXICON_KEYS) {
      data[key].forEach((p, i) => {
        try {
          compileChecked(p);
        } catch (error) {
          throw new KnowledgeError(show(path), lang, `${key}.${i}`, (error as Error).message);
        }
      });
    }
    // The other register's phrasings live beside the language (knowledge/languages/fi-register.yaml).
    const registerPath = join(root, 'languages', `${lang}-register.yaml`);
    if (existsSync(registerPath)) {
      const register = check(LanguageSchema.shape.register, readYaml(registerPath, show(registerPath)), show(registerPath), lang);
      for (const key of ['writtenMarkers', 'otherMarkers'] as const) {
        register?.[key].forEach((p, i) => {
          try {
            compileChecked(p);
          } catch (error) {
            throw new KnowledgeError(show(registerPath), lang, `${key}.${i}`, (error as Error).message);
          }
        });
      }
      if (register) data.register = register;
    }
    languages.push(data);
  }

  const guidelines: Guideline[] = [];
  const seen = new Map<string, string>();
  // Accepted company guidelines (npm run kb:accept) load like the built-in ones; proposals never do.
  const guidelineFiles = [join(root, 'guidelines'), join(company, 'guidelines')]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort().map((n) => join(dir, n)));
  for (const path of guidelineFiles) {
    const file = show(path);
    const raw = readYaml(path, file);
    if (!Array.isArray(raw)) throw new KnowledgeError(file, '(file)', 'guidelines', 'must be a list of guidelines');
    raw.forEach((entry, i) => {
      const g = check(GuidelineSchema, entry, file, entryName(entry, i));
      const fail = (field: string, problem: string) => new KnowledgeError(file, g.id, field, problem);
      if (seen.has(g.id)) throw fail('id', `is already used in ${seen.get(g.id)}`);
      seen.set(g.id, file);
      const expected = RULE_SEVERITY[g.rule as RuleCode];
      if (g.severity !== expected) throw fail('severity', `must be ${expected} for rule ${g.rule} (the contract's severity)`);
      const doc = docById.get(g.source.document);
      if (!doc) throw fail('source.document', `names no document (known: ${[...docById.keys()].join(', ')})`);
      if (!doc.text.includes(g.source.quote)) {
        const loose = (t: string) => t.replace(/\s+/g, ' ');
        const hint = loose(doc.text).includes(loose(g.source.quote)) ? ' (it differs only in white space: the document may have a no-break space)' : '';
        throw fail('source.quote', `is not a verbatim passage of document ${doc.id}${hint}`);
      }
      if ((g.kind === 'phrase' || g.kind === 'occurrence') && !g.patterns && !g.rules) throw fail('patterns', `or rules are required for kind ${g.kind}`);
      for (const lang of LANGS) {
        g.rules?.[lang]?.forEach((r, j) => {
          try {
            parseTokenRule(lang, r);
          } catch (error) {
            throw fail(`rules.${lang}.${j}`, (error as Error).message);
          }
        });
      }
      if (g.kind === 'occurrence' && g.min === undefined) throw fail('min', 'is required for kind occurrence');
      if (g.kind === 'cue-pairs' && !g.cues) throw fail('cues', 'is required for kind cue-pairs');
      for (const pair of g.cues?.pairs ?? []) {
        for (const name of pair.split('+')) if (!g.cues?.classes[name]) throw fail('cues.pairs', `names the class "${name}", which cues.classes does not define`);
      }
      for (const [name, set] of Object.entries(g.cues?.classes ?? {})) {
        for (const lang of LANGS) {
          set[lang]?.forEach((p, j) => {
            try {
              compileChecked(p);
            } catch (error) {
              throw fail(`cues.classes.${name}.${lang}.${j}`, (error as Error).message);
            }
          });
        }
      }
      for (const key of ['patterns', 'unless', 'unlessDraft', 'unlessFollowed', 'softenInRewrite'] as const) {
        for (const lang of LANGS) {
          const list = key === 'softenInRewrite' ? g.softenInRewrite?.words[lang] : g[key]?.[lang];
          if ((g.kind === 'phrase' || g.kind === 'occurrence') && key === 'patterns' && (!list || list.length === 0) && !g.rules?.[lang]?.length) {
            throw fail(`patterns.${lang}`, 'must list at least one pattern');
          }
          list?.forEach((p, j) => {
            try {
              compileChecked(p);
            } catch (error) {
              throw fail(`${key}.${lang}.${j}`, (error as Error).message);
            }
          });
        }
      }
      guidelines.push(g);
    });
  }
  const scenarioPath = join(root, 'practice-scenarios.yaml');
  const rawScenarios = readYaml(scenarioPath, show(scenarioPath));
  if (!Array.isArray(rawScenarios)) throw new KnowledgeError(show(scenarioPath), '(file)', 'scenarios', 'must be a list');
  const scenarios = rawScenarios.map((raw, i) => {
    const s = check(ScenarioSchema, raw, show(scenarioPath), entryName(raw, i));
    if (!docById.get(s.source.document)?.text.includes(s.source.quote)) {
      throw new KnowledgeError(show(scenarioPath), s.id, 'source.quote', `is not a verbatim passage of document ${s.source.document}`);
    }
    return s;
  });
  // Every quoted passage and every title has its translations: a card shows them beside the verbatim quote.
  const translationsPath = join(root, 'documents', 'translations.yaml');
  const translations = check(SourceTranslationsSchema, readYaml(translationsPath, show(translationsPath)), show(translationsPath), 'translations');
  const translated = new Set(translations.quotes.map((q) => `${q.document}|${q.quote}`));
  for (const q of translations.quotes) {
    if (!docById.get(q.document)?.text.includes(q.quote)) throw new KnowledgeError(show(translationsPath), q.document, 'quote', `is not a verbatim passage of document ${q.document}`);
  }
  for (const g of guidelines) {
    // A company's own documents (npm run kb:add) are not translated here.
    if (!builtIn.some((d) => d.id === g.source.document)) continue;
    if (!translated.has(`${g.source.document}|${g.source.quote}`)) throw new KnowledgeError(show(translationsPath), g.id, 'source.quote', 'has no translation: add it to documents/translations.yaml');
    if (!translations.titles[g.source.document]) throw new KnowledgeError(show(translationsPath), g.id, 'titles', `document ${g.source.document} has no translated title`);
  }
  // Every phrasing a reply may carry has its other-register form, with the same placeholders: a setting or a
  // draft in the other register never gets a half-converted reply.
  const placeholders = (t: string) => (t.match(/\[[^\]]*\]|\{[^}]*\}/g) ?? []).join('|');
  for (const language of languages) {
    const register = language.register;
    if (!register) continue;
    const path = show(join(root, 'languages', `${language.lang}-register.yaml`));
    const phrasings = [...guidelines.flatMap((g) => (builtIn.some((d) => d.id === g.source.document) ? [...g.preferred[language.lang], ...(g.preferredInWriting?.[language.lang] ?? []), ...(g.preferredAfterAnswer?.[language.lang] ?? []), ...(g.softenInRewrite ? [g.softenInRewrite.after[language.lang]] : []), ...(g.estimateInRewrite ? [g.estimateInRewrite.after[language.lang]] : [])] : [])), ...Object.values(language.strings)];
    for (const phrasing of phrasings) {
      const other = register.variants[phrasing];
      if (other === undefined) throw new KnowledgeError(path, language.lang, 'variants', `has no ${register.other} form of "${phrasing.slice(0, 80)}"`);
      if (placeholders(other) !== placeholders(phrasing)) throw new KnowledgeError(path, language.lang, 'variants', `changes the placeholders of "${phrasing.slice(0, 80)}"`);
    }
  }
  return { documents, guidelines, languages, scenarios, politeness: loadPoliteness(join(root, 'politeness'), show), translations };
}

/** weights.yaml names the strategies; each <lang>.yaml must list patterns (maybe none) for every one of them. */
function loadPoliteness(dir: string, show: (p: string) => string): PolitenessData {
  const weightsPath = join(dir, 'weights.yaml');
  const weights = check(PolitenessWeightsSchema, readYaml(weightsPath, show(weightsPath)), show(weightsPath), 'weights');
  const languages = LANGS.map((lang) => {
    const path = join(dir, `${lang}.yaml`);
    const schema = politenessLanguageSchema(lang, Object.keys(weights.strategies));
    return check(schema, readYaml(path, show(path)), show(path), lang);
  });
  return { weights, languages };
}
