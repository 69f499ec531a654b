import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { typoMaker } from '../eval/add-typos.js';
import type { EvalSet } from '../eval/format-sets.js';
import { parseJsonLines } from '../eval/read-jsonl.js';
import { prf, scoreItems, type EvalItem } from '../eval/score-items.js';
import { runCli } from './run-cli.js';

const SETS = 'test/data/sets.json';

/** `npm run eval:typos`: every evaluation set as written, with swapped letters, and with mixed typos. */
async function main(): Promise<number> {
  const sets = JSON.parse(readFileSync(SETS, 'utf8')) as EvalSet[];
  const kb = loadKnowledgeBase();
  const lines = [
    'Typos (seeded, the same every run): one word in seven of five letters or more gets one typo. F1 and good drafts flagged.',
    '',
    '| set | role | as written | swapped letters | mixed typos (swap, wrong, missing, doubled letter) |',
    '|---|---|---|---|---|',
  ];
  for (const set of sets) {
    const items: EvalItem[] = [];
    for (const entry of parseJsonLines(readFileSync(join(dirname(SETS), set.file), 'utf8'))) if (!('error' in entry)) items.push(entry.value as EvalItem);
    const cells: string[] = [];
    for (const change of [(t: string) => t, typoMaker('swap'), typoMaker('mixed')]) {
      const r = await scoreItems(items.map((i) => ({ ...i, draft: change(i.draft) })), kb);
      cells.push(`${prf(r.overall).f1.toFixed(3)}, ${r.goodDraftsFlagged}/${r.goodDrafts}`);
    }
    lines.push(`| ${set.file.replace(/\.jsonl$/, '')} | ${set.role} | ${cells.join(' | ')} |`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

runCli('eval:typos failed', main);
