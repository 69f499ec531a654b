/**
 * The facts a reply must keep: numbers, IDs, e-mail addresses and links. Used twice: to check that a
 * rewrite keeps every fact of the draft, and to see whether the draft reads back the IDs the customer gave.
 */

const URL = /\bhttps?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?]/giu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/giu;
// A run of digits, letters-with-digits and separators: "4471-2231", "RK-7781", "RENT-JP-04", "UM/2023/11872", "040 123 4567", "AB12 CDE", and a
// decimal comma with its digits ("12845,3", "12,90"): read back without them, a meter reading or an amount is wrong.
// A word in capitals joins only across a dash or slash ("KL-512-AB"): after a space it is a shouted word ("40 MIN MYÖHÄSSÄ").
// An article before a number is no part of it ("A 11773016-…", "Az 5 …", "An 8-digit code").
const TOKEN = /(?<![\p{L}\p{N}])(?:(?!(?:A|Az|An|I) )(?:\p{Lu}{1,6}[-/](?=\p{Lu}))*(?:\p{Lu}{1,4}[-/]|\p{Lu}{1,3} )(?=\d))?(?:\p{L}{0,4}\d[\p{L}\p{N}]*)(?:[ \-/.](?=[\p{L}\p{N}]*\d)[\p{L}\p{N}]+|[-/.](?=\p{Lu}{2,}\b)[\p{L}\p{N}]+|,\d+)*/gu;

export interface Fact {
  text: string;
  kind: 'url' | 'email' | 'number';
  /** Letters and digits only, lower case: "040 123 4567" and "040-1234567" compare equal. */
  key: string;
}

const keyOf = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

export function extractFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  let masked = text;
  for (const [re, kind] of [[URL, 'url'], [EMAIL, 'email']] as const) {
    masked = masked.replace(re, (m) => {
      facts.push({ text: m, kind, key: keyOf(m) });
      return ' '.repeat(m.length);
    });
  }
  for (const m of masked.matchAll(TOKEN)) {
    const t = m[0].replace(/[.\-/ ]+$/, '');
    if (/\d/.test(t)) facts.push({ text: t, kind: 'number', key: keyOf(t) });
  }
  return facts;
}

/**
 * Identifiers worth reading back: order, account, phone and reference numbers, codes with letters and digits.
 * Not identifiers: short counts ("40 minutes", "3 weeks"), prices and amounts ("89,90", "AUD1700", "14p"),
 * clock times and dates ("15.00", "9.30pm", "12.3."), years ("2017") and short model names ("A321", "M102w",
 * "iOS 11"): an ID has four digits or more, or is a code with two digits or more that is six characters long or joined
 * by a dash ("KX7P2Q", "KL-512").
 */
const CURRENCY_AFTER = /^\s?(?:zł|zl|pln|eur|euro\p{L}*|€|ft|huf|forint\p{L}*|usd|dollars?|£|\$|kr|czk|sek|nok|dkk|chf|gbp|pounds?)(?![\p{L}\p{N}])/iu;
const CURRENCY_BEFORE = /(?:€|£|\$|zł|ft)\s?$/iu;

/** Postal codes name a place, not a case: "stores near my zip 60431", "kod pocztowy 00-950", "postinumero 00100". */
const POSTAL = /(?:zip|zipcode|postcode|post code|postal code|postinumero|kod pocztowy|kodu pocztowego|iranyitoszam|irányítószám)\W{0,3}$/iu;

export function identifiers(text: string): Fact[] {
  return extractFacts(text).filter((f) => {
    const at = text.indexOf(f.text);
    if (at > 0 && POSTAL.test(text.slice(Math.max(0, at - 24), at))) return false;
    // An amount with its currency is no ID to read back: "1240 zł zamiast 620 zł", "€1240", "15 000 Ft".
    if (at >= 0 && (CURRENCY_AFTER.test(text.slice(at + f.text.length, at + f.text.length + 12)) || CURRENCY_BEFORE.test(text.slice(Math.max(0, at - 4), at)))) return false;
    if (f.kind !== 'number') return f.kind === 'email';
    const digits = f.key.replace(/\D/g, '').length;
    const letters = f.key.length - digits;
    if (/^\d{1,2}[.,:]\d{2}$/.test(f.text)) return false; // prices and clock times: 89,90 and 15.00
    if (/^\d{1,3}(?:[ .,]\d{3})*[.,]\d{2}$/.test(f.text)) return false; // amounts: 187,40 and 1 200,50
    if (/^\d{1,3}(?:,\d{3})+$/.test(f.text)) return false; // thousands: 1,100 and 12,500
    if (/^\d{1,2}\.\d{1,2}\.?(\d{2,4})?$/.test(f.text)) return false; // dates
    if (/^(19|20)\d{2}$/.test(f.key)) return false; // years
    if (/^\d+\.\d+\.\d+/.test(f.text)) return false; // versions: 1.0.68.407
    if (/^(aud|usd|eur|gbp|pln|huf|chf|sek|nok|cad|inr|rs|ft|zl|kr)\d/.test(f.key)) return false; // amounts
    if (/\d(days?|d|hrs?|h|hours?|mins?|m|pm|am|noon|kg|g|gb|mb|mbps|p|k|x|st|nd|rd|th|ft|zl|eur|e)$/.test(f.key)) return false; // units
    return digits >= 4 || (letters > 0 && digits >= 2 && (f.key.length >= 6 || /[-/]/.test(f.text)));
  });
}

/** Whether `text` contains the fact, ignoring spaces, dashes and case. */
export function containsFact(textKey: string, fact: Fact): boolean {
  return fact.key.length > 0 && textKey.includes(fact.key);
}

export { keyOf as factKey };

/**
 * The facts an alternative must keep: every link, e-mail and identifier of the draft, and every other number
 * the draft states outside the words at fault. A time or count inside them ("guaranteed by 5pm", "40 people in
 * the queue") goes with the promise or the complaint it belongs to.
 */
/** Faults whose whole sentence is about the agent's day ("I've had 80 chats since 8", "40 ihmistä jonossa"): a count said
 * there is part of the fault, not of the matter. Not a judgement: "as anyone can see on page 2" still points to page 2. */
const SENTENCE_FAULTS = new Set(['vents-own-workload']);

/** Findings that mark where something is missing (a step, a greeting, a read-back), not words at fault: "…so the £45
 * charge will stand." lacks a next step, and its £45 is still the matter. */
const ABSENCES = new Set(['missing-next-step', 'missing-greeting', 'unconfirmed-details']);

/** The words at fault for `factsToKeep`: each finding's span, and for venting its whole sentence. */
export function faultSpans(draft: string, findings: readonly { rule: string; start: number; end: number }[]): { start: number; end: number }[] {
  return findings.filter((f) => !ABSENCES.has(f.rule)).map((f) => {
    if (!SENTENCE_FAULTS.has(f.rule)) return f;
    const head = draft.slice(0, f.start).search(/[^.!?\n]*$/u);
    const tail = draft.slice(f.end).search(/[.!?\n]/u);
    return { start: head < 0 ? f.start : head, end: tail < 0 ? draft.length : f.end + tail };
  });
}

export function factsToKeep(draft: string, faults: readonly { start: number; end: number }[]): Fact[] {
  const ids = new Set(identifiers(draft).map((f) => f.key));
  return extractFacts(draft).filter((f) => {
    if (f.kind !== 'number' || ids.has(f.key)) return true;
    for (let at = draft.indexOf(f.text); at >= 0; at = draft.indexOf(f.text, at + 1)) {
      if (!faults.some((x) => at < x.end && at + f.text.length > x.start)) return true;
    }
    return false;
  });
}
