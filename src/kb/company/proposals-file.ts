import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Document, parseDocument } from 'yaml';
import { z } from 'zod';
import { CompanyKbError } from './company-error.js';
import { proposalPath, proposedDir, shown } from './company-paths.js';
import type { CandidateChecks } from './check-candidate.js';

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
