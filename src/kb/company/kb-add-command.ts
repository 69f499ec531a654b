import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { addDocument, type AddDocumentResult } from './add-document.js';
import { shown } from './company-paths.js';
import { userMessage, type CommandIo } from './command-io.js';

const USAGE = 'usage: npm run kb:add -- FILE [--title "Title"] [--lang fi|pl|hu|en]   (FILE: .txt, .md, .pdf or .docx)\n';

function report(r: AddDocumentResult, io: CommandIo, llmNote: string | undefined): void {
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
    io.err(`kb:add: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = args;
  if (positionals.length !== 1) {
    io.err(USAGE);
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
    report(result, io, llm.note);
    return 0;
  } catch (error) {
    const message = userMessage(error);
    if (message === null) throw error;
    io.err(`kb:add: ${message}\n`);
    return 1;
  }
}
