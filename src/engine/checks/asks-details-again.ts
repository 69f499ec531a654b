import type { Finding } from '../../core/contract.js';
import { containsFact, factKey } from '../extract-facts.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { foldedSentence, lexiconIn, makeFinding, type ReviewContext } from '../review-context.js';
import { fold } from '../../core/fold-text.js';
import { stemWord } from '../tokens/stem-word.js';

/**
 * Asking for a number the customer's message already gave. Only with the customer's message in hand:
 * without it, "what's your order number?" is an ordinary question. Reading the number back and asking
 * to confirm it ("is 4471-2231 right?") is confirmation, not asking again.
 */
export function asksDetailsAgain(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  return byNumber(ctx, g) ?? byDetail(ctx, g);
}

/** A request while the customer's message holds an ID the draft never reads back ("what's your order number?"). */
function byNumber(ctx: ReviewContext, g: RuntimeGuideline): Finding[] | null {
  const ids = ctx.customerIds;
  if (ids.length === 0) return null;
  const draftKey = factKey(ctx.draft);
  if (ids.some((id) => containsFact(draftKey, id))) return [];
  const re = ctx.lex.lexicon.detailRequest;
  re.lastIndex = 0;
  const m = re.exec(ctx.folded);
  if (!m) return null;
  let end = m.index + m[0].length;
  while (end > m.index && /[\s,;:-]/.test(ctx.draft.charAt(end - 1))) end--;
  return [makeFinding(ctx, g, m.index, end)];
}

/** A detail named the same way in both: its words' stems ("adresu" and "adres" are one). */
const detailKey = (ctx: ReviewContext, text: string) => (text.match(/[\p{L}\p{N}-]+/gu) ?? []).map((w) => stemWord(ctx.lang, w)).join(' ');

/**
 * Two names of a detail are one where each word shares its beginning with the other's, all but its last letters:
 * the stemmer leaves consonant gradation apart ("lisenssiavain" and "lisenssiavaimen", "osoite" and "osoitteen").
 */
function sameDetail(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (wa.length !== wb.length) return false;
  return wa.every((x, i) => {
    const y = wb[i]!;
    let n = 0;
    while (n < x.length && n < y.length && x[n] === y[n]) n++;
    return n >= Math.max(4, Math.min(x.length, y.length) - 2);
  });
}

/**
 * A question that asks for a detail the customer's message gave with its value ("jaki ma numer rejestracyjny?"
 * to "numer rejestracyjny KR 5T221", "what's your postcode?" to "my postcode is LS6 2QT"): the detail by name in
 * the question, the same detail with a digit beside it in the customer's sentence.
 */
function byDetail(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  if (!ctx.customer) return [];
  const re = ctx.lex.lexicon.detailNoun;
  const given = new Set<string>();
  const customer = fold(ctx.customerMasked);
  for (const sentence of customer.split(/(?<=[.!?\n])\s+/u)) {
    re.lastIndex = 0;
    // The value in the same sentence, or just after the name where an abbreviation cut the sentence short
    // ("Adres instalacji: ul. Lipowa 14/3").
    for (const m of sentence.matchAll(re)) {
      const after = customer.slice(customer.indexOf(sentence) + m.index!, customer.indexOf(sentence) + m.index! + m[0].length + 40);
      if (/\d/.test(sentence) || /\d/.test(after)) given.add(detailKey(ctx, m[0]));
    }
  }
  if (given.size === 0) return [];
  for (const s of ctx.content) {
    if (!s.isQuestion && !lexiconIn(ctx, 'detailRequest', s.start, s.end)) continue;
    const text = foldedSentence(ctx, s);
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const key = detailKey(ctx, m[0]);
      if ([...given].some((k) => sameDetail(k, key))) return [makeFinding(ctx, g, s.start + m.index, s.start + m.index + m[0].length)];
    }
  }
  return [];
}
