import { styleText } from 'node:util';
import type { ReviewResult } from '../core/contract.js';

/** The human-readable report of the review CLI: quote highlighted, guideline, source, rewrites, next step. */
export interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  mark(s: string): string;
}

// Node's own styleText (20.12+) instead of hand-written escape codes; it also leaves them out where the terminal
// cannot show them.
const style = (format: Parameters<typeof styleText>[0]) => (s: string) => styleText(format, s);
export const COLOURS: Palette = { bold: style('bold'), dim: style('dim'), red: style('red'), yellow: style('yellow'), green: style('green'), mark: style('inverse') };
const id = (s: string) => s;
export const PLAIN: Palette = { bold: id, dim: id, red: id, yellow: id, green: id, mark: (s) => `[[${s}]]` };

export function formatReview(draft: string, r: ReviewResult, c: Palette): string {
  const verdictColour = r.verdict === 'block' ? c.red : r.verdict === 'revise' ? c.yellow : c.green;
  const out: string[] = [];
  out.push(`${c.bold('Warmline review')}  verdict: ${verdictColour(c.bold(r.verdict.toUpperCase()))}  language: ${r.lang}`);
  for (const note of r.notes ?? []) out.push(c.yellow(`note: ${note}`));
  // Highlight every finding's span in the draft, outermost first, without overlapping marks.
  let highlighted = '';
  let at = 0;
  for (const f of [...r.findings].sort((a, b) => a.start - b.start)) {
    if (f.start < at) continue;
    highlighted += draft.slice(at, f.start) + c.mark(draft.slice(f.start, f.end));
    at = f.end;
  }
  highlighted += draft.slice(at);
  out.push('', c.bold('Draft'), ...highlighted.split('\n').map((l) => `  ${l}`));
  out.push('', c.bold(r.findings.length ? `Findings (${r.findings.length})` : 'Findings: none'));
  r.findings.forEach((f, i) => {
    const sev = f.severity === 'critical' ? c.red(f.severity) : f.severity === 'major' ? c.yellow(f.severity) : c.dim(f.severity);
    out.push(`  ${i + 1}. [${sev}] ${c.bold(f.rule)}  "${f.quote}"`);
    out.push(`     ${f.message}`);
    out.push(c.dim(`     guideline ${f.guideline} · source ${f.source.document}: "${f.source.quote}"`));
  });
  out.push('', c.bold('Suggestions'));
  for (const s of r.suggestions) out.push(`  ${c.green(s.style)}:`, ...s.text.split('\n').map((l) => `    ${l}`));
  out.push('', `${c.bold('Next step')}: ${r.nextStep.text}`, c.dim(`  owner ${r.nextStep.owner} · when ${r.nextStep.when}`));
  out.push('', c.dim(`scores: warmth ${r.scores.warmth.toFixed(2)} · ownership ${r.scores.ownership.toFixed(2)} · clarity ${r.scores.clarity.toFixed(2)}`));
  return out.join('\n');
}
