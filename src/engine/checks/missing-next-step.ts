import type { Finding, RuleCode } from '../../core/contract.js';
import { matches, type RuntimeGuideline } from '../knowledge-base.js';
import { lexiconIn, sentenceFinding, type ReviewContext } from '../review-context.js';
import { foldedOutside, hasNextStep } from '../next-step-signals.js';
import { customerAsksCan, customerAsksWhen, customerOnlyThanks, customerRaisedNothing } from './customer-message.js';
import { contentlessWords } from './one-word-reply.js';

/** Faults that refuse, deflect or blame: a reply that says one has not settled the customer's matter, whatever it answers.
 * Not rudeness alone: a put-down around the right answer ("As I said twice: Settings > Address") still answers. */
const UNSETTLING = new Set<RuleCode>(['blames-customer', 'policy-shield', 'nothing-i-can-do', 'blames-third-party', 'not-my-department', 'i-dont-know']);

/**
 * Replies that owe no next step: one part of a reply split over several messages (the step may be in
 * another part); thanks, joy or good wishes ("Glad you enjoyed the flight!"), or any reply to a customer who
 * only thanked us; and an answer that settles the matter ("Trains run as normal on Sunday.", a bare "Yes" to
 * "Is it a direct flight?", though not to "Can I file it online?", which asks how too), with no refusal, negation, hedge or apology in it: the customer has what they
 * asked for; and any reply to a customer who raised nothing. "Joo kai.", "Not yet." or "Unfortunately the app is no longer supported." leave it open, and so
 * does a matter still on its way ("your application has been received and is being processed").
 */
function needsNoStep(ctx: ReviewContext, found: readonly Finding[]): boolean {
  if (ctx.threadPart || customerOnlyThanks(ctx) || customerRaisedNothing(ctx)) return true;
  if (ctx.content.length === 0) return false; // emoji alone answer nothing
  if (ctx.content.every((s) => lexiconIn(ctx, 'pleasantry', s.start, s.end))) return true;
  // "Sinun ei tarvitse tehdä mitään", "Önnek nincs több teendője": the customer is told what is left for them, nothing,
  // unless the reply sends them elsewhere, refuses or blames, or leaves a "when?" unanswered.
  if (lexiconIn(ctx, 'nothingToDo') && !lexiconIn(ctx, 'referOn') && !found.some((f) => UNSETTLING.has(f.rule)) && !unansweredWhen(ctx)) return true;
  // A matter on its way, or promised for no time at all ("…when it's processed"), is not settled; nor is one sent
  // elsewhere ("please contact them directly").
  if (pendingOutsideQuotes(ctx) || matches(ctx.lex.lexicon.indefinite, withoutHypotheticals(ctx.folded)) || lexiconIn(ctx, 'referOn')) return false;
  // A customer who asked when is not answered by something done with no time and no date ("your application has been
  // passed on"); "the refund went out on 3 May" answers.
  if (unansweredWhen(ctx)) return false;
  // "You missed the deadline, so no refund; rules are rules.", "That's the bank's business, not ours.": an answer given
  // as a refusal, a deflection or a blame settles nothing.
  // So does a shrug or a dismissal of the matter ("nic nowego", "you're not the only one").
  if (found.some((f) => UNSETTLING.has(f.rule) || ctx.kb.byId.get(f.guideline)?.data.settlesNothing)) return false;
  // Something done for the customer ("I've fixed the booking") settles the matter even next to an apology.
  return !leftOpen(ctx, found) || lexiconIn(ctx, 'done');
}

const unansweredWhen = (ctx: ReviewContext) => customerAsksWhen(ctx) && !lexiconIn(ctx, 'timeFrame') && !/\d/u.test(ctx.masked);

/** A matter on its way, outside quotation marks: a status named in quotes ('tilassa "Odottaa"', 'status "Pending"') is a
 * label on the screen, not the customer's matter still waiting. */
function pendingOutsideQuotes(ctx: ReviewContext): boolean {
  if (!lexiconIn(ctx, 'pending')) return false;
  const text = withoutHypotheticals(ctx.folded);
  if (!text.includes('"')) return matches(ctx.lex.lexicon.pending, text);
  return matches(ctx.lex.lexicon.pending, text.replace(/"[^"\n]{1,40}"/gu, (m) => ' '.repeat(m.length)));
}

/** A condition ("if the old parcel ever turns up, …", "jos se vielä joskus ilmestyy") and a wait the agent spares the
 * customer ("I don't want you to have to wait, so…", "En halua, että joudut odottelemaan") speak of no wait that is
 * still on: blanked (same length) before a pending or open-ended wait is looked for. Over folded text. */
const HYPOTHETICAL = /(?<![\p{L}])(?:(?:if|jos|mikali|jesli|jezeli|gdyby|ha|amennyiben)\s[^,.;!?\n]*|(?:i don't want|we don't want|i do not want|en halua|emme halua|nie chce|nie chcemy|nem szeretnem|nem akarom|nem szeretnenk)[^.;!?\n]*?,\s*(?:etta|that|zeby|aby|hogy)?[^,.;!?\n]*)/gu;
const withoutHypotheticals = (folded: string) => folded.replace(HYPOTHETICAL, (m) => ' '.repeat(m.length));

/** A refusal, negation, hedge or apology, outside good news said with a negation ("helyfoglalás sem kell", "no need to
 * rebook") and outside the clauses of a put-down ("kolejna osoba, która nie przeczytała maila"): its negation is the
 * judgement's, which has its own finding, and the answer beside it still settles the matter. */
function leftOpen(ctx: ReviewContext, found: readonly Finding[]): boolean {
  if (!lexiconIn(ctx, 'deadEnd')) return false;
  const text = foldedOutside(ctx, found.filter((f) => f.rule === 'rude-or-judgemental'));
  if (!matches(ctx.lex.lexicon.deadEnd, text)) return false;
  if (!lexiconIn(ctx, 'noNeed')) return true;
  const rest = text.replace(ctx.lex.lexicon.noNeed, (m) => ' '.repeat(m.length));
  return matches(ctx.lex.lexicon.deadEnd, rest);
}


export function missingNextStep(ctx: ReviewContext, g: RuntimeGuideline, found: readonly Finding[]): Finding[] {
  // A bare "Yes." or "Voit." to "Can I file it online?" leaves the customer not knowing how; its "you can" is no step.
  const bareToCan = contentlessWords(ctx, ctx.folded) && customerAsksCan(ctx);
  if (!bareToCan && (hasNextStep(ctx, found) || needsNoStep(ctx, found))) return [];
  // The sign-off ("Kind regards, / Team") is not where the next step is missing: mark the last real sentence
  // (a reply of emoji alone has none: mark it whole).
  const content = [...ctx.content].reverse().find((s) => /[.!?…]$/.test(s.text) || s.text.length > 40) ?? ctx.content.at(-1) ?? ctx.sentences.at(-1);
  if (!content) return [];
  return [sentenceFinding(ctx, g, content)];
}
