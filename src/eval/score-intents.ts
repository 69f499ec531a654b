import type { Lang } from '../core/contract.js';
import { draftLikeIn, topicIn } from '../assistant/draft-evidence.js';
import { routeMessage, type Intent, type Route } from '../assistant/route-message.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';

/** One labelled user message (test/data/intents/*.jsonl, written blind by helpers who never saw the router). */
export interface IntentItem {
  id: string;
  lang: Lang;
  text: string;
  intent: Intent;
  /** Other intents a careful reader would also accept; the bot asking is fine for these items too. */
  alsoAcceptable?: Intent[];
}

export interface IntentMiss {
  id: string;
  text: string;
  expected: Intent;
  got: Route['intent'];
  lang: Lang;
  gotLang: Lang;
}

export interface IntentReport {
  items: number;
  correct: number;
  /** Messages the bot asked about ("review as a draft, or look up guidance?"): right only where the label hesitates. */
  asked: number;
  languageRight: number;
  /** Greetings, thanks, help, guidance and coaching questions that would have been reviewed as drafts. */
  reviewedWrongly: number;
  /** Drafts that would not have been reviewed (the bot asking first counts here too). */
  draftsMissed: number;
  perLang: Record<string, { items: number; correct: number }>;
  perIntent: Record<string, { items: number; correct: number }>;
  misses: IntentMiss[];
}

const NEVER_REVIEWED = new Set<Intent>(['greeting', 'thanks', 'help', 'guidance', 'coaching', 'practice', 'stop']);

/** Routes every item as a user of an English Teams client would send it: the language must come from the message. */
export function scoreIntents(items: readonly IntentItem[], kb: KnowledgeBase, locale = 'en-US'): IntentReport {
  const options = { locale, detector: kb.detector, isDraftLike: draftLikeIn(kb), isTopic: topicIn(kb) };
  const report: IntentReport = { items: 0, correct: 0, asked: 0, languageRight: 0, reviewedWrongly: 0, draftsMissed: 0, perLang: {}, perIntent: {}, misses: [] };
  for (const item of items) {
    const route = routeMessage(item.text, options);
    const accepted = new Set<string>([item.intent, ...(item.alsoAcceptable ?? [])]);
    const right = accepted.has(route.intent) || (route.intent === 'ask' && (item.alsoAcceptable ?? []).length > 0);
    report.items++;
    if (right) report.correct++;
    if (route.intent === 'ask') report.asked++;
    if (route.lang === item.lang) report.languageRight++;
    if (route.intent === 'review' && NEVER_REVIEWED.has(item.intent) && !accepted.has('review')) report.reviewedWrongly++;
    if (item.intent === 'review' && route.intent !== 'review') report.draftsMissed++;
    for (const [key, table] of [[item.lang, report.perLang], [item.intent, report.perIntent]] as const) {
      const row = (table[key] ??= { items: 0, correct: 0 });
      row.items++;
      if (right) row.correct++;
    }
    if (!right) report.misses.push({ id: item.id, text: item.text, expected: item.intent, got: route.intent, lang: item.lang, gotLang: route.lang });
  }
  return report;
}
