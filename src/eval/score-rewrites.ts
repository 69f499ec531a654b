import type { Lang, ReviewResult } from '../core/contract.js';
import { fold } from '../core/fold-text.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { segmentSentences } from '../engine/segment-sentences.js';
import { countTimePlaceholders } from '../engine/suggest-replies.js';

/**
 * How much of the agent's own draft an alternative keeps (issue 8): an editor changes the words that carry the
 * problem, not the sentence around them, fills in only what the agent did not give, and commits once.
 */
export interface RewriteCounts {
  /** Alternatives of drafts with at least one finding. */
  flaggedAlternatives: number;
  /** `[…]` placeholders in those alternatives. */
  placeholders: number;
  /** Alternatives with two or more time placeholders: two commitments in one reply. */
  twoTimePlaceholders: number;
  /** Where a finding marks part of a sentence: that sentence's other content words, and how many the alternative keeps. */
  otherWords: number;
  otherWordsKept: number;
}

export const emptyRewriteCounts = (): RewriteCounts => ({ flaggedAlternatives: 0, placeholders: 0, twoTimePlaceholders: 0, otherWords: 0, otherWordsKept: 0 });

export function countRewrites(counts: RewriteCounts, kb: KnowledgeBase, lang: Lang, draft: string, result: ReviewResult): void {
  if (result.findings.length === 0) return;
  const stop = new Set((kb.artifact.languages.find((l) => l.lang === lang)?.stopwords ?? []).map((w) => fold(w)));
  const contentWords = (text: string) => (fold(text).match(/[\p{L}\p{N}']{3,}/gu) ?? []).filter((w) => !stop.has(w));
  const sentences = segmentSentences(draft);
  // The other content words of every sentence a finding marks only part of.
  const others: string[] = [];
  for (const s of sentences) {
    const inside = result.findings.filter((f) => f.start < s.end && f.end > s.start);
    if (inside.length === 0 || inside.some((f) => f.start <= s.start && f.end >= s.end)) continue;
    let rest = s.text;
    for (const f of [...inside].sort((a, b) => b.start - a.start)) {
      const from = Math.max(0, f.start - s.start);
      const to = Math.min(s.text.length, f.end - s.start);
      rest = rest.slice(0, from) + ' '.repeat(to - from) + rest.slice(to);
    }
    others.push(...contentWords(rest));
  }
  for (const s of result.suggestions) {
    counts.flaggedAlternatives++;
    counts.placeholders += s.text.match(/\[[^\]]{1,80}\]/gu)?.length ?? 0;
    if (countTimePlaceholders(s.text) >= 2) counts.twoTimePlaceholders++;
    const kept = new Set(contentWords(s.text));
    counts.otherWords += others.length;
    counts.otherWordsKept += others.filter((w) => kept.has(w)).length;
  }
}
