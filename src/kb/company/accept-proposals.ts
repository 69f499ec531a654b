import { buildKnowledge, type KnowledgeArtifact } from '../build-knowledge.js';
import { loadKnowledge } from '../load-knowledge.js';
import { rebuildKnowledge } from '../rebuild-knowledge.js';
import { appendYamlList, CompanyKbError, companyGuidelinesPath, proposalPath, snapshotFiles } from './company-store.js';
import { checkCandidate, readProposals, updateProposals, type CandidateChecks, type Proposal } from './proposals.js';

export interface AcceptOptions {
  root: string;
  artifactPath: string;
  docId: string;
  /** The proposal ids to accept, or 'all' for every proposal that passed its checks and is not accepted yet. */
  select: readonly string[] | 'all';
}

export interface AcceptResult {
  accepted: string[];
  /** Selected but not accepted: failed their checks (when proposed, or again now). */
  refused: { id: string; problems: string[] }[];
  alreadyAccepted: string[];
  /** The accepted guidelines' file, when anything was accepted. */
  file: string | null;
}

function appendGuidelines(path: string, docId: string, entries: readonly Record<string, unknown>[]): void {
  appendYamlList(path, entries, ` Guidelines accepted from company document ${docId} (npm run kb:accept); loaded like knowledge/guidelines.`);
}

function select(proposals: readonly Proposal[], selection: AcceptOptions['select'], docId: string): Proposal[] {
  if (selection === 'all') return proposals.filter((p) => p.status === 'proposed' && p.checks.passed);
  return selection.map((id) => {
    const found = proposals.find((p) => p.id === id);
    if (!found) throw new CompanyKbError(`no proposal ${id} for document ${docId} (known: ${proposals.map((p) => p.id).join(', ') || 'none'})`);
    return found;
  });
}

/**
 * `kb:accept`: moves the selected proposals that passed their checks to
 * knowledge/company/guidelines/<docid>.yaml (without status and checks) and rebuilds. Each one is
 * checked again against the knowledge base as it is now, including the ones accepted before it in the
 * same run. A proposal that failed its checks is never accepted.
 */
export async function acceptProposals(options: AcceptOptions): Promise<AcceptResult> {
  const { root, artifactPath, docId } = options;
  const proposals = readProposals(root, docId);
  const chosen = select(proposals, options.select, docId);
  const result: AcceptResult = { accepted: [], refused: [], alreadyAccepted: [], file: null };
  const updates = new Map<string, { status?: 'accepted'; checks: CandidateChecks }>();
  const toAppend: Record<string, unknown>[] = [];

  const knowledge = loadKnowledge(root);
  const document = knowledge.documents.find((d) => d.id === docId);
  if (!document) throw new CompanyKbError(`document ${docId} is not in the knowledge base (its proposals cannot be checked)`);
  let base: KnowledgeArtifact = await buildKnowledge(knowledge);
  for (const p of chosen) {
    if (p.status === 'accepted') {
      result.alreadyAccepted.push(p.id);
      continue;
    }
    if (!p.checks.passed) {
      result.refused.push({ id: p.id, problems: ['failed its checks when proposed, so it can never be accepted', ...p.checks.problems] });
      continue;
    }
    const { passed, problems, compiled } = checkCandidate(p.entry, { documentText: document.text, artifact: base });
    if (!passed || !compiled) {
      result.refused.push({ id: p.id, problems });
      updates.set(p.id, { checks: { passed: false, problems } });
      continue;
    }
    base = { ...base, guidelines: [...base.guidelines, compiled] };
    toAppend.push(p.entry);
    result.accepted.push(p.id);
    updates.set(p.id, { status: 'accepted', checks: { passed: true, problems: [] } });
  }
  if (toAppend.length === 0) {
    if (updates.size > 0) updateProposals(root, docId, updates);
    return result;
  }
  const file = companyGuidelinesPath(root, docId);
  const restore = snapshotFiles([file, proposalPath(root, docId)]);
  try {
    appendGuidelines(file, docId, toAppend);
    updateProposals(root, docId, updates);
    await rebuildKnowledge(root, artifactPath);
  } catch (error) {
    restore();
    throw error;
  }
  return { ...result, file };
}
