import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Document, parseDocument } from 'yaml';
import { z } from 'zod';
import { LANGS, RULE_SEVERITY, type Lang, type RuleCode } from '../../core/contract.js';
import { GuidelineSchema, type CorrectExample, type Guideline } from '../../core/knowledge-schema.js';
import { knowledgeBaseFrom, type KnowledgeBase } from '../../engine/knowledge-base.js';
import { review } from '../../engine/review.js';
import type { CompiledPatterns, KnowledgeArtifact } from '../build-knowledge.js';
import { compileChecked } from '../compile-pattern.js';
import { CompanyKbError, proposalPath, proposedDir, shown } from './company-store.js';

/**
 * A proposed guideline: the checks it must pass before it may be accepted, and the proposals file
 * (knowledge/company/proposed/<docid>.yaml) that kb:add writes, people read and edit, and kb:accept updates.
 */

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

function findingsOf(kb: KnowledgeBase, ex: CorrectExample, lang: Lang) {
  try {
    return review({ draft: ex.text, customer: ex.customer, firstReply: ex.firstReply, channel: ex.channel, lang }, { kb }).findings;
  } catch (error) {
    return (error as Error).message;
  }
}

const short = (s: string) => JSON.stringify(s.length > 80 ? `${s.slice(0, 77)}…` : s);

/**
 * The examples test (test/guideline-examples.test.ts) for one candidate, before it is accepted: each
 * incorrect example must be marked at `mark` by the candidate itself and by its rule in the whole
 * knowledge base; each correct one must stay clean of the rule. The candidate must also leave alone
 * the correct examples of the guidelines already there for its rule, or accepting it would break them.
 */
export function exampleProblems(g: CompiledGuideline, artifact: KnowledgeArtifact): string[] {
  const withIt = knowledgeBaseFrom({ ...artifact, guidelines: [...artifact.guidelines, g] });
  const alone = knowledgeBaseFrom({ ...artifact, guidelines: [g] });
  const problems: string[] = [];
  for (const lang of LANGS) {
    for (const ex of g.examples[lang].incorrect) {
      const at = `examples.${lang}.incorrect ${short(ex.text)}`;
      if (!ex.text.includes(ex.mark)) {
        problems.push(`${at}: the mark ${short(ex.mark)} is not part of the text`);
        continue;
      }
      const own = findingsOf(alone, ex, lang);
      const all = findingsOf(withIt, ex, lang);
      if (typeof own === 'string' || typeof all === 'string') {
        problems.push(`${at}: cannot be reviewed: ${typeof own === 'string' ? own : String(all)}`);
        continue;
      }
      const marked = own.filter((f) => f.guideline === g.id).map((f) => f.quote);
      const ruleMarks = all.filter((f) => f.rule === g.rule).map((f) => f.quote);
      if (!marked.includes(ex.mark) || !ruleMarks.includes(ex.mark)) {
        const found = [...new Set([...marked, ...ruleMarks])].map(short).join(', ') || 'nothing';
        problems.push(`${at}: should mark ${short(ex.mark)}, marks ${found}`);
      }
    }
    for (const ex of g.examples[lang].correct) {
      const all = findingsOf(withIt, ex, lang);
      const hit = typeof all === 'string' ? all : all.find((f) => f.rule === g.rule);
      if (typeof hit === 'string') problems.push(`examples.${lang}.correct ${short(ex.text)}: cannot be reviewed: ${hit}`);
      else if (hit) problems.push(`examples.${lang}.correct ${short(ex.text)}: should stay clean, but ${short(hit.quote)} is marked (${hit.guideline})`);
    }
  }
  for (const other of artifact.guidelines.filter((o) => o.rule === g.rule)) {
    for (const lang of LANGS) {
      for (const ex of other.examples[lang].correct) {
        const found = findingsOf(alone, ex, lang);
        if (typeof found !== 'string' && found.length > 0) {
          problems.push(`would mark ${short(found[0]!.quote)} in the correct example of ${other.id} (${lang}) ${short(ex.text)}`);
        }
      }
    }
  }
  return problems;
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

/** One proposed guideline: the entry as it would be accepted, plus its state and the result of its checks. */
export interface Proposal {
  id: string;
  status: 'proposed' | 'accepted';
  checks: CandidateChecks;
  /** The guideline entry without `status` and `checks`. */
  entry: Record<string, unknown>;
}

const ProposalSchema = z
  .object({
    id: z.string(),
    status: z.enum(['proposed', 'accepted']),
    checks: z.object({ passed: z.boolean(), problems: z.array(z.string()) }),
  })
  .passthrough();

export function writeProposals(root: string, docId: string, proposals: readonly Proposal[], header: string): string {
  const path = proposalPath(root, docId);
  mkdirSync(dirname(path), { recursive: true });
  const doc = new Document(proposals.map((p) => ({ ...p.entry, status: p.status, checks: p.checks })));
  doc.commentBefore = header;
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
  return path;
}

export function readProposals(root: string, docId: string): Proposal[] {
  const path = proposalPath(root, docId);
  if (!existsSync(path)) throw new CompanyKbError(`no proposals for document ${docId} (${shown(path)} does not exist)`);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  if (doc.errors.length > 0) throw new CompanyKbError(`${shown(path)}: ${doc.errors[0]!.message}`);
  const parsed = z.array(ProposalSchema).safeParse(doc.toJS() ?? []);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CompanyKbError(`${shown(path)}: entry ${String(issue.path[0] ?? '?')}: '${issue.path.slice(1).join('.')}' ${issue.message}`);
  }
  return parsed.data.map(({ status, checks, ...entry }) => ({ id: entry.id, status, checks, entry }));
}

/** Document ids that have a proposal file, in order. */
export function proposalDocuments(root: string): string[] {
  const dir = proposedDir(root);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => /^c\d{3}\.yaml$/.test(n)).map((n) => n.slice(0, -5)).sort();
}

/** Sets status and checks of some proposals, leaving the rest of the file (comments, edits) as it is. */
export function updateProposals(root: string, docId: string, updates: ReadonlyMap<string, Partial<Pick<Proposal, 'status' | 'checks'>>>): void {
  const path = proposalPath(root, docId);
  const doc = parseDocument(readFileSync(path, 'utf8'));
  const ids = (doc.toJS() as { id: string }[]).map((p) => p.id);
  for (const [id, update] of updates) {
    const index = ids.indexOf(id);
    if (index < 0) continue;
    if (update.status) doc.setIn([index, 'status'], update.status);
    if (update.checks) doc.setIn([index, 'checks'], doc.createNode(update.checks));
  }
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}
