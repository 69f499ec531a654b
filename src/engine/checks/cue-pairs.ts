import type { Finding } from '../../core/contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { matches } from '../knowledge-base.js';
import { makeFinding, type ReviewContext } from '../review-context.js';

/**
 * Faults made of weak cues, each harmless alone, that hurt where two meet in one sentence. The guideline's
 * `cues.classes` hold the words of each class in each language, its `cues.pairs` the pairs that make a finding.
 * Tone (rude-or-judgemental_tone-cues.yaml): a wink, a count of the customer's messages, "most customers", "next
 * time" are used kindly every day ("Yes, open till 9 🙂", "that's the third charge, I've refunded it"); two together
 * are sarcasm, mock patience or condescension with no rude word ("Widzę wszystkie trzy wiadomości 🙂"). Venting
 * (vents-own-workload_queue-size.yaml): "forty people" counts anything and "in the queue" is everyday information;
 * together they tell the customer they are one of many. A question
 * counts like any other sentence: "that is your door, isn't it? 🤔" doubts the customer all the same. (A pair for
 * blame by choice, "you chose the fixed tariff" + "which has exit fees", was tried in the eighteenth session and
 * removed in the nineteenth: it found nothing on three blind sets, where choices are worded otherwise.)
 */
export function cuePairs(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  const classes = g.cues[ctx.lang];
  const pairs = g.data.cues?.pairs;
  if (!pairs || classes.length === 0) return [];
  const found: Finding[] = [];
  for (const s of ctx.content) {
    // An emoji that stands after the full stop ("…ugyanakkora betűkkel. 🙂") is the sentence's own: read with it.
    const next = ctx.sentences[ctx.sentences.indexOf(s) + 1];
    const end = next && !ctx.content.includes(next) && !/[\p{L}\p{N}]/u.test(next.text) ? next.end : s.end;
    const text = ctx.folded.slice(s.start, end);
    const hit = new Set(classes.filter((c) => matches(c.match, text)).map((c) => c.name));
    if (hit.size < 2) continue;
    if (pairs.some((pair) => pair.split('+').every((name) => hit.has(name)))) found.push(makeFinding(ctx, g, s.start, end));
  }
  return found;
}
