import type { Finding } from '../../core/contract.js';
import { fold } from '../../core/fold-text.js';
import type { RuntimeGuideline } from '../knowledge-base.js';
import { makeFinding, type ReviewContext } from '../review-context.js';

/**
 * Scare quotes: the customer's own word put back in quotation marks ("stolen", 'never worked', „pilne”,
 * „nem kényelmes”). Whatever the language, the marks say "so you claim": the agent doubts or mocks what the
 * customer told them, without a rude word. Read as structure, not as a phrase list, so it holds for any word:
 * a quoted span of one to three words, beginning in lower case (names of buttons, menus and replies to type
 * are capitalised or come after a word such as "click", "status" or "vastaa": the `quoteIntro` list), whose
 * every word the customer's message also has (compared by their first five letters, so "awaria" and
 * „awarii” are one word).
 */
const QUOTED = /(["“”„«»]|(?<![\p{L}\p{N}])['‘’‚])([^"“”„«»\n]{2,40}?)(["“”«»]|['’‘](?![\p{L}\p{N}]))/gu;
const MAX_WORDS = 3;
const STEM = 5;
/** How many words before the quotation may stand between it and the word that introduces it ("status zmienia się na"). */
const INTRO_WORDS = 4;

const stems = (folded: string): string[] => (folded.match(/\p{L}{3,}/gu) ?? []).map((w) => w.slice(0, STEM));

export function scareQuotes(ctx: ReviewContext, g: RuntimeGuideline): Finding[] {
  if (!ctx.customer || !/["“”„«»'‘’‚]/u.test(ctx.masked)) return [];
  let customer: string | undefined;
  let said: Set<string> | undefined;
  const found: Finding[] = [];
  for (const m of ctx.masked.matchAll(QUOTED)) {
    const inner = m[2]!.trim();
    if (!/^\p{Ll}/u.test(inner) || inner.split(/\s+/u).length > MAX_WORDS) continue;
    const at = m.index;
    const words = stems(ctx.folded.slice(at + 1, at + m[0].length - 1));
    if (words.length === 0) continue;
    customer ??= fold(ctx.customerMasked);
    said ??= new Set(stems(customer));
    if (!words.every((w) => said!.has(w))) continue;
    // The customer's own quotation marks ("Better one with the \"love\" symbol") make it an echo, not a scare quote.
    if (new RegExp(`["“”„«»'‘’‚]${escapeRegExp(ctx.folded.slice(at + 1, at + m[0].length - 1).trim())}`, 'u').test(customer)) continue;
    const before = ctx.folded.slice(Math.max(0, at - 60), at).split(/[.!?\n]/u).pop()!.trim().split(/\s+/u).slice(-INTRO_WORDS).join(' ');
    if (introduced(ctx, before)) continue;
    // "válaszoljon egy „kérem” szóval", "reply with the word 'yes'": a word named as a word is quoted, not mocked;
    // so is a label the customer's screen shows ("the 'pending' lines", „oczekująca” pozycja).
    if (NAMED_WORD.test(ctx.folded.slice(at + m[0].length)) || SCREEN_LABEL.test(ctx.folded.slice(at + m[0].length))) continue;
    found.push(makeFinding(ctx, g, at, at + m[0].length));
  }
  return found;
}

/** The noun "word" right after a quotation, in our four languages: the quoted text is named as a word. */
const NAMED_WORD = /^\s{0,2}(?:szoval|szot|szo|word|sanalla|sanaa|sana|slowem|slowo|haslem)(?![\p{L}])/u;

/** A noun right after a quotation that makes it a label on a screen or a statement: a status, a line, a button. */
const SCREEN_LABEL =
  /^\s{0,2}(?:status|statuses|label|lines?|entr(?:y|ies)|tag|button|option|flag|tila|tilan|tilassa|merkinta|merkinnat|painike|painiketta|statusem|statusu|przycisk|opcja|opcje|etykieta|pozycja|pozycje|wpis|wpisy|statusz|statuszt|statuszu|felirat|feliratu|gomb|gombot|tetel|tetelek|jelzes|jelzesu)(?![\p{L}])/u;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function introduced(ctx: ReviewContext, before: string): boolean {
  const re = ctx.lex.lexicon.quoteIntro;
  re.lastIndex = 0;
  return re.test(before);
}
