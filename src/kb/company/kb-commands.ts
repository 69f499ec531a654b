import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { acceptProposals, type AcceptResult } from './accept-proposals.js';
import { addDocument, type AddDocumentResult } from './add-document.js';
import { CompanyKbError, proposalPath, readCompanyCatalog, shown } from './company-store.js';
import type { LlmLoad } from './propose-guidelines.js';
import { proposalDocuments, readProposals } from './proposals.js';

// The kb:add and kb:accept commands: arguments in, a report out, an exit code back; src/cli/kb-add-cli.ts and
// kb-accept-cli.ts only wire them to the process.

/** What the kb:add and kb:accept commands need from the outside, so tests can run them on a temporary root. */
export interface CommandIo {
  root: string;
  artifactPath: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The folder relative file arguments are resolved against (npm run changes to the project root). */
  cwd?: string;
  loadLlm?: () => Promise<LlmLoad>;
}

/** Errors meant for the user (a bad argument, a broken knowledge file) print as one line; the rest are bugs. */
export function userMessage(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  if (error.name === 'CompanyKbError' || error.name === 'KnowledgeError') return error.message;
  return null;
}

// kb:add

const ADD_USAGE = 'usage: npm run kb:add -- FILE [--title "Title"] [--lang fi|pl|hu|en]   (FILE: .txt, .md, .pdf or .docx)\n';

function reportAdd(r: AddDocumentResult, io: CommandIo, llmNote: string | undefined): void {
  const d = r.document;
  io.out(`Added ${d.id} "${d.title}" (${d.lang}, ${r.text.length} characters, ${r.passages} passages) from ${d.original}\n`);
  io.out(`Knowledge base rebuilt: ${shown(io.artifactPath)}; the document's passages are in the retrieval index.\n`);
  const p = r.proposals;
  if (p.status === 'no-llm') {
    io.out(`No LLM configured${llmNote ? ` (${llmNote})` : ''}: no guidelines were proposed.\n`);
  } else if (p.status === 'llm-failed') {
    io.out(`The LLM could not propose guidelines (${p.detail}); the document is added all the same.\n`);
  } else if (p.proposals.length === 0 || !p.file) {
    io.out('The LLM proposed no guidelines for this document.\n');
  } else {
    const passed = p.proposals.filter((x) => x.checks.passed);
    io.out(`Proposed ${p.proposals.length} guidelines (${passed.length} passed their checks) -> ${shown(p.file)}\n`);
    for (const x of p.proposals) {
      io.out(`  ${x.checks.passed ? 'ok    ' : 'FAILED'} ${x.id}${x.checks.passed ? '' : `: ${x.checks.problems[0] ?? ''}`}\n`);
    }
    if (passed.length > 0) io.out(`Nothing is used until accepted: npm run kb:accept -- ${d.id} --ids ${passed.map((x) => x.id).join(',')}\n`);
  }
}

/** `npm run kb:add -- FILE [--title T] [--lang L]`; returns the exit code. */
export async function runKbAdd(argv: readonly string[], io: CommandIo): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: [...argv], allowPositionals: true, options: { title: { type: 'string' }, lang: { type: 'string' } } });
  } catch (error) {
    io.err(`kb:add: ${(error as Error).message}\n${ADD_USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (positionals.length !== 1) {
    io.err(ADD_USAGE);
    return 2;
  }
  try {
    const llm = io.loadLlm ? await io.loadLlm() : { client: null };
    const result = await addDocument(resolve(io.cwd ?? process.cwd(), positionals[0]!), {
      root: io.root,
      artifactPath: io.artifactPath,
      title: values.title,
      lang: values.lang,
      llm: llm.client,
    });
    reportAdd(result, io, llm.note);
    return 0;
  } catch (error) {
    const message = userMessage(error);
    if (message === null) throw error;
    io.err(`kb:add: ${message}\n`);
    return 1;
  }
}

// kb:accept

const ACCEPT_USAGE = [
  'usage: npm run kb:accept                              list every proposal',
  '       npm run kb:accept -- c001                      list the proposals from document c001',
  '       npm run kb:accept -- [c001] --ids ID,ID        accept these proposals',
  '       npm run kb:accept -- [c001] --all              accept every proposal that passed its checks',
  '',
].join('\n');

function listProposals(docIds: readonly string[], io: CommandIo): void {
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

function reportAccept(docId: string, r: AcceptResult, io: CommandIo): void {
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
    io.err(`kb:accept: ${(error as Error).message}\n${ACCEPT_USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  const docId = positionals[0];
  if (positionals.length > 1 || (docId !== undefined && !/^c\d{3}$/.test(docId)) || (values.ids !== undefined && values.all)) {
    io.err(ACCEPT_USAGE);
    return 2;
  }
  const ids = values.ids?.split(',').map((s) => s.trim()).filter(Boolean);
  try {
    if (!ids && !values.all) {
      listProposals(docId ? [docId] : proposalDocuments(io.root), io);
      return 0;
    }
    const steps = plan(docId, ids, io.root);
    if (steps.length === 0) listProposals([], io);
    let refused = 0;
    for (const [doc, select] of steps) {
      const result = await acceptProposals({ root: io.root, artifactPath: io.artifactPath, docId: doc, select });
      reportAccept(doc, result, io);
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
