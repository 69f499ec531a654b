import type { PolitenessArtifact } from '../core/knowledge-artifact.js';
import type { Lang } from '../core/contract.js';
import { fold } from '../core/fold-text.js';
import { segmentSentences, type Sentence } from './segment-sentences.js';

/**
 * Politeness as people perceive it, from the strategies of Danescu-Niculescu-Mizil et al. (ACL 2013):
 * gratitude, greetings, apologies, "could you", hedges raise it; direct questions, "so…" starts, "you…" starts,
 * "in fact", bare imperatives lower it. The strategies and their weights are data (knowledge/politeness/).
 */

/** The strategies with their patterns ready to run; regular expressions are built per language on first use. */
export interface RuntimePoliteness {
  strategies: PolitenessArtifact['strategies'];
  /** Per strategy, in the order of `strategies`: one alternation of the language's patterns, or null (none). */
  patterns(lang: Lang): (RegExp | null)[];
}

/** A strategy found in a text: its first use, as a span of the original text. */
export interface StrategyUse {
  strategy: string;
  weight: number;
  start: number;
  end: number;
  quote: string;
}

export interface PolitenessScore {
  /** The sum of the weights of the strategies used, each once: 0 is an average request, 1 a markedly polite one. */
  value: number;
  strategies: StrategyUse[];
}

export function politenessFrom(artifact: PolitenessArtifact | undefined): RuntimePoliteness {
  const strategies = artifact?.strategies ?? [];
  const built = new Map<Lang, (RegExp | null)[]>();
  return {
    strategies,
    patterns(lang) {
      let res = built.get(lang);
      if (!res) {
        res = strategies.map(({ name }) => {
          const sources = artifact?.patterns[lang]?.[name] ?? [];
          return sources.length > 0 ? new RegExp(sources.map((s) => `(?:${s})`).join('|'), 'gu') : null;
        });
        built.set(lang, res);
      }
      return res;
    },
  };
}

const WORD_START = /[\p{L}\p{N}]/u;

/**
 * The politeness strategies a text uses and its politeness value. Patterns run one sentence at a time, so `^`
 * is a sentence start (after any quote or bullet); a strategy counts once however often it is used, as in the
 * paper, and a match overlapping one of its `notWhere` strategies does not count.
 *
 * @example scorePoliteness(kb.politeness, 'en', 'Could you please check it?').strategies.map((s) => s.strategy)
 *   // ['please', 'counterfactual-modal', 'second-person']
 */
export function scorePoliteness(p: RuntimePoliteness, lang: Lang, text: string, prepared?: { folded: string; sentences: readonly Sentence[] }): PolitenessScore {
  // A review has already folded and split the draft (review-context.ts): reuse that rather than do it twice.
  const folded = prepared?.folded ?? fold(text);
  const regexes = p.patterns(lang);
  const spans: [number, number][][] = p.strategies.map(() => []);
  for (const sentence of prepared?.sentences ?? segmentSentences(text)) {
    let from = sentence.start;
    while (from < sentence.end && !WORD_START.test(folded.charAt(from))) from++;
    const slice = folded.slice(from, sentence.end);
    p.strategies.forEach((strategy, i) => {
      const re = regexes[i];
      if (!re || (strategy.in === 'question' && !sentence.isQuestion) || (strategy.in === 'statement' && sentence.isQuestion)) return;
      re.lastIndex = 0;
      for (let m = re.exec(slice); m; m = re.exec(slice)) {
        spans[i]!.push([from + m.index, from + m.index + m[0].length]);
        if (m[0].length === 0) re.lastIndex++;
      }
    });
  }
  const index = new Map(p.strategies.map((s, i) => [s.name, i]));
  const used: StrategyUse[] = [];
  p.strategies.forEach((strategy, i) => {
    const blockers = strategy.notWhere.flatMap((name) => spans[index.get(name) ?? -1] ?? []);
    const first = spans[i]!.find(([a, b]) => !blockers.some(([c, d]) => a < d && c < b));
    if (first) used.push({ strategy: strategy.name, weight: strategy.weight, start: first[0], end: first[1], quote: text.slice(first[0], first[1]) });
  });
  const value = used.reduce((sum, u) => sum + u.weight, 0);
  return { value: Math.round(value * 1000) / 1000, strategies: used };
}
