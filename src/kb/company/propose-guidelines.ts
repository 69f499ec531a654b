import { RULE_CODES } from '../../core/contract.js';
import { budgetOf, type LlmClient } from '../../llm/llm-types.js';
import type { KnowledgeArtifact } from '../build-knowledge.js';
import type { DocumentMeta } from '../../core/knowledge-schema.js';
import { CandidateAnswerSchema, candidatesOf, toGuidelineEntry } from './candidate-schema.js';
import { checkCandidate } from './check-candidate.js';
import { writeProposals, type Proposal } from './proposals-file.js';

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
