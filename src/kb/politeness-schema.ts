import { z } from 'zod';
import { LANGS, type Lang } from '../core/contract.js';
import { compileChecked } from './compile-pattern.js';
import { SENTENCE_KINDS, type PolitenessArtifact } from '../core/knowledge-artifact.js';

export { SENTENCE_KINDS, type PolitenessArtifact } from '../core/knowledge-artifact.js';

/**
 * The politeness strategies behind the warmth score (knowledge/politeness/): `weights.yaml` names each strategy
 * with its weight, and `<lang>.yaml` lists the patterns that realise it in one language. Checked at build time
 * like the rest of the knowledge base: a broken file fails with its file, entry and field.
 */

const text = z.string().trim().min(1);
const strategyName = z.string().regex(/^[a-z0-9-]+$/, 'must be kebab-case');

/** Where a strategy is looked for: any sentence, only questions (direct questions), or only statements. */

const StrategySchema = z
  .object({
    /** Sign and rough size from the paper's findings, in standard deviations of perceived politeness. */
    weight: z.number().min(-1).max(1),
    in: z.enum(SENTENCE_KINDS).optional(),
    /** A match overlapping a match of one of these strategies does not count. */
    notWhere: z.array(strategyName).optional(),
    /** The finding the weight comes from. */
    basis: text,
  })
  .strict();

export const PolitenessWeightsSchema = z
  .object({ strategies: z.record(strategyName, StrategySchema) })
  .strict()
  .superRefine((w, ctx) => {
    for (const [name, s] of Object.entries(w.strategies)) {
      (s.notWhere ?? []).forEach((other, i) => {
        if (!(other in w.strategies)) {
          ctx.addIssue({ code: 'custom', path: ['strategies', name, 'notWhere', i], message: `names no strategy (${other})` });
        }
      });
    }
  });
export type PolitenessWeights = z.infer<typeof PolitenessWeightsSchema>;

const pattern = text.superRefine((p, ctx) => {
  try {
    compileChecked(p);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
});

/** A language file must list every strategy of weights.yaml (an empty list says the language has no form for it). */
export function politenessLanguageSchema(lang: Lang, names: readonly string[]) {
  const every = <T extends z.ZodType>(item: T) => z.object(Object.fromEntries(names.map((n) => [n, item]))).strict();
  return z
    .object({
      lang: z.literal(lang),
      strategies: every(z.array(pattern)),
      /** Sentences each strategy must be found in (test/politeness.test.ts runs them). */
      examples: every(z.array(text).min(1).optional()),
    })
    .strict();
}

export interface PolitenessLanguage {
  lang: Lang;
  strategies: Record<string, string[]>;
  examples: Record<string, string[] | undefined>;
}

export interface PolitenessData {
  weights: PolitenessWeights;
  languages: PolitenessLanguage[];
}

/** What the compiled artifact holds: the strategies in order, and each language's compiled patterns. */

export function compilePoliteness(data: PolitenessData): PolitenessArtifact {
  const strategies = Object.entries(data.weights.strategies).map(([name, s]) => ({
    name,
    weight: s.weight,
    in: s.in ?? 'any',
    notWhere: s.notWhere ?? [],
  }));
  const perLang = <T>(f: (l: PolitenessLanguage) => T) =>
    Object.fromEntries(LANGS.map((lang) => [lang, f(data.languages.find((l) => l.lang === lang)!)])) as Record<Lang, T>;
  return {
    strategies,
    patterns: perLang((l) => Object.fromEntries(strategies.map(({ name }) => [name, (l.strategies[name] ?? []).map(compileChecked)]))),
    examples: perLang((l) => Object.fromEntries(Object.entries(l.examples).filter((e): e is [string, string[]] => !!e[1]))),
  };
}
