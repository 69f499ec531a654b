import { LANGS, RULE_SEVERITY, type Lang, type RuleCode } from '../../core/contract.js';
import type { CompiledPatterns, KnowledgeArtifact } from '../build-knowledge.js';
import { compileChecked } from '../compile-pattern.js';
import { GuidelineSchema, type Guideline } from '../../core/knowledge-schema.js';
import { exampleProblems } from './check-examples.js';

export interface CandidateChecks {
  passed: boolean;
  problems: string[];
}

export type CompiledGuideline = KnowledgeArtifact['guidelines'][number];

export interface CheckedCandidate extends CandidateChecks {
  /** The guideline ready to join a knowledge base, when every check passed. */
  compiled?: CompiledGuideline;
}

export interface CheckContext {
  /** The text of the candidate's source document. */
  documentText: string;
  /** The knowledge base the candidate would join (its guidelines decide id clashes and example checks). */
  artifact: KnowledgeArtifact;
}

function compileAll(set: Partial<Record<Lang, string[]>> | undefined, field: string, problems: string[]): Partial<Record<Lang, string[]>> {
  const out: Partial<Record<Lang, string[]>> = {};
  for (const lang of LANGS) {
    const list = set?.[lang];
    if (!list) continue;
    out[lang] = list.flatMap((pattern, i) => {
      try {
        return [compileChecked(pattern)];
      } catch (error) {
        problems.push(`${field}.${lang}.${i}: ${(error as Error).message}`);
        return [];
      }
    });
  }
  return out;
}

/**
 * Every check a proposed guideline must pass before it may be accepted, the ones `kb:build` makes and
 * the examples test runs: the schema, the contract's severity, a verbatim source quote, patterns in
 * every language that compile, and examples the engine marks (incorrect) or leaves alone (correct).
 * Problems are collected, not thrown, so the proposal file can say all of them.
 */
export function checkCandidate(entry: unknown, ctx: CheckContext): CheckedCandidate {
  const problems: string[] = [];
  const parsed = GuidelineSchema.safeParse(entry);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.') || '(entry)'}: ${issue.message}`);
  }
  // The quote and the patterns are checked even when the schema failed elsewhere: every problem at once.
  const raw = (entry ?? {}) as Partial<Guideline>;
  const quote = raw.source?.quote;
  if (typeof quote === 'string' && quote.trim() !== '' && !ctx.documentText.includes(quote)) {
    problems.push(`source.quote: is not a verbatim passage of document ${raw.source?.document ?? '?'}`);
  }
  const patterns = parsed.success ? compileAll(parsed.data.patterns, 'patterns', problems) : {};
  if (!parsed.success) return { passed: false, problems };

  const g = parsed.data;
  if (g.severity !== RULE_SEVERITY[g.rule as RuleCode]) problems.push(`severity: must be ${RULE_SEVERITY[g.rule as RuleCode]} for rule ${g.rule}`);
  if (g.kind !== 'phrase') problems.push('kind: proposed guidelines must be of kind phrase');
  if (ctx.artifact.guidelines.some((o) => o.id === g.id)) problems.push(`id: ${g.id} is already used`);
  for (const lang of LANGS) if (!g.patterns?.[lang]?.length) problems.push(`patterns.${lang}: must list at least one pattern`);
  const unless = compileAll(g.unless, 'unless', problems);
  const unlessDraft = compileAll(g.unlessDraft, 'unlessDraft', problems);
  if (problems.length > 0) return { passed: false, problems };

  const compiled: CompiledGuideline = { ...g, compiled: { patterns, rules: {}, unless, unlessDraft } satisfies CompiledPatterns };
  problems.push(...exampleProblems(compiled, ctx.artifact));
  return problems.length > 0 ? { passed: false, problems } : { passed: true, problems, compiled };
}
