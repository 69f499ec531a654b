import { prf, type EvalReport } from './score-items.js';

export interface EvalSet {
  file: string;
  role: 'held-out' | 'development';
  what: string;
}

const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`;

/** Every evaluation set side by side, held-out sets first: the table the README quotes. */
export function formatSets(rows: { set: EvalSet; report: EvalReport }[]): string {
  const lines = [
    '| set | role | items | precision | recall | F1 | false alarms on good replies | verdict right |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const { set, report: r } of rows) {
    const { precision, recall, f1 } = prf(r.overall);
    lines.push(
      `| ${set.file.replace(/\.jsonl$/, '')} | ${set.role} | ${r.items} | ${precision.toFixed(3)} | ${recall.toFixed(3)} | **${f1.toFixed(3)}** | ${r.goodDraftsFlagged}/${r.goodDrafts} (${pct(r.goodDraftsFlagged, r.goodDrafts)}) | ${pct(r.verdictCorrect, r.items)} |`,
    );
  }
  return lines.join('\n');
}
