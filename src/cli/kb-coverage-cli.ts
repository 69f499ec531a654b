import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { lintRule } from '../kb/lint-rules.js';
import { ruleCoverage } from '../kb/rule-coverage.js';

/**
 * `npm run kb:coverage`: for every pattern, token rule and class of cues, which of its guideline's own examples exercise it,
 * and which break the lint (length, lookarounds). Exits 1 when any rule is unexercised or fails the lint.
 */
const { values } = parseArgs({ options: { all: { type: 'boolean' }, json: { type: 'boolean' } } });
const uses = ruleCoverage(loadKnowledgeBase());
const unused = uses.filter((u) => u.hits.length === 0);
const lint = uses.flatMap((u) => lintRule(u.form, u.source).map((problem) => ({ ...u, problem })));
if (values.json) {
  process.stdout.write(`${JSON.stringify({ total: uses.length, unused, lint })}\n`);
} else {
  const count = (form: string) => uses.filter((u) => u.form === form).length;
  process.stdout.write(
    `${uses.length} rules (${count('rule')} token rules, ${count('pattern')} patterns, ${count('cue')} classes of cues); ${unused.length} exercised by no example; ${lint.length} over the lint's limits\n`,
  );
  for (const u of values.all ? uses : unused) {
    process.stdout.write(`${u.hits.length === 0 ? 'UNUSED ' : ''}${u.guideline} ${u.lang} ${u.form} ${u.index}: ${u.hits.length} example(s)  ${u.source.slice(0, 120)}\n`);
  }
  for (const l of lint) process.stdout.write(`LINT ${l.guideline} ${l.lang} ${l.form} ${l.index}: ${l.problem}\n`);
}
process.exitCode = unused.length > 0 || lint.length > 0 ? 1 : 0;
