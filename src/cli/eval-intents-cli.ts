import { readFileSync } from 'node:fs';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { parseJsonLines } from '../eval/read-jsonl.js';
import { scoreIntents, type IntentItem, type IntentReport } from '../eval/score-intents.js';

/**
 * `npm run eval:intents [-- FILE.jsonl …] [--verbose] [--json]`: how well the bot tells a draft from a greeting,
 * thanks, help, a guidance or coaching question, practice and stop, in fi/pl/hu/en, typed from an English client.
 * Without files: the held-out set first, then the development set.
 */
const DEFAULT_FILES = ['test/data/intents/intents-test.jsonl', 'test/data/intents/intents-test2.jsonl', 'test/data/intents/intents-test3.jsonl', 'test/data/intents/intents-test4.jsonl', 'test/data/intents/intents-dev.jsonl', 'test/data/intents/intents-dev2.jsonl', 'test/data/intents/intents-dev3.jsonl', 'test/data/intents/intents-dev4.jsonl', 'test/data/intents/intents-dev5.jsonl', 'test/data/intents/intents-dev6.jsonl', 'test/data/intents/intents-dev7.jsonl', 'test/data/intents/intents-dev8.jsonl', 'test/data/intents/intents-dev9.jsonl', 'test/data/intents/intents-dev10.jsonl'];

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const asJson = args.includes('--json');
const files = args.filter((a) => !a.startsWith('--'));

function readItems(file: string): IntentItem[] {
  return parseJsonLines(readFileSync(file, 'utf8')).map((l) => {
    if ('error' in l) throw new Error(`${file}: ${l.error}`);
    return l.value as IntentItem;
  });
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;

function row(file: string, r: IntentReport): string {
  const langs = ['fi', 'pl', 'hu', 'en'].map((l) => pct(r.perLang[l]?.correct ?? 0, r.perLang[l]?.items ?? 0)).join(' | ');
  return `| ${file.replace(/^.*\//, '')} | ${r.items} | **${pct(r.correct, r.items)}** | ${langs} | ${r.reviewedWrongly} | ${r.draftsMissed} | ${r.asked} | ${pct(r.languageRight, r.items)} |`;
}

const kb = loadKnowledgeBase();
const reports = (files.length ? files : DEFAULT_FILES).map((file) => ({ file, report: scoreIntents(readItems(file), kb) }));
if (asJson) {
  process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
} else {
  console.log('| set | messages | intent right | fi | pl | hu | en | not-drafts reviewed | drafts not reviewed | bot asked | language right |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const { file, report } of reports) console.log(row(file, report));
  if (verbose) {
    for (const { file, report } of reports) {
      console.log(`\n${file}: per intent`);
      for (const [k, v] of Object.entries(report.perIntent)) console.log(`  ${k.padEnd(10)} ${v.correct}/${v.items}`);
      for (const m of report.misses) console.log(`  - ${m.id} expected ${m.expected}, got ${m.got} (${m.gotLang}): ${JSON.stringify(m.text).slice(0, 140)}`);
    }
  }
}
