import type { Finding, RuleCode } from '../core/contract.js';
import type { LexiconKey } from '../core/lexicon-keys.js';
import { lexiconIn, type ReviewContext } from './review-context.js';
import type { Sentence } from './segment-sentences.js';

/**
 * The customer must know what happens next (documents 003 and 004). Anything that tells them counts: a
 * question, a request to do something ("DM us your order number", "try these steps and let us know"), a
 * link to the page to use, a commitment with or without a time ("we'll let the team know", "palaan asiaan
 * huomenna"). Only a reply that leaves them with nothing to do and nothing promised lacks one.
 */
/** A phone number given to call ("our team on 0344 556 5650", "800-892-4357"): a channel, so a next step. */
const PHONE = /(?<![\p{N}])\+?\d{1,4}(?:[\s.-]\d{1,4}){2,4}(?![\p{N}])/u;
/** A phone number has eight digits or more ("06 1 234 5678", "0345 600 1234"); "1 200 000 Ft" has seven. */
const phoneIn = (text: string) => {
  const m = PHONE.exec(text);
  return m && m[0].replace(/\D/g, '').length >= 8 ? m[0] : null;
};

/**
 * Faults that make the words around them no step: a time said while venting ("we're swamped today"), an instruction
 * said as a put-down ("read it again, carefully this time"), a hand-off or a refusal ("kapcsolom", "try again
 * tomorrow") leave the customer with nothing they can hold on to. A precise promise (`overpromise`) still is one.
 */
const NO_STEP_INSIDE = new Set<RuleCode>([
  'rude-or-judgemental', 'blames-customer', 'vents-own-workload', 'not-my-department', 'nothing-i-can-do', 'i-dont-know',
  'policy-shield', 'blames-third-party', 'call-back-later', 'transfer-runaround',
]);

/** Clause ends: commas, semicolons, colons and dashes, and the links that open a clause of its own. */
const CLAUSE_END = /[,;:]\s+|\s[–-]\s|\s(?=(?:but|and|so|because|mutta|ja|joten|koska|ale|a|i|bo|więc|wiec|de|és|es|mert|ezért|ezert)\s)/giu;

/** The stretches of the draft's content where a step may be said: every clause of a content sentence no fault touches. */
function stepClauses(ctx: ReviewContext, faults: readonly Finding[]): Unit[] {
  const out: Unit[] = [];
  for (const s of ctx.content) {
    if (!faults.some((f) => f.start < s.end && f.end > s.start)) {
      out.push({ start: s.start, end: s.end, sentence: s });
      continue;
    }
    for (const [a, b] of clausesOf(s)) if (!faults.some((f) => f.start < b && f.end > a)) out.push({ start: a, end: b, sentence: s });
  }
  return out;
}

/** The clauses of a sentence, as offsets [start, end) in the draft. */
function clausesOf(s: Sentence): [number, number][] {
  const cuts = [0, ...[...s.text.matchAll(CLAUSE_END)].map((m) => m.index! + m[0].length), s.text.length];
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < cuts.length; i++) if (cuts[i + 1]! > cuts[i]!) out.push([s.start + cuts[i]!, s.start + cuts[i + 1]!]);
  return out;
}

/** The clauses a finding touches, as one stretch of the draft, or null outside any sentence. */
function clauseOf(ctx: ReviewContext, f: Finding): [number, number] | null {
  const s = ctx.sentences.find((x) => f.start < x.end && f.end > x.start);
  const touched = s ? clausesOf(s).filter(([a, b]) => f.start < b && f.end > a) : [];
  return touched.length > 0 ? [touched[0]![0], touched.at(-1)![1]] : null;
}

/**
 * The folded draft with every clause that one of `faults` touches blanked (same length, so offsets still hold): what
 * the agent says outside them. "Taas yksi joka ei avannut vahvistusta 🙄": the negation is the put-down's, not a
 * refusal of the customer's matter.
 */
export function foldedOutside(ctx: ReviewContext, faults: readonly Finding[]): string {
  if (faults.length === 0) return ctx.folded;
  let text = ctx.folded;
  for (const s of ctx.sentences) {
    if (!faults.some((f) => f.start < s.end && f.end > s.start)) continue;
    for (const [a, b] of clausesOf(s)) if (faults.some((f) => f.start < b && f.end > a)) text = text.slice(0, a) + ' '.repeat(b - a) + text.slice(b);
  }
  return text;
}

/**
 * Whether the draft tells the customer what happens next. With the draft's `found` findings, a step said inside a
 * fault's clause (see NO_STEP_INSIDE) does not count; links and phone numbers always do.
 */
export function hasNextStep(ctx: ReviewContext, found: readonly Finding[] = []): boolean {
  if (ctx.links.length > 0) return true;
  const phone = phoneIn(ctx.masked);
  if (phone && !ctx.customerIds.some((id) => id.key === phone.replace(/\D/g, ''))) return true;
  // Being put through now ("I'll transfer you now", "siirrän teidät laskutukseen") is what happens next; the
  // transfer's own finding says what is wrong with it.
  // So is a call back at a time the agent names ("Proszę napisać jutro"): the customer knows when, and the
  // call-back-later finding says what is wrong with sending them away.
  // The time is read in the finding's own clause: "Niech Pan zadzwoni kiedy indziej, teraz i tak…" names none.
  const says = (f: Finding) => {
    const how = ctx.kb.byId.get(f.guideline)?.data.statesNextStep;
    if (how !== 'timed') return how === true;
    const c = clauseOf(ctx, f);
    return c !== null && lexiconIn(ctx, 'timeFrame', c[0], c[1]) && !lexiconIn(ctx, 'indefinite', c[0], c[1]);
  };
  if (found.some(says)) return true;
  const faults = found.filter((f) => NO_STEP_INSIDE.has(f.rule));
  if (faults.length === 0) return hasStepIn(ctx, [[0, ctx.draft.length]], ctx.content);
  // A rhetorical question in a judgement ("…akkor most működne, nem?") asks nothing the customer can answer.
  if (ctx.content.some((s) => s.isQuestion && !faults.some((f) => f.start < s.end && f.end > s.start))) return true;
  const clauses = stepClauses(ctx, faults);
  // A time alone is the weakest sign: beside a fault in its sentence it dates the fault ("Ma rettenetesen sok a
  // bejelentés, most nem érek rá"), not a step, unless its clause says what is done or will be ("…, ale zwrot
  // zlecę jeszcze dziś", or a precise promise); the other signs are read per clause.
  const promises = found.filter((f) => f.rule === 'overpromise');
  const dated = clauses.filter(
    (c) =>
      (c.sentence && c.start === c.sentence.start && c.end === c.sentence.end) ||
      promises.some((f) => f.start < c.end && f.end > c.start) ||
      (['commitment', 'followUp', 'done', 'pending'] as const).some((k) => lexiconIn(ctx, k, c.start, c.end)),
  );
  return hasStepIn(ctx, clauses.map((c) => [c.start, c.end]), clauses, dated.map((c) => [c.start, c.end]));
}

/** A stretch where a step is read: a content sentence, or a clause of one (`sentence`: the sentence it is part of). */
type Unit = { start: number; end: number; isQuestion?: boolean; sentence?: Sentence };

/** A step in `spans` (the whole draft, or the clauses no fault touches); promises are read per sentence or clause of `units`. */
function hasStepIn(ctx: ReviewContext, spans: readonly [number, number][], units: readonly Unit[], timeSpans = spans): boolean {
  if (units.some((s) => s.isQuestion)) return true;
  const any = (key: LexiconKey) => spans.some(([a, b]) => lexiconIn(ctx, key, a, b));
  // Sending the customer on is read over the whole sentence: "…contact the manufacturer, the number is on the card".
  const referred = (u: Unit) => lexiconIn(ctx, 'referOn', u.sentence?.start ?? u.start, u.sentence?.end ?? u.end);
  return (
    timeSpans.some(([a, b]) => lexiconIn(ctx, 'timeFrame', a, b)) ||
    // A commitment or a promise to come back, unless its only time is no time: "it'll be processed when it's
    // processed", "Odpowiemy, jak przyjdzie kolej", "majd jelentkezünk" promise nothing the customer can hold on to.
    units.some((s) => (lexiconIn(ctx, 'commitment', s.start, s.end) || lexiconIn(ctx, 'followUp', s.start, s.end)) && !lexiconIn(ctx, 'indefinite', s.start, s.end)) ||
    any('askCustomer') ||
    any('detailRequest') ||
    // "Heillä on oma huoltonsa, sinne kannattaa olla yhteydessä": sending the customer elsewhere with no link, number
    // or address to go to leaves them nothing to do here; the channel, where there is one, counted above.
    units.some((s) => lexiconIn(ctx, 'invitation', s.start, s.end) && !referred(s))
  );
}
