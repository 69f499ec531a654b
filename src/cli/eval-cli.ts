import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { formatReport } from '../eval/format-report.js';
import { parseJsonLines } from '../eval/read-jsonl.js';
import { scoreItems, type EvalItem } from '../eval/score-items.js';

const USAGE = 'usage: npm run eval -- FILE.jsonl [--rule CODE] [--lang fi|pl|hu|en] [--verbose] [--json]';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rule: { type: 'string' }, lang: { type: 'string' }, verbose: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help || positionals.length !== 1) {
    process.stderr.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const file = positionals[0]!;
  const items: EvalItem[] = [];
  for (const entry of parseJsonLines(readFileSync(file, 'utf8'))) {
    if ('error' in entry) {
      process.stderr.write(`${file}: ${entry.error}\n`);
      return 1;
    }
    items.push(entry.value as EvalItem);
  }
  const selected = values.lang ? items.filter((i) => i.lang === values.lang) : items;
  const kb = loadKnowledgeBase();
  const report = scoreItems(selected, kb);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  process.stdout.write(`${formatReport(report, `Evaluation of ${file}`)}\n`);
  const rule = values.rule;
  const details = report.outcomes.filter((o) =>
    rule ? o.falseNegatives.includes(rule as never) || o.falsePositives.includes(rule as never) : values.verbose && (o.falseNegatives.length + o.falsePositives.length > 0 || !o.verdictOk || o.suggestionProblems.length > 0),
  );
  if (details.length > 0) process.stdout.write(`\n${rule ? `Misses and false alarms for ${rule}` : 'Items with errors'}:\n`);
  for (const o of details) {
    const item = selected.find((i) => i.id === o.id)!;
    process.stdout.write(
      `- ${o.id}: missed [${o.falseNegatives.join(', ')}] extra [${o.falsePositives.join(', ')}]${o.verdictOk ? '' : ' verdict wrong'}${o.suggestionProblems.length ? ` suggestions: ${o.suggestionProblems.join('; ')}` : ''}\n    ${JSON.stringify(item.draft).slice(0, 300)}\n`,
    );
  }
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`eval failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
