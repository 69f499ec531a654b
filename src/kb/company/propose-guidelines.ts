import { z } from 'zod';
import { RULE_CODES, RULE_SEVERITY } from '../../core/contract.js';
import type { DocumentMeta } from '../../core/knowledge-schema.js';
import { budgetOf, type LlmClient } from '../../core/llm-interface.js';
import type { KnowledgeArtifact } from '../build-knowledge.js';
import { checkCandidate, writeProposals, type Proposal } from './proposals.js';

// Proposing guidelines from a company document with an LLM: the shape of its answer and the proposals written
// from it. The client is handed in (src/cli/kb-add-cli.ts builds it from the environment).

/**
 * What the LLM returns for 'propose-guidelines': candidate phrase guidelines drawn from one document.
 * The shape is checked here; the content (non-empty texts, a real rule code, a verbatim quote,
 * patterns that compile, examples that behave) is checked per candidate, so one weak candidate is
 * kept and marked instead of losing the whole answer.
 */
const perLang = <T extends z.ZodType>(item: T) => z.object({ fi: item, pl: item, hu: item, en: item });

export const CandidateSchema = z.object({
  rule: z.string(),
  principle: z.object({ en: z.string(), source: z.string() }),
  message: perLang(z.string()),
  /** A verbatim passage of the document the guideline rests on. */
  quote: z.string(),
  patterns: perLang(z.array(z.string())),
  preferred: perLang(z.array(z.string())),
  examples: perLang(
    z.object({
      incorrect: z.array(z.object({ text: z.string(), mark: z.string() })),
      correct: z.array(z.object({ text: z.string() })),
    }),
  ),
});
export type Candidate = z.infer<typeof CandidateSchema>;
/** prompts/propose-guidelines asks for `{"candidates": [...]}` (JSON mode wants an object); a bare list is accepted too. */
export const CandidateAnswerSchema = z.union([z.object({ candidates: z.array(CandidateSchema) }), z.array(CandidateSchema)]);
export const candidatesOf = (answer: z.infer<typeof CandidateAnswerSchema>): Candidate[] => (Array.isArray(answer) ? answer : answer.candidates);

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'rule';

/**
 * A candidate as a full guideline entry: id `<docid>-<rule>-<n>` (n the first free number), the
 * contract's severity for the rule, kind `phrase`, the document as its source.
 */
export function toGuidelineEntry(c: Candidate, docId: string, taken: ReadonlySet<string>): Record<string, unknown> {
  let n = 1;
  while (taken.has(`${docId}-${slug(c.rule)}-${n}`)) n++;
  const severity = (RULE_SEVERITY as Record<string, string>)[c.rule];
  return {
    id: `${docId}-${slug(c.rule)}-${n}`,
    rule: c.rule,
    ...(severity ? { severity } : {}),
    kind: 'phrase',
    principle: c.principle,
    message: c.message,
    source: { document: docId, quote: c.quote },
    patterns: c.patterns,
    preferred: c.preferred,
    examples: c.examples,
  };
}

export interface LlmLoad {
  client: LlmClient | null;
  /** Why there is no client, when that is worth telling (a broken configuration, not a missing one). */
  note?: string;
}

export type ProposalOutcome =
  | { status: 'no-llm' }
  | { status: 'llm-failed'; detail: string }
  | { status: 'proposed'; file: string | null; proposals: Proposal[] };

export interface ProposeOptions {
  root: string;
  document: DocumentMeta;
  text: string;
  /** The rebuilt knowledge base the document is already part of. */
  artifact: KnowledgeArtifact;
  llm: LlmClient;
  /** Time for the LLM call, retries included (default 3 minutes: a long document is a long answer). */
  budgetMs?: number;
  now?: Date;
}

/**
 * Asks the LLM for candidate guidelines drawn from the document, checks each one, and writes them all
 * to knowledge/company/proposed/<docid>.yaml, which the engine never reads. Nothing is used until
 * `kb:accept` accepts it; a failed LLM call is a value, and the document stays added either way.
 */
export async function proposeGuidelines(options: ProposeOptions): Promise<ProposalOutcome> {
  const { root, document, text, artifact, llm } = options;
  let outcome;
  try {
    outcome = await llm.complete(
      'propose-guidelines',
      { document: text, lang: document.lang, ruleCodes: RULE_CODES.join(', ') },
      CandidateAnswerSchema,
      budgetOf(options.budgetMs ?? 180_000),
    );
  } catch (error) {
    return { status: 'llm-failed', detail: (error as Error).message };
  }
  if (outcome.status !== 'success') return { status: 'llm-failed', detail: `${outcome.status}: ${outcome.detail}` };

  const taken = new Set(artifact.guidelines.map((g) => g.id));
  const proposals: Proposal[] = candidatesOf(outcome.value).map((candidate) => {
    const entry = toGuidelineEntry(candidate, document.id, taken);
    const id = String(entry.id);
    taken.add(id);
    const { passed, problems } = checkCandidate(entry, { documentText: text, artifact });
    return { id, status: 'proposed', checks: { passed, problems }, entry };
  });
  if (proposals.length === 0) return { status: 'proposed', file: null, proposals };
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  const header = [
    ` Guidelines ${llm.chatModel} proposed from document ${document.id} "${document.title}" on ${date}.`,
    ' The engine never reads this file. Accept the ones whose checks passed (they are checked again):',
    `   npm run kb:accept -- ${document.id} --ids <id>,<id>   or   npm run kb:accept -- ${document.id} --all`,
  ].join('\n');
  return { status: 'proposed', file: writeProposals(root, document.id, proposals, header), proposals };
}
