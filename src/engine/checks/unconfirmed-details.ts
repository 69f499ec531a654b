import type { Finding } from '../../core/contract.js';
import { containsFact, factKey, identifiers, type Fact } from '../extract-facts.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { lexiconIn, sentenceFinding, type ReviewContext } from '../review-context.js';
import { matches } from '../knowledge-base.js';
import { customerOnlyThanks } from './customer-message.js';
import { isPersonalId } from '../personal-ids.js';
import { fold } from '../../core/fold-text.js';

/** Per language: each spoken digit word (folded) to its digit. */
const digitWords = new WeakMap<ReviewContext['lex'], Map<string, string>>();

/**
 * Numbers read aloud in the draft ("kuus-neljä-kolme, nolla-nolla-kaks-yks…"), as digit strings: runs of four
 * or more digit words, with only spaces, hyphens and commas between them (so "egy hét", "one or two" are no run).
 */
export function spokenNumbers(ctx: ReviewContext): string[] {
  let words = digitWords.get(ctx.lex);
  if (!words) {
    words = new Map(ctx.lex.data.spokenDigits.flatMap((list, digit) => list.map((w) => [fold(w), String(digit)] as const)));
    digitWords.set(ctx.lex, words);
  }
  const runs: string[] = [];
  let run = '';
  for (const m of ctx.folded.matchAll(/(\p{L}+)|([^\p{L}\s,-]+)/gu)) {
    const digit = m[1] !== undefined ? words.get(m[1]) : undefined;
    if (digit !== undefined) {
      run += digit;
      continue;
    }
    if (run.length >= 4) runs.push(run);
    run = '';
  }
  if (run.length >= 4) runs.push(run);
  return runs;
}

/**
 * The customer gave an order, account, phone or reference number and the reply does not read any of them
 * back. The read-back comes from a phone call (document 000: silence on the line, a misheard Y-tunnus): on the
 * phone it always applies. In writing the customer can see the number they typed, so it applies only where
 * the agent acts on it: reports what was done or found ("Ei.", "I've pushed the refund through"), or commits
 * to act. A reply that only asks for more ("DM us your booking details") has not acted on anything yet.
 */
export function unconfirmedDetails(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  // In writing, a PESEL or card number is confirmed without being repeated (personal-ids.ts).
  const ids = ctx.channel === 'phone-script' ? ctx.customerIds : ctx.customerIds.filter((id) => !isPersonalId(ctx.lex, ctx.customerMasked, id));
  if (ids.length === 0) return [];
  // One part of a split reply may read it back in the other; praise of flight 4985's crew asks nothing of it.
  if (ctx.threadPart || customerOnlyThanks(ctx)) return [];
  const draftKey = factKey(ctx.draft);
  if (ids.some((id) => containsFact(draftKey, id))) return [];
  if (readsBackCorrected(ctx, ids)) return [];
  // Read back aloud, digit by digit, on the phone.
  const spoken = spokenNumbers(ctx);
  if (spoken.length > 0 && ids.some((id) => spoken.some((n) => n.includes(id.key)))) return [];
  if (ctx.channel !== 'phone-script' && !actsOnIt(ctx)) return [];
  const first = ctx.content.find((s) => !lexiconIn(ctx, 'greeting', s.start, s.end) || s.text.length > 30) ?? ctx.content[0];
  return first ? [sentenceFinding(ctx, g, first)] : [];
}

function actsOnIt(ctx: ReviewContext): boolean {
  if (lexiconIn(ctx, 'done') || lexiconIn(ctx, 'commitment')) return true;
  // Asking for more, or pointing to a page where updates will be, has not acted on the number yet.
  const asks = ctx.links.length > 0 || ctx.content.some((s) => s.isQuestion) || lexiconIn(ctx, 'invitation') || lexiconIn(ctx, 'askCustomer') || lexiconIn(ctx, 'detailRequest');
  // Thanks, sorry and good wishes alone ("Oh ok. Thanks for checking with us.") say nothing about the number.
  // "Not processed yet, sorry." answers about it: a negation is news, whatever warmth comes with it.
  // Nor have warmth and a word that one is looking now ("Oh no! One moment as I take a look."): the "no" of an
  // acknowledgement ("Oh no!") is no news.
  const news = (s: { start: number; end: number }) =>
    matches(ctx.lex.lexicon.negation, ctx.folded.slice(s.start, s.end).replace(ctx.lex.lexicon.acknowledgement, (m) => ' '.repeat(m.length)));
  const warm = (s: { start: number; end: number }) =>
    (lexiconIn(ctx, 'acknowledgement', s.start, s.end) || lexiconIn(ctx, 'pleasantry', s.start, s.end) || lexiconIn(ctx, 'followUp', s.start, s.end)) && !news(s);
  const onlyWarmth = ctx.content.every(warm);
  return !asks && !onlyWarmth;
}

/**
 * The draft names the customer's number corrected or by its ending: "the account ends in ...13, the two last digits
 * swapped; the right one is FI49 5000 9420 0287 31". A number of the same length one slip away (two neighbours
 * swapped, or one or two digits different) is the customer's number read back and put right, and "...13" or "****4412"
 * reads back its ending.
 */
function readsBackCorrected(ctx: ReviewContext, ids: Fact[]): boolean {
  const long = ids.filter((id) => id.key.length >= 8);
  if (long.length === 0) return false;
  const endings = [...ctx.masked.matchAll(/(?:\.\.\.|…|\*{2,})\s?(\d{2,})(?!\d)/gu)].map((m) => m[1]!);
  if (long.some((id) => endings.some((e) => id.key.endsWith(e)))) return true;
  const own = identifiers(ctx.masked).map((f) => f.key);
  return long.some((id) => own.some((key) => oneSlipApart(id.key, key)));
}

/** Same length, and either two neighbouring characters swapped or at most two characters different. */
function oneSlipApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  if (diff.length !== 2) return false;
  const [i, j] = diff as [number, number];
  return j === i + 1 ? a[i] === b[j] && a[j] === b[i] : true;
}
