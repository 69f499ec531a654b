import { fold } from '../core/fold-text.js';
import type { Fact } from './extract-facts.js';
import { matches, type RuntimeLanguage } from './knowledge-base.js';

/**
 * A person's own identity or card number among the numbers a customer gave: a PESEL, a henkilötunnus, an
 * adóazonosító jel, a payment card. Read back in writing, such a number is exposed to whoever sees the chat
 * or the mail, so a careful agent confirms it without repeating it; on the phone it is still read back.
 * Known by the name before it (the language's `personalId` list) or by a form no order number has.
 */

/** A Finnish henkilötunnus: birth date, century sign, individual number, check character ("131052-308T"). */
const HETU = /^\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]$/u;

/** A payment card number: 13 to 19 digits that pass the Luhn checksum every card number carries. */
function isCardNumber(key: string): boolean {
  if (!/^\d{13,19}$/.test(key)) return false;
  let sum = 0;
  for (let i = 0; i < key.length; i++) {
    let d = key.charCodeAt(key.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** How far before the number its name may stand: "PESEL 850…", "henkilötunnukseni on 131052-308T". */
const NAME_WINDOW = 32;

export function isPersonalId(lex: RuntimeLanguage, text: string, fact: Fact): boolean {
  if (fact.kind !== 'number') return false;
  if (HETU.test(fact.text) || isCardNumber(fact.key)) return true;
  const at = text.indexOf(fact.text);
  return at > 0 && matches(lex.lexicon.personalId, fold(text.slice(Math.max(0, at - NAME_WINDOW), at)));
}
