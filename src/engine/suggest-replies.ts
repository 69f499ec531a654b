import type { Finding, Lang, NextStep, RuleCode, Suggestion } from '../core/contract.js';
import { isDescriptive } from './checks/over-explaining.js';
import { contentlessWords } from './checks/one-word-reply.js';
import { factKey, factsToKeep, faultSpans, identifiers, type Fact } from './extract-facts.js';
import { fold } from '../core/fold-text.js';
import { matches, type RuntimeGuideline } from './knowledge-base.js';
import { isPersonalId } from './personal-ids.js';
import { inRegister } from './reply-register.js';
import { foldedSentence, lexiconIn, type ReviewContext } from './review-context.js';
import type { Sentence } from './segment-sentences.js';

/**
 * The rewrites: `warmer` (greets or acknowledges, swaps each flagged sentence for its guideline's
 * preferred phrasing, owns the next step) and `concise` (the same, without the extras and the background).
 * Both keep every number, ID, e-mail and link of the draft and add no fact, time or name: where one is
 * needed the preferred phrasing carries a [placeholder]. Each candidate is reviewed again and mended
 * until nothing major or critical is left.
 */

/** Findings that point at something missing rather than at words to replace. */
const ADDITIONS = new Set<RuleCode>(['missing-greeting', 'missing-next-step', 'unconfirmed-details']);
const RANK = { critical: 0, major: 1, minor: 2 } as const;
/** Faults whose phrasing takes the matter over from the customer: the agent contacts the right people. */
const TAKE_OVER = new Set<RuleCode>(['blames-third-party', 'transfer-runaround', 'not-my-department', 'go-to-website']);
/** Faults whose phrasing has the agent take the matter over in person rather than pass it on. */
const OWNS_IT = new Set<RuleCode>(['blames-third-party', 'not-my-department']);
/** The guideline of apologies that come back (knowledge/guidelines/hollow-apology.yaml). */
const REPEATED_APOLOGY = 'hollow-apology-repeated';

/**
 * A piece of the alternative. `carries`: it says the reply's matter (the agent's own sentence, five of their words
 * kept around a cut, or a phrasing that does what the guideline asks). `bare`: where the piece holds a stock
 * phrasing put in place of words that were only around the matter (a judgement, filler, venting), the same piece
 * with the phrasing's blank sentences left out ('' where nothing is left); used when another piece carries the matter.
 */
type Part = { text: string; before: string; carries?: boolean; bare?: string };

export type FindingsOf = (text: string) => Finding[];

function replacementFor(ctx: ReviewContext, findings: readonly Finding[], register: string | undefined): string | null {
  const worst = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity])[0];
  if (!worst) return null;
  // A re-asked number is answered by reading back the customer's own number (added in compose), not by a phrase.
  if (worst.rule === 'asks-details-again' && ctx.customerIds.length > 0) return null;
  const g: RuntimeGuideline | undefined = ctx.kb.byId.get(worst.guideline);
  // A phrasing worded for the phone ("If the line drops…") has its written form for chat and e-mail.
  const phrasing = (ctx.channel !== 'phone-script' ? g?.data.preferredInWriting?.[ctx.lang][0] : undefined) ?? g?.data.preferred[ctx.lang][0];
  return phrasing === undefined ? null : inRegister(ctx.lex, register, phrasing);
}

/** The replacement with its generic party ("the company involved", "z odpowiednią firmą", "az érintett céggel") put as
 * the party the sentence names (knowledge/languages: `parties`), in the case the phrasing needs. */
function namingParty(ctx: ReviewContext, s: Sentence, replacement: string): string {
  const folded = ctx.folded.slice(s.start, s.end);
  const party = ctx.lex.parties.find((p) => matches(p.match, folded));
  if (!party) return replacement;
  let text = replacement;
  for (const [generic, named] of Object.entries(party.replace)) text = text.split(generic).join(named);
  return text;
}

/** Time words that join a clause or say only "now" ("as soon as", "heti kun", "most"): no time to carry over. */
const NOT_A_TIME = /^(as soon as|right now|now|heti kun|ennen kuin|viimeistaan|mennessa|klo|nyt|nyt heti|jak tylko|gdy tylko|teraz|amint|mihelyt|most|mar most|legkesobb)$/u;

/** The replacement with its first time placeholder filled by the time the sentence names (the most specific one,
 * "két óra múlva" rather than the "most" of "a rendszer most frissül"), as the agent wrote it. */
function withDraftTime(ctx: ReviewContext, s: Sentence, replacement: string): string {
  const at = firstTimePlaceholder(replacement);
  const close = replacement.indexOf(']', at);
  if (at < 0 || close < 0) return replacement;
  const re = ctx.lex.lexicon.timeFrame;
  const folded = ctx.folded.slice(s.start, s.end);
  let best: { index: number; length: number } | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    if (m[0].startsWith('[') || NOT_A_TIME.test(m[0].trim())) continue;
    if (!best || m[0].length > best.length) best = { index: m.index, length: m[0].length };
  }
  re.lastIndex = 0;
  if (!best) return replacement;
  let end = s.start + best.index + best.length;
  while (/\p{L}/u.test(ctx.draft.charAt(end))) end++; // "in a couple of hour|s"
  const time = ctx.draft.slice(s.start + best.index, end).trim();
  return `${replacement.slice(0, at)}${time}${replacement.slice(close + 1)}`;
}

/** A remnant that ends in the word asking for what was cut ("Ezzel kérjük, [forduljon…]", "We kindly ask you to
 * [contact…]"): the head of the cut request, a fragment on its own. */
const REQUEST_HEAD = /(?<![\p{L}])(?:please|kindly|ask you to|kerjuk|kerem|prosze|prosimy|uprzejmie prosimy|pyydamme|pyydan|ystavallisesti)[\s,:;–-]*$/u;

/** Words of not knowing or of a hedge ("ei tiietä", "joo kai", "raczej nie", "asszem igen", "dunno"): no answer to keep. */
const UNSURE = /(?<![\p{L}])(?:tied|tiie|tiia|tiiä|tii|wiem|wiadomo|tudom|tudjuk|tudni|know|kai|ehka|varmaan|raczej|chyba|moze|talan|asszem|maybe|probably|guess|dunno|idk)/u;

/** The draft's own yes or no where a one-word reply is nothing else ("Tak.", "Ei oo vielä.", "nope"), as it opens a
 * sentence: the answer the agent gave, which the alternative keeps. */
function bareAnswer(ctx: ReviewContext, s: Sentence, here: readonly Finding[]): string | null {
  if (!here.every((f) => f.rule === 'one-word-reply')) return null;
  const folded = ctx.folded.slice(s.start, s.end).replace(/[^\p{L}\p{N}' ]+/gu, ' ').trim();
  if (!folded || folded.split(/\s+/u).length > 3 || UNSURE.test(folded) || !matches(ctx.lex.lexicon.answerParticle, folded)) return null;
  const words = ctx.draft.slice(s.start, s.end).replace(/[^\p{L}\p{N}'\s]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  return words ? capitalise(words) : null;
}

/** The clause before "so" in a sentence that sends the customer on ("Huollot hoitaa maahantuoja, joten…", "Za
 * montaż odpowiada producent, więc…"), when it does not send them on itself and says something of its own. */
function whoHandlesIt(ctx: ReviewContext, s: Sentence): string | null {
  const m = /,\s+(?=\S)/gu;
  for (let hit = m.exec(s.text); hit; hit = m.exec(s.text)) {
    const rest = s.text.slice(hit.index + hit[0].length);
    if (!CONSEQUENCE.test(rest) && !MID_CONSEQUENCE.test(rest)) continue;
    const head = s.text.slice(0, hit.index).trim();
    if ((head.match(/\p{L}{2,}/gu)?.length ?? 0) < 3 || matches(ctx.lex.lexicon.referOn, fold(head))) return null;
    return asSentence(head);
  }
  return null;
}

/** Filler: words that carry nothing of the matter, cut wherever the reply has another sentence. */
const FILLER_RULES = new Set<RuleCode>(['hollow-phrase', 'hollow-apology', 'vents-own-workload']);

/** Faults that are only words around the matter: where the reply says its matter elsewhere, they are cut, not replaced. */
const CUT_ONLY_RULES = new Set(['rude-or-judgemental', 'blames-customer', 'hollow-phrase', 'hollow-apology', 'vents-own-workload']);

/** A phrasing without its sentences that hold a `[placeholder]`: "I'm sorry this happened. Here's what I'll do now:
 * [what you will do]." → "I'm sorry this happened." (the whole phrasing where every sentence has one). */
function withoutBlanks(phrasing: string): string {
  const kept = phrasing.split(/(?<=[.!?])\s+/u).filter((t) => !t.includes('['));
  return kept.length > 0 ? kept.join(' ') : phrasing;
}

/** Background worth cutting: a descriptive sentence with a history or cause cue. */
function isBackground(ctx: ReviewContext, s: Sentence): boolean {
  return isDescriptive(ctx, s) && lexiconIn(ctx, 'background', s.start, s.end);
}

/** A price, a count or a time ("40 zł za dobę", "within 5 working days"): where no finding marks it as background,
 * the answer, even beside a history cue ("…nie trzeba go wcześniej rezerwować"). A year ("w 2021 roku") is history. */
const statesAnAmount = (text: string) => (text.match(/(?<![\p{L}\d])\d+(?:[.,:]\d+)?(?![\p{L}\d])/gu) ?? []).some((n) => !/^(?:19|20)\d\d$/u.test(n));

const wordSet = (t: string) => new Set(fold(t).match(/[\p{L}]{3,}/gu) ?? []);

/** Two guidelines' phrasings for one moment ("I can't change this, but I can [alternative]") read as one. */
function nearDuplicate(text: string, used: ReadonlySet<string>): boolean {
  const mine = wordSet(text);
  for (const other of used) {
    const theirs = wordSet(other);
    const shared = [...mine].filter((w) => theirs.has(w)).length;
    if (shared / Math.max(1, Math.min(mine.size, theirs.size)) >= 0.5) return true;
  }
  return false;
}

function join(parts: readonly Part[]): string {
  return parts
    .map((p, i) => (i === 0 ? p.text : (p.before || ' ') + p.text))
    .join('')
    .trim();
}

/** The greeting that opens a sentence ("Hi Dana,", "Hei Matti,", "Dzień dobry,"), when no finding touches it. */
function salutationOf(ctx: ReviewContext, s: Sentence, here: readonly Finding[]): string | null {
  const m = /^([^,.!?\n]{1,30}),\s+\S/u.exec(s.text);
  if (!m) return null;
  const end = s.start + m[1]!.length + 1;
  if (here.some((f) => f.start < end) || !lexiconIn(ctx, 'greeting', s.start, end)) return null;
  return s.text.slice(0, m[1]!.length + 1);
}

/** Placeholders that stand for a time the agent must fill in ("[when]", "[milloin]", "[kiedy]", "[időpont…]"), over folded text. */
const TIME_PLACEHOLDER_FOLDED = /\[(?:when|by when|time[^\]]*|what time[^\]]*|milloin[^\]]*|mihin mennessa[^\]]*|aika[^\]]*|kiedy[^\]]*|termin[^\]]*|godzin[^\]]*|mikor[^\]]*|idopont[^\]]*|hatarido[^\]]*)\]/gu;

/** How many time placeholders a text holds: two mean two commitments in one reply. */
export function countTimePlaceholders(text: string): number {
  return fold(text).match(TIME_PLACEHOLDER_FOLDED)?.length ?? 0;
}
const TIME_PLACEHOLDER = { test: (t: string) => countTimePlaceholders(t) > 0 };
const firstTimePlaceholder = (t: string) => {
  TIME_PLACEHOLDER_FOLDED.lastIndex = 0;
  const m = TIME_PLACEHOLDER_FOLDED.exec(fold(t));
  TIME_PLACEHOLDER_FOLDED.lastIndex = 0;
  return m ? m.index : -1;
};

/** The link before a replacement's closing commitment: "…, but I'll pass it on myself and update you [when]." */
const AND_THEN = /\s(?:and|ja|i|oraz|és|es)\s[^,.;]*$/u;

/** The phrasing without its time commitment, for a reply that already commits once ("…pass it on myself."). */
function withoutTimeClause(text: string): string {
  const at = firstTimePlaceholder(text);
  if (at < 0) return text;
  const end = text.slice(at).search(/[,.;!?](\s|$)/);
  const clauseEnd = end < 0 ? text.length : at + end;
  const head = text.slice(0, clauseEnd);
  const link = AND_THEN.exec(head.slice(0, at + 1));
  if (!link) {
    // No separate clause to drop ("…soitan sinulle takaisin [milloin] ja kerron…"): the commitment stays, without a second time.
    const len = /^\[[^\]]*\]/u.exec(text.slice(at))![0].length;
    const before = text.slice(0, at).replace(/\s+(?:by|within|until|before|on|at|do|az|a)?\s*$/iu, '');
    return `${before}${text.slice(at + len)}`.replace(/\s+([,.;!?])/gu, '$1');
  }
  const tail = text.slice(clauseEnd).replace(/^[,;]\s*/, ' ').trim();
  const kept = text.slice(0, link.index).trimEnd().replace(/[,;:]+$/u, '');
  return tail && !/^[.!?]$/.test(tail) ? `${kept}, ${tail}` : `${kept}.`;
}

/** A consequence said mid-clause ("…, and your email has therefore been closed", "…, ja asia on siksi suljettu"). */
const MID_CONSEQUENCE = /^(?:(?:and|ja|i|és|es)\s+)?(?:\S+\s+){0,3}(?:therefore|consequently|thus|siksi|tämän vuoksi|taman vuoksi|w związku z tym|w zwiazku z tym|ezért|ezert|emiatt)(?![\p{L}\p{N}])/iu;
const CONSEQUENCE = /^(?:so|therefore|which means|joten|siksi|eli|niin|wiec|więc|dlatego|zatem|tehat|tehát|ezert|ezért|igy|így|úgyhogy|ugyhogy|szóval|szoval)(?![\p{L}\p{N}])/iu;
// Conditions, concessions and comparisons that cannot stand alone (a word boundary is a letter or digit, not \b:
// \b is ASCII-only and would never end "mikä" or "że") ("Should you…", "niin kuin moni muukin"); not "as", "kuten" or
// "ahogy", which also open a sentence of the agent's own ("As requested, I've checked…", "Kuten sovittiin, …").
const SUBORDINATE = /^(?:if|when|because|unless|which|who|that|so that|should you|were you|had you|gdyby|jakby|tak jak|podobnie jak|mikäli|mikali|niin kuin|samoin kuin|amennyiben|mint|akárcsak|akarcsak|jos|kun|koska|jotta|joka|jonka|mikä|mika|että|etta|jeśli|jesli|jeżeli|jezeli|gdy|kiedy|bo|ponieważ|poniewaz|który|ktory|która|ktora|które|ktore|że|ze|ha|amikor|mert|hogy|ami|amely|aki|although|though|whereas|before|since|whose|vaikka|sillä|silla|vaan|joissa|joilla|joiden|jolloin|chociaż|chociaz|choć|choc|zanim|którzy|ktorzy|żeby|zeby|aby|ażeby|azeby|bár|bar|mivel|holott|mielőtt|mielott|mióta|miota|odkąd|odkad)(?![\p{L}\p{N}])/iu;

/** The link that opened a kept clause after the fault ("…, but the refund…"); Hungarian "a" is the article, not "and". */
const LINKS: Record<Lang, RegExp> = { en: /^(?:but|and|so)\s+/iu, fi: /^(?:mutta|ja)\s+/iu, pl: /^(?:ale|i|a)\s+/iu, hu: /^(?:de|és|es)\s+/iu };

/** A relative clause right after the fault ("…the surname, on which it was placed,") describes what the fault names. */
const RELATIVE = /^(?:\p{L}{1,4}\s+)?(?:which|who|whom|whose|joka|jonka|jota|jossa|johon|jolla|jolle|mikä|mika|jotka|joita|który|ktory|która|ktora|które|ktore|którego|ktorego|którym|ktorym|której|ktorej|których|ktorych|joissa|joilla|joiden|jolloin|którzy|ktorzy|którą|któremu|ktoremu|którymi|ktorymi|amely\p{L}*|aki\p{L}*|ami\p{L}*|ahol|ahova)(?![\p{L}\p{N}])/iu;

/** A question word that opens the object of the fault's verb ("Na przyszłość polecam czytać, co się zatwierdza", "…read
 * what you sign", "…lukea, mitä hyväksyy", "…elolvasni, amit aláír"): without the fault it is a fragment. */
const OBJECT_CLAUSE = /^(?:what|whether|co|czy|mitä|mita|onko|amit|amiket)(?![\p{L}\p{N}])/iu;

/** The complementiser that opens what a framing fault introduces: "że", "että", "hogy", "iż". */
const FRAMED = /^(?:że|ze|iż|iz|että|etta|hogy)\s+/iu;

/** A condition ("If you'd read…", "Jos tuotekuvaus olisi luettu…", "Gdyby Pan…", "Ha normális hangon…"). */
const CONDITIONAL = /^(?:if|unless|should you|were you|had you|jos|mikäli|mikali|gdyby|jeśli|jesli|jeżeli|jezeli|jakby|ha|amennyiben)(?![\p{L}\p{N}])/iu;

/** A clause that opens with "that" is the complement of the clause before it. */
const COMPLEMENT = /^(?:that|että|etta|że|ze|iż|iz|hogy)\b/iu;

/** Words of a clause worth keeping: two or more letters-words make it say something. */
const saysSomething = (t: string) => (t.match(/\p{L}{2,}/gu)?.length ?? 0) >= 2;
const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const asSentence = (t: string) => {
  const trimmed = t.trim().replace(/[,;:\s–-]+$/u, '');
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/**
 * The clauses of a flagged sentence that no finding touches ("Thanks for waiting, but that's not my
 * department."): an editor keeps them, word for word, around the replacement of the clause at fault.
 */
function clausesAround(s: Sentence, here: readonly Finding[], from0 = 0, keepConsequence: boolean | 'unlinked' = false, atAnd = false): { before: string; after: string; afterConditional: boolean; consequence: boolean } {
  const cuts = [from0];
  // "Sorry for the trouble, and once again we apologise": a repeated apology is its own clause from its "and".
  if (atAnd) for (const m of s.text.slice(from0).matchAll(/\s(?=(?:and|ja|sekä|i|oraz|és|es)\s)/giu)) cuts.push(from0 + m.index!);
  // Clauses end at commas, semicolons and dashes, and before a linking word ("…refund you because that's our
  // policy"): the words on the other side of the link are the agent's own and stay. Polish "więc" is left out:
  // it opens a clause only after a comma, and mid-clause ("Opłata została więc naliczona") it would cut a fragment.
  for (const m of s.text.slice(from0).matchAll(/[,;:]\s+|\s[–-]\s|\s(?=(?:because|but|so|since|as|koska|mutta|joten|sillä|silla|bo|ale|ponieważ|poniewaz|mert|de|ezért|ezert|viszont)\s)/giu)) cuts.push(from0 + m.index! + m[0].length);
  cuts.sort((a, b) => a - b);
  cuts.push(s.text.length);
  const before: string[] = [];
  const after: string[] = [];
  let seenFault = false;
  let conditionalFault = false;
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = s.start + cuts[i]!;
    const to = s.start + cuts[i + 1]!;
    const clause = s.text.slice(cuts[i]!, cuts[i + 1]!);
    if (here.some((f) => f.start < to && f.end > from)) {
      // "Ymmärrän kyllä, että [fault]", "It's worth remembering that [fault]": the clause that introduces the
      // fault only frames it, and goes with it.
      if (!seenFault && COMPLEMENT.test(clause.trim())) before.pop();
      // "If you'd read the description, [this would have been avoided]": the clause a conditional fault opens
      // is its consequence, and says the same thing.
      if (!seenFault && CONDITIONAL.test(clause.trim())) conditionalFault = true;
      seenFault = true;
      after.length = 0; // clauses between two faults go with the replacement
      continue;
    }
    // A one-word clause right after the fault ("Jak już mówiłem, powoli: …") belongs to it.
    if (seenFault && after.length === 0 && ((clause.match(/\p{L}{2,}/gu)?.length ?? 0) < 2 || RELATIVE.test(clause.trim()) || OBJECT_CLAUSE.test(clause.trim()))) continue;
    (seenFault ? after : before).push(clause);
  }
  // "Dugja át a kábelt, és ha úgy sem megy, [hívjon vissza később]": the condition just before a fault is the
  // fault's own, and goes with it.
  if (seenFault && before.length > 1 && CONDITIONAL.test(before.at(-1)!.trim().replace(/^(?:and|ja|i|a|és|es)\s+/iu, ''))) before.pop();
  const text = (xs: string[]) => xs.join('').trim();
  // A subordinate clause ("if they don't answer", "jos siellä ei vastata", "który…") is no sentence on its own.
  const whole = (t: string) => (SUBORDINATE.test(t) ? '' : t);
  // What follows the fault as its consequence ("…, so contact them directly", "joten ota yhteyttä heihin")
  // carries the fault on, and would contradict the replacement.
  let after_ = text(after);
  // "Z przyjemnością informujemy ponownie, że wnioski…", "Kuten jo sanoin, että…": the fault only frames what
  // follows it, and what it frames is the agent's content (English "that" is too often a pronoun to tell).
  const framed = FRAMED.exec(after_);
  if (framed) after_ = after_.slice(framed[0].length);
  // What a blame led to is the matter itself ("…, więc system wyliczył zużycie szacunkowo", "…, joten maksu ei mennyt
  // perille"): it stays without its link. Not Finnish "niin", which after advice says what it would save ("…, niin
  // säästyy harmia").
  const consequence = CONSEQUENCE.test(after_) || MID_CONSEQUENCE.test(after_);
  if (consequence && keepConsequence === 'unlinked') after_ = /^niin(?![\p{L}\p{N}])/iu.test(after_) ? '' : after_.replace(CONSEQUENCE, '').replace(/^[\s,]+/u, '');
  return { before: whole(text(before)), after: consequence && !keepConsequence ? '' : whole(after_), afterConditional: conditionalFault && after.length > 0 && !framed, consequence };
}

/** The link from a request to what the agent will do with the answer: "so", "niin", "a", "és". */
const REQUEST_LINK = /^(?:so|and|then|so that|niin|ja|joten|a|i|wiec|więc|to|es|és|így|igy|ezert|ezért)\s+/iu;

/** What the agent said around a request for a number the customer already gave, as statements of their own. */
function aroundRequest(ctx: ReviewContext, s: Sentence, here: readonly Finding[]): string {
  const salutation = salutationOf(ctx, s, here);
  const around = clausesAround(s, here, salutation ? salutation.length : 0, true);
  const statement = (t: string) => {
    if (!saysSomething(t)) return '';
    const linked = REQUEST_LINK.test(t);
    const text = asSentence(capitalise(t.replace(REQUEST_LINK, '')));
    return linked ? text.replace(/\?$/u, '.') : text;
  };
  return [salutation ?? '', statement(around.before), statement(around.after)].filter(Boolean).join(' ');
}

/**
 * A guarantee made an estimate rather than replaced (`softenInRewrite`): the guarantee's own words go ("definitely",
 * "gwarantuję", "voin luvata, että") and the agent's sentence stays, with its day, time and facts. Null where a
 * finding's guideline has no such words, where a finding holds none of them, or where too little is left.
 */
function softened(ctx: ReviewContext, s: Sentence, here: readonly Finding[]): string | null {
  const cuts: [number, number][] = [];
  const folded = foldedSentence(ctx, s);
  // An exact time on someone else's behalf stays, said as an estimate ("arviolta puolen tunnin sisällä").
  const estimates: [number, number, string][] = [];
  const estimated = (f: Finding) => ctx.kb.byId.get(f.guideline)?.data.estimateInRewrite;
  for (const f of here) {
    const est = estimated(f);
    if (!est) continue;
    const [a, b] = [Math.max(0, f.start - s.start), Math.min(s.text.length, f.end - s.start)];
    const words = s.text.slice(a, b);
    const find = new RegExp(`^(?:${est.find[ctx.lang]})`, 'iu');
    if (!find.test(words)) return null;
    estimates.push([a, b, words.replace(find, est.replace[ctx.lang])]);
  }
  // An estimate is no guarantee: "varmasti", "definitely" beside it go too, found or not.
  const sureWords = estimates.length > 0 ? ctx.kb.guidelines.filter((g) => here.some((f) => f.rule === g.rule) && g.soften[ctx.lang]).map((g) => g.soften[ctx.lang]) : [];
  for (const re of new Set([...here.filter((f) => !estimated(f)).map((f) => ctx.kb.byId.get(f.guideline)?.soften[ctx.lang] ?? null), ...sureWords])) {
    if (!re) return null;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (m[0].length === 0) re.lastIndex++;
      else cuts.push([m.index, m.index + m[0].length]);
    }
  }
  if (!here.every((f) => estimated(f) || cuts.some(([a, b]) => s.start + a < f.end && s.start + b > f.start))) return null;
  let text = s.text;
  let from = Infinity;
  const edits: [number, number, string | null][] = [...cuts.map(([a, b]): [number, number, null] => [a, b, null]), ...estimates];
  for (const [a, b, put] of edits.sort((x, y) => y[0] - x[0] || y[1] - x[1])) {
    const end = Math.min(b, from); // overlapping edits: what the later one took is gone already
    if (a < end) text = text.slice(0, a) + (put === null ? ' '.repeat(end - a) : put) + text.slice(end);
    from = Math.min(from, a);
  }
  const tidied = text
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.;:!?…])/gu, '$1')
    .replace(/[,;:]+(?=[.!?…]|$)/gu, '')
    .replace(/^[\s,;:–-]+/u, '')
    .trim();
  if ((tidied.match(/\p{L}{2,}/gu)?.length ?? 0) < 3) return null;
  return asSentence(capitalise(tidied));
}

const wordListRes = new Map<string, RegExp>();
/**
 * "Lomake löytyy asiointipalvelusta." → "Lomake löytyy asiointipalvelusta: [linkki].": where the sentence says what is
 * where (a word of its own outside the pointer), it stays and the direct link goes at its end (`linkInRewrite`);
 * null where the guideline has no such rewrite, the pointer is vague, or the sentence asks.
 */
function linkedInPlace(ctx: ReviewContext, s: Sentence, here: readonly Finding[]): string | null {
  const g = ctx.kb.byId.get(here[0]!.guideline);
  const how = g?.data.linkInRewrite;
  const placeholder = g?.data.preferred[ctx.lang][0]?.match(/\[[^\]]+\]/u)?.[0];
  if (!how || !placeholder || !here.every((f) => f.guideline === here[0]!.guideline) || /\?\s*$/u.test(s.text)) return null;
  const folded = foldedSentence(ctx, s);
  if (wordsRe(how.vague[ctx.lang], '').test(folded)) return null;
  const stop = stopwordsOf(ctx);
  let rest = s.text;
  for (const f of here) {
    const [a, b] = [Math.max(0, f.start - s.start), Math.min(rest.length, f.end - s.start)];
    if (b > a) rest = rest.slice(0, a) + ' '.repeat(b - a) + rest.slice(b);
  }
  const own = (fold(rest).match(/\p{L}{3,}/gu) ?? []).filter((w) => !stop.has(w));
  if (own.length < 1) return null;
  // "…löydät nettisivuiltamme jostain Tuotemerkit-osion alta" → "…nettisivuiltamme Tuotemerkit-osion alta: [linkki]."
  let text = s.text;
  for (const m of [...folded.matchAll(wordsRe(how.cut[ctx.lang], 'g'))].reverse()) text = text.slice(0, m.index) + text.slice(m.index! + m[0].length);
  text = text.replace(/[ \t]{2,}/gu, ' ').replace(/[ \t]+([,.;:])/gu, '$1');
  return `${text.replace(/[\s.!…:;,–-]+$/u, '')}: ${placeholder}.`;
}

/** A list of words as a regular expression over folded text, whole words only (with the space before each). */
function wordsRe(words: string, flags: string): RegExp {
  const key = `${flags}:${words}`;
  let re = wordListRes.get(key);
  if (!re) wordListRes.set(key, (re = new RegExp(`(?<![\\p{L}])\\s?(?:${words})(?![\\p{L}])`, `u${flags}`)));
  return re;
}

/** The sentence with the given spans blanked (same length, so the draft's offsets still line up; tidied when kept). */
function withoutSpans(s: Sentence, spans: readonly Finding[]): Sentence {
  let text = s.text;
  for (const f of [...spans].sort((a, b) => b.start - a.start)) {
    const from = Math.max(0, f.start - s.start);
    const to = Math.min(text.length, f.end - s.start);
    text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
  }
  return { ...s, text };
}

const tidy = (t: string) => asSentence(t.replace(/[ \t]{2,}/g, ' ').replace(/[ \t]+([.!?…,;:])/gu, '$1'));

function body(ctx: ReviewContext, findings: readonly Finding[], dropBackground: boolean, register: string | undefined): Part[] {
  const parts: Part[] = [];
  const used = new Set<string>();
  const overExplained = findings.some((f) => f.rule === 'over-explaining');
  // Whether some sentence of the draft says something with no finding in it.
  // A salutation ("Wielce Szanowny Panie,") or a sign-off line ("Z poważaniem", "Parking Services") says nothing of the matter.
  const speaks = (c: Sentence) => /[.!?…]$/u.test(c.text) && (c.text.match(/\p{L}{2,}/gu)?.length ?? 0) >= 3 && !(c === ctx.sentences[0] && lexiconIn(ctx, 'greeting', c.start, c.end) && c.text.length < 40);
  const untouched = ctx.content.some((c) => !findings.some((f) => !ADDITIONS.has(f.rule) && f.start < c.end && f.end > c.start) && speaks(c));
  // "…holnap visszahívom, és elmondom, mire jutottam": a commitment with the agent's own time, in a sentence the
  // rewrite keeps; a phrasing for another fault keeps its offer but adds no second "[mikor]".
  // So does a call back the customer was told to make at a time ("Hívjon inkább holnap"): its phrasing becomes the
  // agent's own call back at that time.
  let committed = ctx.sentences.some((c) => {
    const at = findings.filter((f) => !ADDITIONS.has(f.rule) && f.start < c.end && f.end > c.start);
    if (at.some((f) => f.rule === 'call-back-later')) return timeIn(ctx, c);
    return at.length === 0 && (lexiconIn(ctx, 'commitment', c.start, c.end) || lexiconIn(ctx, 'followUp', c.start, c.end)) && timeIn(ctx, c);
  });
  let softenedOnce = false;
  // Where the alternative takes the matter over ("I'll contact them for you"), a sentence of the draft that still
  // sends the customer to do it ("Call them directly.") would contradict it.
  const takesOver = findings.some((f) => TAKE_OVER.has(f.rule));
  const transfers = findings.some((f) => f.rule === 'transfer-runaround');
  // The first "I'll take this on myself" says it; a second deflection in the reply keeps only the agent's words.
  let handedOver = false;
  const firstApology = findings.filter((f) => f.guideline === REPEATED_APOLOGY).sort((a, b) => a.start - b.start)[0];
  for (const sentence of ctx.sentences) {
    const inSentence = findings.filter((f) => !ADDITIONS.has(f.rule) && f.rule !== 'over-explaining' && f.start < sentence.end && f.end > sentence.start);
    // A fault with no words (an eye-roll 🙄, a shrug 🤷) is simply taken out: the sentence around it stays as written.
    const wordless = inSentence.filter((f) => !/\p{L}/u.test(ctx.draft.slice(f.start, f.end)));
    const s = wordless.length > 0 ? withoutSpans(sentence, wordless) : sentence;
    // One sincere apology is good service: the first of repeated apologies stays, the repeats go.
    const here = inSentence.filter((f) => !wordless.includes(f) && f !== firstApology);
    if (here.length > 0) {
      const linked = linkedInPlace(ctx, s, here);
      if (linked !== null) {
        parts.push({ text: linked, before: s.before, carries: true });
        continue;
      }
      const soft = softened(ctx, s, here);
      if (soft !== null) {
        parts.push({ text: soft, before: s.before, carries: true });
        // Said once a reply, after the first estimate: "That is the current estimate; if anything changes…".
        const after = here.map((f) => ctx.kb.byId.get(f.guideline)?.data).map((d) => d?.softenInRewrite?.after[ctx.lang] ?? d?.estimateInRewrite?.after[ctx.lang]).find((t) => t !== undefined);
        if (after && !softenedOnce) parts.push({ text: inRegister(ctx.lex, register, after), before: ' ' });
        softenedOnce = true;
        continue;
      }
      let replacement = replacementFor(ctx, here, register);
      // "Tak." to "has my transfer arrived?": the yes is the agent's answer and stays; what it lacks is what it means.
      const answer = bareAnswer(ctx, s, here);
      const afterAnswer = answer === null ? undefined : ctx.kb.byId.get(here[0]!.guideline)?.data.preferredAfterAnswer?.[ctx.lang][0];
      // Where the reply also lacks a next step, the step added for it says what happens ("Ei oo vielä. Selvitän asian ja
      // palaan sinulle [aika]."): the answer stays alone, with no second blank beside it.
      if (answer !== null && afterAnswer) {
        replacement = findings.some((f) => f.rule === 'missing-next-step') ? `${answer}.` : inRegister(ctx.lex, register, afterAnswer).replace('{answer}', answer);
      }
      // "It's the courier's responsibility" → "I'll take this up with the courier myself", not "with the company involved".
      if (replacement && here.some((f) => TAKE_OVER.has(f.rule))) replacement = namingParty(ctx, s, replacement);
      // "Soittakaa parin tunnin päästä uudelleen" → "…soitan sinulle itse takaisin parin tunnin päästä": the time the
      // agent gave for the customer's call becomes the time of the agent's own, instead of a "[milloin]".
      if (replacement && here.some((f) => f.rule === 'call-back-later')) replacement = withDraftTime(ctx, s, replacement);
      if (replacement === null && here.every((f) => f.rule === 'asks-details-again')) {
        // The number asked for again is read back in compose(); what the agent said around the request is theirs
        // and stays ("…, so I can look into it" → "I can look into it.").
        const kept = aroundRequest(ctx, s, here);
        if (kept) parts.push({ text: kept, before: s.before, carries: saysSomething(kept) });
        continue;
      }
      // "Hi Dana, sorry, that's not my department.": the salutation has no finding and stays, word for word.
      const salutation = salutationOf(ctx, s, here);
      // A judgement frames its whole sentence ("If you had read the manual, you'd know…"): nothing of it stays.
      // A judgement ("No to jeszcze raz, powoli: …", "…, eli vika ei ole meidän päässä") is cut with its clause; the
      // facts said around it stay, and the re-review in mend() drops any sentence that still stings.
      const repeats = here.every((f) => f.guideline === REPEATED_APOLOGY);
      // Stock phrases and stock apologies are filler: where the reply says its matter elsewhere, they simply go; so
      // does the agent's venting about their day ("Sorry, it's mad here today, half the team is off") where the
      // reply goes on to the customer's matter, instead of an "I'm on it and will update you [when]" beside the
      // agent's own answer. A shrug at a loss is the exception: what it leaves out (acknowledging the loss) is put
      // in its place.
      const judgementOnly = here.every(
        (f) => CUT_ONLY_RULES.has(f.rule) && !ctx.kb.byId.get(f.guideline)?.data.acknowledgeInRewrite,
      );
      const framing = repeats || here.some((f) => f.rule === 'rude-or-judgemental' || f.rule === 'blames-customer');
      const blameOnly = here.every((f) => f.rule === 'blames-customer');
      // "…raty są naliczane do otrzymania umowy i takie są zasady": a rule cited as a coda is its own clause from its
      // "and"; what the agent said before it is the matter and stays.
      const codaAtAnd = repeats || here.every((f) => f.rule === 'policy-shield');
      const around = clausesAround(s, here, salutation ? salutation.length : 0, blameOnly ? 'unlinked' : false, codaAtAnd);
      // Beside a judgement a two-word remnant ("Ymmärrän kyllä, että…", "Once again,") says nothing of its own.
      const keptApology = firstApology && firstApology.start >= s.start && firstApology.end <= s.end ? ctx.draft.slice(firstApology.start, firstApology.end) : null;
      // "Proszę Pana.", "Joo, kuulkaa.", "Right, sir.": an address or a particle left on its own says nothing.
      const enough = (t: string) =>
        saysSomething(t) && !contentlessWords(ctx, fold(t), 4) && (!framing || (t.match(/\p{L}{2,}/gu)?.length ?? 0) >= 3 || (keptApology !== null && t.includes(keptApology)));
      // "…, soittakaa suoraan heidän huoltoonsa": a clause that sends the customer on goes where the agent takes over.
      const referral = (t: string) => takesOver && matches(ctx.lex.lexicon.referOn, fold(t));
      const before = enough(around.before) && !referral(around.before) && !REQUEST_HEAD.test(fold(around.before)) ? around.before : '';
      // A two-word tail ("…, nie sklep.", "…, not ours.") is the fault's own coda, not a sentence of the agent's.
      // What a faulty condition leads to, when short and with nothing of the agent's own in it ("…, tältä olisi
      // vältytty", "…, you'd know"), says the fault again; a commitment, a fact or what is on its way after it
      // ("…, megnézem az ügyét") is the agent's and stays.
      const echo = (t: string) => around.afterConditional && (t.match(/\p{L}{2,}/gu)?.length ?? 0) <= 6 && !/\d/.test(t) && !(['commitment', 'followUp', 'pending'] as const).some((k) => matches(ctx.lex.lexicon[k], fold(t)));
      // "…, więc pewnie u Pana jest tak samo", "…, so it's likely the same cause again": a guess the blame leads to blames on.
      const guessedOn = (t: string) => around.consequence && blameOnly && matches(ctx.lex.lexicon.guess, fold(t));
      const after = enough(around.after) && !guessedOn(around.after) && (around.after.match(/\p{L}{2,}/gu)?.length ?? 0) >= 3 && !referral(around.after) && !echo(around.after) ? around.after : '';
      // A judgement is taken out, not papered over: where the agent's own words still say something (another
      // sentence, or five words around the cut), the guideline's scaffold ("Here's how it stands: [status…]")
      // would only add a blank. A repeated apology is simply dropped: the first one stays, and a next step is
      // added where one is missing.
      // Filler (a stock phrase, a stock apology, the agent's venting) goes wherever the reply has another sentence to
      // carry it: that sentence, or the phrasing that replaces it, says what happens; a scaffold in the filler's place
      // ("Here's how it stands: [status]") would only add a blank beside it.
      const fillerOnly = judgementOnly && here.every((f) => FILLER_RULES.has(f.rule)) && ctx.content.length > 1;
      const cutOnly = repeats || fillerOnly || (judgementOnly && (untouched || (`${before} ${after}`.match(/\p{L}{2,}/gu)?.length ?? 0) >= 5));
      // A loss shrugged off is acknowledged; where the reply already says what happens (another sentence, or five
      // words around the cut), only the acknowledgement goes in ("Harmillista, että näin kävi."), not a blank
      // "[what you will do]" beside the agent's own next step.
      if (replacement && here.every((f) => ctx.kb.byId.get(f.guideline)?.data.acknowledgeInRewrite) && (untouched || (`${before} ${after}`.match(/\p{L}{2,}/gu)?.length ?? 0) >= 5)) {
        replacement = withoutBlanks(replacement);
      }
      // One hand-over a reply: where the reply passes the customer on (its transfer phrasing says how), a phrasing that
      // has the agent take the matter over personally ("I'll get it to the right people myself") would contradict it.
      const ownsInstead = (transfers && !here.some((f) => f.rule === 'transfer-runaround') && here.some((f) => OWNS_IT.has(f.rule))) || (handedOver && here.every((f) => OWNS_IT.has(f.rule)));
      // Each phrasing once a reply: a second fault of the same kind keeps only the agent's words around it.
      const fresh = replacement !== null && !cutOnly && !ownsInstead && !used.has(replacement) && !nearDuplicate(replacement, used);
      if (fresh && replacement) {
        used.add(replacement);
        if (here.some((f) => OWNS_IT.has(f.rule))) handedOver = true;
        // One commitment a reply: a second phrasing keeps its offer but not another "[when]".
        if (committed) replacement = withoutTimeClause(replacement);
        if (TIME_PLACEHOLDER.test(replacement)) committed = true;
      }
      const built = (phrasing: string) => {
        const keepCase = phrasing ? /^(I|I'm|I'll|I've|I'd|Pan|Pani|Państwo|Ön|Önnek|Önt|Önök)\b|^\[/u.test(phrasing) : true;
        let text = phrasing;
        if (before) text = `${asSentence(capitalise(before))} ${text}`.trim();
        if (after) text = `${text} ${asSentence(capitalise(after.replace(LINKS[ctx.lang], '')))}`.trim();
        if (!text) return '';
        // "Hi Dana," opens the sentence as it opened the draft's.
        if (salutation) text = `${salutation} ${(before ? /^(I|I'm|I'll|I've|I'd)\b/u.test(before) : keepCase) ? text : text.charAt(0).toLowerCase() + text.slice(1)}`;
        return text;
      };
      const phrasing = fresh && replacement ? replacement : '';
      // A second hand-over is not written ("one hand-over a reply"), but who handles the matter stays a fact the
      // customer keeps ("Huollot hoitaa maahantuoja."); only the sending-on after "so" goes.
      const handles = !phrasing && here.every((f) => TAKE_OVER.has(f.rule)) ? whoHandlesIt(ctx, s) : null;
      if (handles) {
        parts.push({ text: handles, before: s.before, carries: true });
        continue;
      }
      const text = built(phrasing);
      if (!text) continue;
      const ownWords = (`${before} ${after}`.match(/\p{L}{2,}/gu)?.length ?? 0) >= 5;
      // A phrasing in place of words that were only around the matter (a judgement, filler, venting, a hurried
      // "bear with me" beside them) is there to say something where nothing else would; it has a bare form.
      // In writing, "Chwileczkę…" before the answer in the same message is over by the time it is read: where the
      // reply goes on to its matter, it simply goes, with no "[how long]" in its place.
      const waitInWriting = ctx.channel !== 'phone-script' && here.every((f) => f.rule === 'vague-wait');
      const aroundOnly = phrasing.includes('[') && (judgementOnlyOrWait(here, ctx) || waitInWriting);
      const bareText = aroundOnly ? built(waitInWriting || withoutBlanks(phrasing) === phrasing ? '' : withoutBlanks(phrasing)) : undefined;
      parts.push({ text, before: s.before, carries: ownWords || (phrasing !== '' && !aroundOnly), ...(bareText !== undefined ? { bare: bareText } : {}) });
      continue;
    }
    const marked = findings.some((f) => f.rule === 'over-explaining' && f.start < s.end && f.end > s.start);
    if ((overExplained || dropBackground) && isBackground(ctx, s) && (marked || !statesAnAmount(s.text))) continue;
    if (takesOver && lexiconIn(ctx, 'referOn', s.start, s.end)) {
      // "Huollot hoitaa maahantuoja, joten soita heille.": who handles it is a fact the customer
      // keeps; only the sending-on after "so" goes, where the agent takes the matter over.
      const fact = whoHandlesIt(ctx, s);
      if (fact) parts.push({ text: fact, before: s.before, carries: true });
      continue;
    }
    parts.push({ text: s === sentence ? s.text : tidy(s.text), before: s.before, carries: speaks(s) });
  }
  return withFewestBlanks(parts);
}

/** Whether the sentence names a time ("this afternoon", "holnap"), not a word that only joins a clause ("as soon as"). */
function timeIn(ctx: ReviewContext, c: Sentence): boolean {
  const re = ctx.lex.lexicon.timeFrame;
  const folded = ctx.folded.slice(c.start, c.end);
  re.lastIndex = 0;
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    if (m[0].length === 0) re.lastIndex++;
    else if (!NOT_A_TIME.test(m[0].trim())) return (re.lastIndex = 0), true;
  }
  re.lastIndex = 0;
  return false;
}

/** Faults that are only words around the matter, and a hurried wait said beside them ("…, so bear with me"). */
function judgementOnlyOrWait(here: readonly Finding[], ctx: ReviewContext): boolean {
  return here.some((f) => CUT_ONLY_RULES.has(f.rule)) && here.every((f) => CUT_ONLY_RULES.has(f.rule) || f.rule === 'vague-wait') && !here.some((f) => f.rule === 'vague-wait' && ctx.content.length === 1);
}

/**
 * A blank is work handed back to the agent. Where some piece of the reply says its matter, the phrasings put in
 * place of judgements and filler lose their blank sentences ("Here's where things stand: [status]." goes, "I'm
 * sorry this happened." stays); where none does, the first of them stays whole, so the reply still says something.
 */
function withFewestBlanks(parts: readonly Part[]): Part[] {
  const carried = parts.some((p) => p.carries);
  let firstKept = carried;
  const out: Part[] = [];
  for (const p of parts) {
    if (p.bare === undefined || !firstKept) {
      if (p.bare !== undefined) firstKept = true;
      out.push(p);
    } else if (p.bare) out.push({ ...p, text: p.bare });
  }
  return out;
}

type Strings = ReviewContext['lex']['data']['strings'];
/** Per language of a knowledge base and register: the same strings every time, and asked for several times a review. */
const stringsMade = new WeakMap<ReviewContext['lex'], Map<string | undefined, Readonly<Strings>>>();

/** The language's strings (greeting, thanks, references…) in the reply's register. */
function stringsIn(ctx: ReviewContext, register: string | undefined): Readonly<Strings> {
  let byRegister = stringsMade.get(ctx.lex);
  if (!byRegister) stringsMade.set(ctx.lex, (byRegister = new Map()));
  let strings = byRegister.get(register);
  if (!strings) {
    const s = ctx.lex.data.strings;
    strings = Object.freeze(Object.fromEntries(Object.entries(s).map(([k, v]) => [k, inRegister(ctx.lex, register, v)])) as Strings);
    byRegister.set(register, strings);
  }
  return strings;
}

/**
 * A plain number read out of its sentence means nothing ("For reference: 3." from "3 March", "18, 00" from
 * "18:00"): it is carried with the digits and separators around it and, unless it is a clock time, the word
 * after it ("3 marca", "1–2 munkanapon", "18:00"). Identifiers, links and e-mails stand on their own.
 */
function factPhrase(draft: string, fact: Fact, ids: ReadonlySet<string>, stop: ReadonlySet<string>, lang: Lang): string {
  if (fact.kind !== 'number' || ids.has(fact.key)) return fact.text;
  const at = draft.indexOf(fact.text);
  if (at < 0) return fact.text;
  // Out to the whole number it is part of: "18" and "00" are one "18:00", "1" and "2" one "1–2".
  const joins = (c: string, beyond: string) => /\d/.test(c) || (/[.,:–-]/.test(c) && /\d/.test(beyond));
  let from = at;
  while (from > 0 && joins(draft.charAt(from - 1), draft.charAt(from - 2))) from--;
  // A currency sign before it belongs to it ("£45", "€12").
  if (/[£$€¥]/u.test(draft.charAt(from - 1))) from--;
  let to = at + fact.text.length;
  while (to < draft.length && joins(draft.charAt(to), draft.charAt(to + 1))) to++;
  const number = draft.slice(from, to);
  // A clock time says what it is ("18:00"); a bare count or day needs its word: the one after it ("3 marca",
  // "100 forint"), or where that is a small word ("2 of the bill", "7 and"), the one before it ("page 2").
  if (number.includes(':') || !/\d$/.test(number)) return number;
  // Hungarian and Finnish write an ordinal with a dot before its noun ("2. oldalán", "20. päivä").
  const unit = (lang === 'hu' || lang === 'fi' ? /^(?:\s?%|\.?\s+(\p{L}{2,20}))/u : /^(?:\s?%|\s+(\p{L}{2,20}))/u).exec(draft.slice(to));
  if (unit && (unit[1] === undefined || !stop.has(fold(unit[1])))) return number + unit[0];
  // English and Polish name a numbered thing before its number ("page 2", "strona 2"); Finnish and Hungarian
  // inflect the number itself, and the word before it is no name of it.
  const before = lang === 'en' || lang === 'pl' ? /(\p{L}{3,20})\s+$/u.exec(draft.slice(Math.max(0, from - 24), from)) : null;
  return before && !stop.has(fold(before[1]!)) ? `${before[1]} ${number}` : number;
}

/** The facts every candidate of one review must keep: asked for up to four times a review, the same each time. */
const keptByReview = new WeakMap<ReviewContext, { findings: readonly Finding[]; facts: readonly Fact[] }>();
function factsKept(ctx: ReviewContext, findings: readonly Finding[]): readonly Fact[] {
  const known = keptByReview.get(ctx);
  if (known?.findings === findings) return known.facts;
  const facts = factsToKeep(ctx.draft, faultSpans(ctx.draft, findings));
  keptByReview.set(ctx, { findings, facts });
  return facts;
}

/** A language's small words, folded: never the word that says what a number is. */
const stopwordSets = new WeakMap<ReviewContext['lex'], ReadonlySet<string>>();
function stopwordsOf(ctx: ReviewContext): ReadonlySet<string> {
  let set = stopwordSets.get(ctx.lex);
  if (!set) stopwordSets.set(ctx.lex, (set = new Set(ctx.lex.data.stopwords.map((w) => fold(w)))));
  return set;
}

/** Whether every place the draft says this fact is a background sentence (a history with a cue, no amount of its own). */
function onlyInBackground(ctx: ReviewContext, fact: Fact): boolean {
  let found = false;
  for (let at = ctx.draft.indexOf(fact.text); at >= 0; at = ctx.draft.indexOf(fact.text, at + 1)) {
    const s = ctx.sentences.find((x) => x.start <= at && at < x.end);
    if (!s || !isBackground(ctx, s) || statesAnAmount(s.text.replace(/\b(?:19|20)\d\d\b/gu, ''))) return false;
    found = true;
  }
  return found;
}

function keepFacts(ctx: ReviewContext, text: string, findings: readonly Finding[], register?: string): string {
  const key = factKey(text);
  // A number only the background held ("w 2019 roku budynek przeszedł remont…") went with the background, on purpose.
  const lost = factsKept(ctx, findings).filter((f) => !key.includes(f.key) && !onlyInBackground(ctx, f));
  if (lost.length === 0) return text;
  const ids = new Set(identifiers(ctx.draft).map((f) => f.key));
  const stop = stopwordsOf(ctx);
  const phrases = lost.map((f) => factPhrase(ctx.draft, f, ids, stop, ctx.lang));
  // "1–2 munkanapon" carries both the 1 and the 2: one phrase each, the longer first, none inside another.
  const unique = [...new Set(phrases)].sort((a, b) => b.length - a.length).filter((p, i, all) => !all.slice(0, i).some((q) => q.includes(p)));
  if (unique.length === 0) return text;
  return `${text}${ctx.draft.includes('\n') ? '\n\n' : ' '}${stringsIn(ctx, register).reference.replace('{details}', unique.join(', '))}`;
}

function compose(ctx: ReviewContext, findings: readonly Finding[], nextStep: NextStep, style: Suggestion['style'], register: string | undefined): string {
  const strings = stringsIn(ctx, register);
  const parts = body(ctx, findings, style === 'concise', register);
  const multiline = ctx.draft.includes('\n');
  const first = ctx.sentences[0];
  const greeted = first ? lexiconIn(ctx, 'greeting', first.start, first.end) : false;
  const acknowledged = lexiconIn(ctx, 'acknowledgement');
  const opening: string[] = [];
  // One part of a reply split over several messages ("2/2") has had its greeting in the first part.
  if (style === 'warmer' && !ctx.threadPart) {
    if (!greeted) opening.push(strings.greeting);
    // Greet first, thank once: a draft that opens "Hi Dana, I've found…" is not preceded by a thank-you;
    // a bare "Hi Dana," salutation gets it after the name (below, in the chat shape too).
    // "Thank you for your message" is for writing; on the phone the greeting is enough.
    if (!acknowledged && !greeted && ctx.channel !== 'phone-script') opening.push(strings.acknowledge);
  } else if (findings.some((f) => f.rule === 'missing-greeting')) {
    opening.push(strings.greeting);
  }
  const additions: string[] = [];
  const draftBody = join(parts);
  const bodyKey = factKey(draftBody);
  // Read back what the customer gave (an unconfirmed or re-asked number): their words, so nothing is invented.
  if (findings.some((f) => f.rule === 'unconfirmed-details' || f.rule === 'asks-details-again') && ctx.customer) {
    // Not a PESEL or card number in writing: whoever sees the chat would see it (personal-ids.ts).
    const ids = ctx.customerIds.filter((f) => !bodyKey.includes(f.key) && (ctx.channel === 'phone-script' || !isPersonalId(ctx.lex, ctx.customerMasked, f)));
    if (ids.length > 0) additions.push(strings.confirmDetails.replace('{details}', ids.map((f) => f.text).join(', ')));
  }
  // End with what the agent will do next, unless the rewrite already commits to something with a time.
  const folded = fold(draftBody);
  const commits = [ctx.lex.lexicon.commitment, ctx.lex.lexicon.followUp].some((re) => {
    re.lastIndex = 0;
    return re.test(folded);
  });
  const timeFrame = ctx.lex.lexicon.timeFrame;
  timeFrame.lastIndex = 0;
  const bodyHasStep = commits && timeFrame.test(folded);
  // Only where the draft left the customer with no next step: a reply that already answered or asked needs
  // no "I'll look into this and get back to you" on top (and if a replaced sentence took the step with it,
  // the re-review in mend() finds that and adds it).
  const lacksStep = findings.some((f) => f.rule === 'missing-next-step');
  if (lacksStep && !bodyHasStep && !TIME_PLACEHOLDER.test(draftBody) && !draftBody.includes(nextStep.text)) additions.push(nextStep.text);
  const lead = opening.join(' ');
  const tail = additions.join(' ');
  let text: string;
  if (multiline) {
    // Keep the e-mail shape: greeting line, body, sign-off last.
    const signOffAt = parts.findIndex((p, i) => i > 0 && /\n/.test(p.before) && !/[.!?]$/.test(p.text) && p.text.length < 40);
    const main = signOffAt > 0 ? parts.slice(0, signOffAt) : parts;
    const signOff = signOffAt > 0 ? parts.slice(signOffAt) : [];
    const mainText = [join(main), tail].filter(Boolean).join(' ');
    const salutation = main[0] && first && lexiconIn(ctx, 'greeting', first.start, first.end) && main[0].text === first.text && first.text.length < 60;
    if (salutation) {
      // "Hei," stays the first line; the acknowledgement opens the body after it.
      const rest = [join(main.slice(1)), tail].filter(Boolean).join(' ');
      text = [main[0]!.text, [lead, rest].filter(Boolean).join(' '), join(signOff)].filter(Boolean).join('\n\n');
    } else {
      text = [lead, mainText, join(signOff)].filter(Boolean).join('\n\n');
    }
  } else {
    const salutation = style === 'warmer' && greeted && !acknowledged && first && parts[0]?.text === first.text && first.text.split(/\s+/).length <= 3;
    // A reply that opens with the customer's @handle (or a thread marker) keeps it first, before any greeting.
    const markupEnd = ctx.masked.search(/\S/);
    const prefix = markupEnd > 0 ? ctx.draft.slice(0, markupEnd).trim() : '';
    // …and a signature (^CB, -Sara) stays last, after any next step added.
    const contentEnd = ctx.masked.trimEnd().length;
    const suffix = contentEnd < ctx.draft.length ? ctx.draft.slice(contentEnd).trim() : '';
    let body = prefix && draftBody.startsWith(prefix) ? draftBody.slice(prefix.length).trim() : draftBody;
    const signed = suffix !== '' && body.endsWith(suffix);
    if (signed) body = body.slice(0, -suffix.length).trim();
    if (tail && body && !/[.!?…]$/.test(body)) body = `${body}.`;
    text = salutation
      ? [parts[0]!.text, strings.acknowledge, join(parts.slice(1)), tail].filter(Boolean).join(' ')
      : [body === draftBody || !prefix ? '' : prefix, lead, body, tail, signed ? suffix : ''].filter(Boolean).join(' ');
  }
  // Everything of the draft was at fault and nothing replaced it: the next step is the least a reply says.
  if (!text.trim()) text = nextStep.text;
  return keepFacts(ctx, text, findings, register);
}

/**
 * `addition` at the end of the reply's body: in an e-mail, before its sign-off ("Yours sincerely, / Claims Team"),
 * never after the signature.
 */
function beforeSignOff(text: string, addition: string): string {
  const blocks = text.split(/\n{2,}/);
  let last = blocks.length;
  // The sign-off is the trailing run of short blocks that end in no full stop ("Kind regards,", "Claims Team").
  while (last > 1 && blocks[last - 1]!.split('\n').every((line) => line.length < 60 && !/[.!?]$/.test(line.trim()))) last--;
  if (last === blocks.length || last === 0) return `${text} ${addition}`;
  blocks[last - 1] = `${blocks[last - 1]} ${addition}`;
  return blocks.join('\n\n');
}

/** A candidate with a major or critical finding loses the offending sentences, up to twice; then the safe template. */
function mend(ctx: ReviewContext, text: string, findingsOf: FindingsOf, nextStep: NextStep, findings: readonly Finding[], register: string | undefined): string {
  let current = text;
  for (let round = 0; round < 3; round++) {
    // Nothing major or critical is left, and nothing asks again for what the customer already gave.
    const bad = findingsOf(current).filter((f) => f.severity !== 'minor' || f.rule === 'asks-details-again');
    if (bad.length === 0) return current;
    let mended = current;
    // A missing next step is mended by adding one, not by cutting the sentence it is marked on.
    if (bad.some((f) => f.rule === 'missing-next-step') && !mended.includes(nextStep.text)) mended = beforeSignOff(mended, nextStep.text);
    for (const f of [...bad].filter((x) => x.rule !== 'missing-next-step').sort((a, b) => b.start - a.start)) {
      const from = Math.max(mended.lastIndexOf('. ', f.start) + 1, mended.lastIndexOf('\n', f.start) + 1, 0);
      const stop = mended.slice(f.end).search(/[.!?…](\s|$)/);
      const to = stop < 0 ? mended.length : f.end + stop + 1;
      mended = (mended.slice(0, from) + mended.slice(to)).replace(/[ \t]{2,}/g, ' ').trim();
    }
    // The next step once: a first round may have added it already.
    if (round === 1) mended = keepFacts(ctx, (mended.includes(nextStep.text) ? mended : beforeSignOff(mended, nextStep.text)).trim(), findings, register);
    if (!mended.trim()) break; // nothing left to mend: the safe template below
    current = mended;
  }
  const strings = stringsIn(ctx, register);
  return keepFacts(ctx, `${strings.acknowledge} ${strings.ownership} ${nextStep.text}`, findings, register);
}

export function suggestReplies(ctx: ReviewContext, findings: readonly Finding[], nextStep: NextStep, findingsOf: FindingsOf, register?: string): Suggestion[] {
  const styles: Suggestion['style'][] = ['warmer', 'concise'];
  return styles.map((style) => ({ style, text: mend(ctx, compose(ctx, findings, nextStep, style, register), findingsOf, nextStep, findings, register) }));
}
