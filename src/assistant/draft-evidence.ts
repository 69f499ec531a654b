import type { Lang, RuleCode } from '../core/contract.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { review } from '../engine/review.js';
import { LANGS } from '../core/contract.js';
import { fold } from '../core/fold-text.js';
import { stemWord } from '../engine/tokens/stem-word.js';

/**
 * What the knowledge base says about a message whose purpose the words alone do not settle: the router
 * (route-message.ts) asks these questions only of short messages with no mark of a reply or a request.
 */

/** Findings of structure (greeting, next step, read-back…) fire on any text; only a phrase the guidelines know is evidence. */
const STRUCTURAL = new Set<RuleCode>(['missing-greeting', 'missing-next-step', 'unconfirmed-details', 'asks-details-again', 'over-explaining']);

/** "Nope.", "Takie są zasady i nic na to nie poradzę.": a phrase the guidelines flag is something said to a customer. */
export function draftLikeIn(kb: KnowledgeBase): (text: string, lang: Lang) => boolean {
  return (text, lang) => {
    try {
      const rules = review({ draft: text, lang }, { kb }).findings.map((f) => f.rule).filter((r) => !STRUCTURAL.has(r));
      // "hmm" or "ok" typed to the bot is not a one-word reply to a customer; "Nope." written as a sentence is.
      if (rules.length > 0 && rules.every((r) => r === 'one-word-reply')) return /^\p{Lu}/u.test(text.trim()) || /[.!]$/.test(text.trim());
      return rules.length > 0;
    } catch {
      return false; // empty, too long or binary: not a draft the router should send on
    }
  };
}

/**
 * "refunds?", "siirrot", "przeprosiny": a short message that names a topic of the guidance (the knowledge base's
 * `topics` words, by stem, in any of the four languages) is worth asking about; "ugh mondays" is not.
 */
export function topicIn(kb: KnowledgeBase): (text: string, lang: Lang) => boolean {
  const stems = new Map<Lang, Set<string>>();
  for (const l of kb.artifact.languages) {
    const words = Object.values(l.topics ?? {}).join(' ').split(/\s+/).filter((w) => w.length >= 4);
    stems.set(l.lang, new Set(words.map((w) => stemWord(l.lang, fold(w)))));
  }
  return (text) => {
    const words = fold(text).match(/\p{L}{4,}/gu) ?? [];
    return words.some((w) => LANGS.some((l) => stems.get(l)?.has(stemWord(l, w))));
  };
}
