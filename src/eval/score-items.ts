import { LANGS, RULE_CODES, verdictFor, type Lang, type ReviewResult, type RuleCode } from '../core/contract.js';
import { factKey, factsToKeep, faultSpans } from '../engine/extract-facts.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { review } from '../engine/review.js';
import { countRewrites, emptyRewriteCounts, type RewriteCounts } from './score-rewrites.js';

/** One labelled item of an evaluation file (../shared/eval/README.md). */
export interface EvalItem {
  id: string;
  lang: Lang;
  draft: string;
  customer?: string;
  channel?: string;
  firstReply?: boolean;
  expect: RuleCode[];
  allow?: RuleCode[];
  verdict: string;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface ItemOutcome {
  id: string;
  lang: Lang;
  found: RuleCode[];
  falsePositives: RuleCode[];
  falseNegatives: RuleCode[];
  verdictOk: boolean;
  detectedLang: string | null;
  suggestionProblems: string[];
}

export interface EvalReport {
  items: number;
  overall: Counts;
  byLang: Record<string, Counts>;
  byRule: Record<string, Counts>;
  goodDrafts: number;
  goodDraftsFlagged: number;
  /** Good drafts the review would stop from going out (verdict `block`): the autofail code's cost. */
  goodDraftsBlocked: number;
  verdictCorrect: number;
  langCorrect: number;
  suggestions: { total: number; cleanOnReview: number; keepFacts: number; sameLanguage: number };
  rewrites: RewriteCounts;
  outcomes: ItemOutcome[];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Only the request fields reach the engine: the labels never do. */
function requestOf(item: EvalItem) {
  return { id: item.id, draft: item.draft, customer: item.customer, lang: item.lang, channel: item.channel, firstReply: item.firstReply };
}

export type Reviewer = (request: ReturnType<typeof requestOf>) => ReviewResult | Promise<ReviewResult>;

export async function scoreItems(items: readonly EvalItem[], kb: KnowledgeBase, reviewer: Reviewer = (r) => review(r, { kb })): Promise<EvalReport> {
  const report: EvalReport = {
    items: items.length, overall: zero(), byLang: Object.fromEntries(LANGS.map((l) => [l, zero()])),
    byRule: Object.fromEntries(RULE_CODES.map((r) => [r, zero()])), goodDrafts: 0, goodDraftsFlagged: 0, goodDraftsBlocked: 0,
    verdictCorrect: 0, langCorrect: 0, suggestions: { total: 0, cleanOnReview: 0, keepFacts: 0, sameLanguage: 0 }, rewrites: emptyRewriteCounts(), outcomes: [],
  };
  for (const item of items) {
    const result = await reviewer(requestOf(item));
    const found = [...new Set(result.findings.map((f) => f.rule))];
    const expect = new Set(item.expect);
    const allow = new Set(item.allow ?? []);
    const lang = (report.byLang[item.lang] ??= zero());
    const tally = (rule: RuleCode, key: keyof Counts) => {
      report.overall[key]++;
      lang[key]++;
      (report.byRule[rule] ??= zero())[key]++;
    };
    const falsePositives = found.filter((r) => !expect.has(r) && !allow.has(r));
    const falseNegatives = item.expect.filter((r) => !found.includes(r));
    found.filter((r) => expect.has(r)).forEach((r) => tally(r, 'tp'));
    falsePositives.forEach((r) => tally(r, 'fp'));
    falseNegatives.forEach((r) => tally(r, 'fn'));
    if (item.expect.length === 0) {
      report.goodDrafts++;
      if (falsePositives.length > 0) report.goodDraftsFlagged++;
      if (verdictFor(result.findings) === 'block') report.goodDraftsBlocked++;
    }
    // An allowed code neither scores nor costs, so it does not move the verdict either: where two annotators
    // disagree whether a reply misses its next step (major), the verdict is judged without that finding.
    const verdictOk = verdictFor(result.findings.filter((f) => !allow.has(f.rule))) === item.verdict;
    if (verdictOk) report.verdictCorrect++;

    let detected = kb.detector.detect(item.draft).lang;
    if (!detected && item.customer) detected = kb.detector.detect(`${item.draft}\n${item.customer}`).lang;
    if (detected === item.lang) report.langCorrect++;

    countRewrites(report.rewrites, kb, item.lang, item.draft, result);
    const problems: string[] = [];
    // Links, e-mails and identifiers always; other numbers unless they sit in the words at fault, or in the sentence of
    // the agent's venting (extract-facts.ts).
    const facts = factsToKeep(item.draft, faultSpans(item.draft, result.findings));
    for (const s of result.suggestions) {
      report.suggestions.total++;
      // Suggestions are re-checked by the offline rules, in either mode: they have the last word.
      const again = review({ ...requestOf(item), draft: s.text, firstReply: false }, { kb });
      const bad = again.findings.filter((f) => f.severity !== 'minor');
      if (bad.length === 0) report.suggestions.cleanOnReview++;
      else problems.push(`${s.style}: ${bad.map((f) => `${f.rule} "${f.quote}"`).join(', ')}`);
      const key = factKey(s.text);
      const lost = facts.filter((f) => !key.includes(f.key));
      if (lost.length === 0) report.suggestions.keepFacts++;
      else problems.push(`${s.style}: lost ${lost.map((f) => f.text).join(', ')}`);
      // A suggestion that is the draft itself (nothing to change) is in the draft's language, whatever the
      // detector makes of "Yay! Happy Bay2Breakers.".
      const sLang = s.text === item.draft ? item.lang : kb.detector.detect(s.text).lang;
      if (sLang === item.lang) report.suggestions.sameLanguage++;
      else problems.push(`${s.style}: language ${sLang ?? 'unknown'}`);
    }
    report.outcomes.push({ id: item.id, lang: item.lang, found, falsePositives, falseNegatives, verdictOk, detectedLang: detected, suggestionProblems: problems });
  }
  return report;
}
