import { prf, type Counts, type EvalReport } from './score-items.js';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
const f2 = (n: number) => n.toFixed(3);
const row = (name: string, c: Counts) => {
  const { precision, recall, f1 } = prf(c);
  return `| ${name} | ${f2(precision)} | ${f2(recall)} | ${f2(f1)} | ${c.tp} | ${c.fp} | ${c.fn} |`;
};

/** The evaluation table in Markdown, as the README quotes it. */
export function formatReport(r: EvalReport, title: string): string {
  const lines = [
    `## ${title} (${r.items} items)`,
    '',
    '| scope | precision | recall | F1 | TP | FP | FN |',
    '|---|---|---|---|---|---|---|',
    row('**all (micro)**', r.overall),
    ...Object.entries(r.byLang).map(([l, c]) => row(l, c)),
    '',
    '| rule | precision | recall | F1 | TP | FP | FN |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(r.byRule).map(([rule, c]) => row(rule, c)),
    '',
    '| measure | value |',
    '|---|---|',
    `| false positives on good drafts | ${r.goodDraftsFlagged}/${r.goodDrafts} (${pct(r.goodDrafts ? r.goodDraftsFlagged / r.goodDrafts : 0)}) |`,
    `| verdict accuracy | ${r.verdictCorrect}/${r.items} (${pct(r.verdictCorrect / Math.max(r.items, 1))}) |`,
    `| language detection | ${r.langCorrect}/${r.items} (${pct(r.langCorrect / Math.max(r.items, 1))}) |`,
    `| suggestions clean on re-review | ${r.suggestions.cleanOnReview}/${r.suggestions.total} (${pct(r.suggestions.cleanOnReview / Math.max(r.suggestions.total, 1))}) |`,
    `| suggestions keep facts | ${r.suggestions.keepFacts}/${r.suggestions.total} (${pct(r.suggestions.keepFacts / Math.max(r.suggestions.total, 1))}) |`,
    `| suggestions in the draft's language | ${r.suggestions.sameLanguage}/${r.suggestions.total} (${pct(r.suggestions.sameLanguage / Math.max(r.suggestions.total, 1))}) |`,
    `| alternatives keep the flagged sentence's other words | ${r.rewrites.otherWordsKept}/${r.rewrites.otherWords} (${pct(r.rewrites.otherWordsKept / Math.max(r.rewrites.otherWords, 1))}) |`,
    `| placeholders per flagged alternative | ${(r.rewrites.placeholders / Math.max(r.rewrites.flaggedAlternatives, 1)).toFixed(2)} |`,
    `| alternatives with two time placeholders | ${r.rewrites.twoTimePlaceholders}/${r.rewrites.flaggedAlternatives} (${pct(r.rewrites.twoTimePlaceholders / Math.max(r.rewrites.flaggedAlternatives, 1))}) |`,
  ];
  return lines.join('\n');
}
