import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { scorePoliteness } from '../engine/score-politeness.js';
import { projectRoot } from '../core/paths.js';

/**
 * Zero-shot evaluation of the politeness score on the Stanford Politeness Corpus (Danescu-Niculescu-Mizil et al.,
 * 2013; ../shared/external/README.md section 4): per domain, the top quartile of `Normalized Score` is polite and
 * the bottom quartile impolite, and the AUC says how often a polite request scores above an impolite one.
 * Nothing here tunes anything: the weights come from knowledge/politeness/weights.yaml.
 */

export const POLITENESS_DOMAINS = [
  { name: 'wikipedia', file: 'wikipedia.annotated.csv', bar: 0.8 },
  { name: 'stack-exchange', file: 'stack-exchange.annotated.csv', bar: 0.7 },
] as const;

/** ../shared/external/politeness/ beside the project, or WARMLINE_POLITENESS_DIR. */
export const defaultPolitenessDir = () => process.env.WARMLINE_POLITENESS_DIR ?? join(projectRoot(), '..', 'shared', 'external', 'politeness');

/** The CSV files a directory lacks (empty when both are there). */
export function missingPolitenessFiles(dir: string): string[] {
  return POLITENESS_DOMAINS.map((d) => join(dir, d.file)).filter((f) => !existsSync(f));
}

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((r) => r.some((f) => f !== ''));
}

export interface RatedRequest {
  id: string;
  text: string;
  score: number;
}

export function readRatedRequests(path: string): RatedRequest[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`${path}: no '${name}' column`);
    return i;
  };
  const [id, text, score] = [col('Id'), col('Request'), col('Normalized Score')];
  return rows.map((r) => ({ id: r[id] ?? '', text: r[text] ?? '', score: Number(r[score]) }));
}

/** The top and bottom quarter by rating (floor(n/4) each, as in the paper's binary task). */
export function quartiles(items: readonly RatedRequest[]): { polite: RatedRequest[]; impolite: RatedRequest[] } {
  const sorted = [...items].sort((a, b) => a.score - b.score);
  const q = Math.floor(sorted.length / 4);
  return { polite: sorted.slice(sorted.length - q), impolite: sorted.slice(0, q) };
}

/** Area under the ROC curve: P(positive scores above negative), ties counting one half (Mann–Whitney U). */
export function auc(positives: readonly number[], negatives: readonly number[]): number {
  const all = [...positives.map((v) => ({ v, pos: true })), ...negatives.map((v) => ({ v, pos: false }))].sort((a, b) => a.v - b.v);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j]!.v === all[i]!.v) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k]!.pos) rankSum += midRank;
    i = j;
  }
  const p = positives.length;
  const n = negatives.length;
  return (rankSum - (p * (p + 1)) / 2) / (p * n);
}

export interface DomainResult {
  domain: string;
  items: number;
  polite: number;
  impolite: number;
  auc: number;
  bar: number;
}

/** Scores one domain's CSV with the English strategies and returns its top-vs-bottom-quartile AUC. */
export function evaluateDomain(kb: KnowledgeBase, dir: string, domain: (typeof POLITENESS_DOMAINS)[number]): DomainResult {
  const items = readRatedRequests(join(dir, domain.file));
  const { polite, impolite } = quartiles(items);
  const value = (r: RatedRequest) => scorePoliteness(kb.politeness, 'en', r.text).value;
  return { domain: domain.name, items: items.length, polite: polite.length, impolite: impolite.length, auc: auc(polite.map(value), impolite.map(value)), bar: domain.bar };
}
