import { parseArgs } from 'node:util';
import { acceptProposals, type AcceptResult } from './accept-proposals.js';
import { readCompanyCatalog } from './company-catalog.js';
import { CompanyKbError } from './company-error.js';
import { proposalPath, shown } from './company-paths.js';
import { userMessage, type CommandIo } from './command-io.js';
import { proposalDocuments, readProposals } from './proposals-file.js';

const USAGE = [
  'usage: npm run kb:accept                              list every proposal',
  '       npm run kb:accept -- c001                      list the proposals from document c001',
  '       npm run kb:accept -- [c001] --ids ID,ID        accept these proposals',
  '       npm run kb:accept -- [c001] --all              accept every proposal that passed its checks',
  '',
].join('\n');

function list(docIds: readonly string[], io: CommandIo): void {
  if (docIds.length === 0) {
    io.out('No proposals. With an LLM configured, npm run kb:add proposes guidelines from each document it adds.\n');
    return;
  }
  const titles = new Map(readCompanyCatalog(io.root).map((d) => [d.id, d.title]));
  for (const docId of docIds) {
    io.out(`${docId} "${titles.get(docId) ?? '?'}" (${shown(proposalPath(io.root, docId))})\n`);
    for (const p of readProposals(io.root, docId)) {
      const state = p.status === 'accepted' ? 'accepted     ' : p.checks.passed ? 'can accept   ' : 'failed checks';
      const principle = (p.entry.principle as { en?: string } | undefined)?.en ?? '';
      io.out(`  ${state} ${p.id}: ${principle}\n`);
      if (!p.checks.passed) for (const problem of p.checks.problems) io.out(`      - ${problem}\n`);
    }
  }
}

function report(docId: string, r: AcceptResult, io: CommandIo): void {
  for (const id of r.accepted) io.out(`accepted ${id}\n`);
  for (const id of r.alreadyAccepted) io.out(`already accepted ${id}\n`);
  for (const { id, problems } of r.refused) io.err(`not accepted ${id}:\n${problems.map((p) => `  - ${p}\n`).join('')}`);
  if (r.file) io.out(`${docId}: ${r.accepted.length} accepted -> ${shown(r.file)}; knowledge base rebuilt: ${shown(io.artifactPath)}\n`);
  else if (r.accepted.length === 0 && r.refused.length === 0 && r.alreadyAccepted.length === 0) io.out(`${docId}: nothing to accept\n`);
}

/** The documents to act on and, per document, its selection. */
function plan(docId: string | undefined, ids: string[] | undefined, root: string): [string, string[] | 'all'][] {
  if (!ids) return (docId ? [docId] : proposalDocuments(root)).map((d) => [d, 'all']);
  const byDoc = new Map<string, string[]>();
  for (const id of ids) {
    const owner = docId ?? /^(c\d{3})-/.exec(id)?.[1];
    if (!owner) throw new CompanyKbError(`cannot tell which document ${id} comes from: name it (npm run kb:accept -- c001 --ids ${id})`);
    byDoc.set(owner, [...(byDoc.get(owner) ?? []), id]);
  }
  return [...byDoc];
}

/** `npm run kb:accept -- [docid] [--ids a,b | --all]`; returns the exit code (1 when a selected proposal was refused). */
export async function runKbAccept(argv: readonly string[], io: CommandIo): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: [...argv], allowPositionals: true, options: { ids: { type: 'string' }, all: { type: 'boolean' } } });
  } catch (error) {
    io.err(`kb:accept: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const docId = positionals[0];
  if (positionals.length > 1 || (docId !== undefined && !/^c\d{3}$/.test(docId)) || (values.ids !== undefined && values.all)) {
    io.err(USAGE);
    return 2;
  }
  const ids = values.ids?.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    if (!ids && !values.all) {
      list(docId ? [docId] : proposalDocuments(io.root), io);
      return 0;
    }
    const steps = plan(docId, ids, io.root);
    if (steps.length === 0) list([], io);
    let refused = 0;
    for (const [doc, select] of steps) {
      const result = await acceptProposals({ root: io.root, artifactPath: io.artifactPath, docId: doc, select });
      report(doc, result, io);
      refused += result.refused.length;
    }
    return refused > 0 ? 1 : 0;
  } catch (error) {
    const message = userMessage(error);
    if (message === null) throw error;
    io.err(`kb:accept: ${message}\n`);
    return 1;
  }
}
