import type { Finding } from '../../core/contract.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { matches } from '../knowledge-base.js';
import { foldedSentence, sentenceFinding, type ReviewContext } from '../review-context.js';

/**
 * Tone made of weak cues: a wink, a count of the customer's messages, "most customers", "next time", "at least",
 * a tag question. Each is harmless alone ("Yes, open till 9 🙂", "next time you can book online", "that's the
 * third charge, I've refunded it"), and agents use every one of them kindly. Two of them in one sentence are the
 * shape of sarcasm, mock patience and condescension that carry no rude word ("Widzę wszystkie trzy wiadomości
 * 🙂", "as most first-timers find out"): the guideline's `cues.pairs` name the pairs that hurt, its
 * `cues.classes` the words of each class in each language. A sentence that is a question to the customer counts
 * like any other: "that is your door, isn't it? 🤔" doubts them all the same.
 */
export function toneCues(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  const classes = g.cues[ctx.lang];
  const pairs = g.data.cues?.pairs;
  if (!pairs || classes.length === 0) return [];
  const found: Finding[] = [];
  for (const s of ctx.content) {
    const text = foldedSentence(ctx, s);
    const hit = new Set(classes.filter((c) => matches(c.match, text)).map((c) => c.name));
    if (hit.size < 2) continue;
    if (pairs.some((pair) => pair.split('+').every((name) => hit.has(name)))) found.push(sentenceFinding(ctx, g, s));
  }
  return found;
}
