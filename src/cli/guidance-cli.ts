import { parseArgs } from 'node:util';
import { isLang } from '../core/contract.js';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { searchGuidance } from '../retrieval/search-guidance.js';

/** `npm run -s guidance -- "what should I say when a customer asks for a transfer?"` */
function main(): number {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, lang: { type: 'string' }, limit: { type: 'string' } } });
  const question = positionals.join(' ').trim();
  if (!question) {
    process.stderr.write('usage: npm run -s guidance -- "question" [--lang fi|pl|hu|en] [--limit N] [--json]\n');
    return 2;
  }
  const answer = searchGuidance(loadKnowledgeBase(), question, {
    lang: isLang(values.lang) ? values.lang : undefined,
    limit: values.limit ? Math.max(1, Number(values.limit) || 3) : undefined,
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return 0;
  }
  if (answer.guidelines.length === 0 && answer.passages.length === 0) {
    process.stdout.write('The guidance does not cover this question. Try other words, e.g. "transfer", "policy", "apology".\n');
    return 0;
  }
  const out: string[] = [`Guidance for: ${question}`, ''];
  answer.guidelines.forEach((g, i) => {
    out.push(`${i + 1}. ${g.rule} (${g.severity}) · ${g.guideline}`);
    out.push(`   ${g.message}`);
    out.push(`   avoid:  ${g.example.incorrect}`);
    out.push(`   better: ${g.example.correct}`);
    out.push(`   source ${g.source.document} (${g.source.title}): "${g.source.quote}"`, '');
  });
  if (answer.passages.length > 0) {
    out.push('From the training documents:');
    for (const p of answer.passages) out.push(`- ${p.document} ${p.title} [${p.passage}]:`, `  ${p.text.replace(/\s+/g, ' ').slice(0, 400)}…`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

process.exitCode = main();
