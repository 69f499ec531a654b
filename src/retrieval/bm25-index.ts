import type { SerializedIndex } from '../core/knowledge-artifact.js';
/**
 * A small BM25 index that serialises to JSON: built once by `npm run kb:build`, loaded at start-up.
 */

export interface IndexedItem {
  /** `guideline:<id>` or `passage:<document>-<n>` */
  ref: string;
  terms: string[];
}

export type { SerializedIndex } from '../core/knowledge-artifact.js';

export function buildIndex(items: readonly IndexedItem[], k1 = 1.2, b = 0.75): SerializedIndex {
  const postings: Record<string, number[]> = {};
  items.forEach((item, i) => {
    const tf = new Map<string, number>();
    for (const t of item.terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) (postings[t] ??= []).push(i, n);
  });
  const lengths = items.map((i) => i.terms.length);
  const avgLength = lengths.reduce((a, n) => a + n, 0) / Math.max(lengths.length, 1);
  return { k1, b, avgLength, refs: items.map((i) => i.ref), lengths, postings };
}

export interface Hit {
  ref: string;
  score: number;
}

export function searchIndex(index: SerializedIndex, queryTerms: readonly string[], limit = 5): Hit[] {
  const n = index.refs.length;
  const scores = new Float64Array(n);
  for (const t of new Set(queryTerms)) {
    const list = index.postings[t];
    if (!list) continue;
    const df = list.length / 2;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (let i = 0; i < list.length; i += 2) {
      const item = list[i]!;
      const tf = list[i + 1]!;
      const norm = tf + index.k1 * (1 - index.b + (index.b * index.lengths[item]!) / index.avgLength);
      scores[item]! += (idf * tf * (index.k1 + 1)) / norm;
    }
  }
  const hits: Hit[] = [];
  scores.forEach((score, i) => {
    if (score > 0) hits.push({ ref: index.refs[i]!, score });
  });
  return hits.sort((a, b) => b.score - a.score).slice(0, limit);
}
