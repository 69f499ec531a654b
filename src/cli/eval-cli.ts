import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { dirname, join } from 'node:path';
import { formatReport } from '../eval/format-report.js';
import { formatSets, type EvalSet } from '../eval/format-sets.js';
import { parseJsonLines } from '../eval/read-jsonl.js';
import { scoreItems, type EvalItem, type Reviewer } from '../eval/score-items.js';
import { createAssistantLlm } from '../llm/create-assistant-llm.js';
import { loadDotEnv } from '../config/load-dotenv.js';
import { runCli } from './run-cli.js';

const USAGE =
  'usage: npm run eval -- [FILE.jsonl] [--rule CODE] [--lang fi|pl|hu|en] [--llm] [--verbose] [--json]\n  (no FILE: every set in test/data/sets.json, side by side; --role development|held-out: only those sets)';
const SETS = 'test/data/sets.json';

function readItems(file: string): EvalItem[] {
  const items: EvalItem[] = [];
  for (const entry of parseJsonLines(readFileSync(file, 'utf8'))) {
    if ('error' in entry) throw new Error(`${file}: ${entry.error}`);
    items.push(entry.value as EvalItem);
  }
  return items;
}

/** `npm run eval` with no file: every set, held-out first, one line each. `--role development` scores only the
 * sets one may study, so tuning never runs (and never shows) the held-out ones. */
async function allSets(role?: string): Promise<number> {
  const sets = (JSON.parse(readFileSync(SETS, 'utf8')) as EvalSet[]).filter((s) => !role || s.role === role);
  if (sets.length === 0) {
    process.stderr.write(`no set in ${SETS} has the role "${role}"\n`);
    return 2;
  }
  const kb = loadKnowledgeBase();
  const rows = [];
  for (const set of sets) rows.push({ set, report: await scoreItems(readItems(join(dirname(SETS), set.file)), kb) });
  process.stdout.write(`${formatSets(rows)}\n`);
  return 0;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rule: { type: 'string' }, lang: { type: 'string' }, role: { type: 'string' }, verbose: { type: 'boolean' }, json: { type: 'boolean' }, llm: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (!values.help && positionals.length === 0 && !values.llm) return allSets(values.role);
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
  let title = `Evaluation of ${file}`;
  let reviewer: Reviewer | undefined;
  if (values.llm) {
    loadDotEnv();
    // Same items, same table, with the configured model: compare the two modes on your own data.
    const llm = createAssistantLlm(process.env, kb);
    if (!llm) {
      process.stderr.write('--llm needs OPENAI_API_KEY (optionally OPENAI_BASE_URL) or AZURE_OPENAI_API_KEY with its endpoint and deployment\n');
      return 2;
    }
    const statuses = new Map<string, number>();
    reviewer = async (request) => {
      const result = await llm.reviewer.review(request, llm.budgets.chatMs);
      statuses.set(result.llm.status, (statuses.get(result.llm.status) ?? 0) + 1);
      return result;
    };
    title = `Evaluation of ${file}, LLM mode (${llm.client.mode}, ${llm.client.chatModel})`;
    process.on('exit', () => process.stderr.write(`LLM call outcomes: ${[...statuses].map(([k, v]) => `${k} ${v}`).join(', ')}\n`));
  }
  const report = await scoreItems(selected, kb, reviewer);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  process.stdout.write(`${formatReport(report, title)}\n`);
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

runCli('eval failed', main);
