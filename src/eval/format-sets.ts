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
  lines.push(
    '',
    'Alternatives (issue 8): where a finding marks part of a sentence, the share of its other content words the alternative keeps; placeholders per alternative of a flagged draft; alternatives with two time placeholders (two commitments).',
    '',
    '| set | other words kept | placeholders per flagged alternative | two commitments |',
    '|---|---|---|---|',
  );
  for (const { set, report: r } of rows) {
    const w = r.rewrites;
    lines.push(
      `| ${set.file.replace(/\.jsonl$/, '')} | ${pct(w.otherWordsKept, w.otherWords)} (${w.otherWordsKept}/${w.otherWords}) | ${(w.placeholders / Math.max(w.flaggedAlternatives, 1)).toFixed(2)} | ${pct(w.twoTimePlaceholders, w.flaggedAlternatives)} (${w.twoTimePlaceholders}/${w.flaggedAlternatives}) |`,
    );
  }
  lines.push(
    '',
    'The autofail code (issue 7): `rude-or-judgemental` found where the labels expect it, found where they do not, and good drafts the review would block.',
    '',
    '| set | rude found | rude where not expected | good drafts blocked |',
    '|---|---|---|---|',
  );
  for (const { set, report: r } of rows) {
    const c = r.byRule['rude-or-judgemental'] ?? { tp: 0, fp: 0, fn: 0 };
    lines.push(`| ${set.file.replace(/\.jsonl$/, '')} | ${c.tp + c.fn === 0 ? '–' : `${c.tp}/${c.tp + c.fn} (${pct(c.tp, c.tp + c.fn)})`} | ${c.fp} | ${r.goodDraftsBlocked}/${r.goodDrafts} |`);
  }
  return lines.join('\n');
}
