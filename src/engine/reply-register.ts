import type { RuntimeLanguage } from './knowledge-base.js';

/**
 * How the alternatives address the customer where the language has two ways (Finnish sinä/te, Hungarian Ön/te).
 * An editor keeps the agent's register: a draft that says "te"/"teille" or "szia"/"neked" gets alternatives in
 * that register. Where the draft shows neither, the deployment's choice (REPLY_REGISTER), else the register the
 * phrasings are written in. Nothing is ever written as "sinä/te" or with slashes.
 */
/** `folded` is the review context's folded draft (markup blanked): the markers are counted on it, not folded again. */
export function chooseRegister(language: RuntimeLanguage, folded: string, preferred?: string): string | undefined {
  const register = language.register;
  if (!register) return undefined;
  const count = (re: RegExp) => {
    re.lastIndex = 0;
    return folded.match(re)?.length ?? 0;
  };
  const written = count(register.writtenMarkers);
  const other = count(register.otherMarkers);
  if (other > written) return register.other;
  if (written > other) return register.written;
  return preferred === register.other ? register.other : register.written;
}

/** A phrasing or string of the knowledge base in the chosen register (unchanged when it is the written one). */
export function inRegister(language: RuntimeLanguage, register: string | undefined, text: string): string {
  const r = language.register;
  if (!r || register !== r.other) return text;
  return r.variants.get(text) ?? text;
}
