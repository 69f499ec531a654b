import { CHECKS } from './checks/index.js';
import { verdictFor, type Finding, type Lang, type ReviewResult } from '../core/contract.js';
import { loadKnowledgeBase, type KnowledgeBase, type RuntimeGuideline } from './knowledge-base.js';
import { planNextStep } from './plan-next-step.js';
import { chooseRegister, inRegister } from './reply-register.js';
import { createContext, type ReviewContext } from './review-context.js';
import { checkRequest, DEFAULT_MAX_DRAFT } from './review-input.js';
import { scoreReview } from './score-review.js';
import { suggestReplies } from './suggest-replies.js';

export interface ReviewOptions {
  kb?: KnowledgeBase;
  /** Longest draft accepted, in characters (default 20,000). */
  maxDraft?: number;
  /** The deployment's register where a draft shows none: `{ fi: 'te', hu: 'te' }` (REPLY_REGISTER). */
  registers?: Partial<Record<Lang, string>>;
}

/** The knowledge base's guidelines in file order, with the ones that read other findings last; once per knowledge base.
 * Tone cues come after every phrase: a sentence a phrase already marks keeps that guideline's finding and message. */
const ordered = new WeakMap<KnowledgeBase, readonly RuntimeGuideline[]>();
function checkOrder(kb: KnowledgeBase): readonly RuntimeGuideline[] {
  let list = ordered.get(kb);
  if (!list) {
    const last = (g: RuntimeGuideline) => (g.data.kind === 'missing-next-step' ? 2 : g.data.kind === 'cue-pairs' ? 1 : 0);
    ordered.set(kb, (list = [...kb.guidelines].sort((a, b) => last(a) - last(b))));
  }
  return list;
}

/**
 * Runs every guideline over the draft; one finding per rule and span, in draft order. With
 * `blockingOnly`, minor guidelines are skipped: a rewrite's re-review only asks whether anything major
 * or critical is left, and skipping the rest halves its cost. With `phrasesOnly`, only the phrase rules run.
 */
export function findingsFor(ctx: ReviewContext, blockingOnly = false, phrasesOnly = false): Finding[] {
  const out: Finding[] = [];
  // Whether the reply says what happens next depends on where its faults are ("we're swamped today" dates nothing):
  // that check runs after the others and reads their findings.
  for (const g of checkOrder(ctx.kb)) {
    if (blockingOnly && g.data.severity === 'minor') continue;
    if (phrasesOnly && g.data.kind !== 'phrase' && g.data.kind !== 'occurrence') continue;
    for (const f of CHECKS[g.data.kind](ctx, g, out)) {
      if (out.some((o) => o.rule === f.rule && o.start < f.end && o.end > f.start)) continue;
      out.push(f);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function resolveLanguage(kb: KnowledgeBase, draft: string, customer: string, given: Lang | undefined, unsupported: string | undefined) {
  if (given) return { lang: given, notes: [] as string[], detected: undefined as string | undefined };
  const note = kb.languages.en.data.ui.unsupportedLanguage ?? 'unsupported language';
  if (unsupported) return { lang: 'en' as Lang, notes: [`unsupported language "${unsupported}": ${note}`], detected: unsupported };
  let guess = kb.detector.detect(draft);
  if (!guess.lang && customer) {
    const both = kb.detector.detect(`${draft}\n${customer}`);
    if (both.lang) guess = both;
  }
  if (guess.lang) return { lang: guess.lang, notes: [], detected: guess.lang };
  return { lang: 'en' as Lang, notes: [`unsupported language (${guess.seen}): ${note}`], detected: guess.seen };
}

/**
 * A queue set to one of our languages still receives replies in others (a Spanish or Japanese answer in an
 * English queue). It counts only where the detector reads neither the given language nor any of ours, and its
 * trigrams name another one: a short or mixed draft stays the given one's.
 */
function foreignLanguage(kb: KnowledgeBase, text: string, given: Lang): string | undefined {
  if (kb.detector.showsLanguage(text, given)) return undefined;
  const guess = kb.detector.detect(text);
  return guess.lang !== given && guess.seen !== 'und' && !OUR_LANGUAGES.has(guess.seen) ? guess.seen : undefined;
}
/** franc's codes of our four languages. */
const OUR_LANGUAGES = new Set(['fin', 'pol', 'hun', 'eng']);

/**
 * Reviews one draft against the knowledge base. Pure and synchronous: no network, no clock, no state.
 * Throws ReviewInputError (a message fit for the user) for requests that cannot be reviewed.
 *
 * @example review({ draft: "That's not my department.", lang: 'en' }).verdict // 'revise'
 */
export function review(request: unknown, options: ReviewOptions = {}): ReviewResult {
  const kb = options.kb ?? loadKnowledgeBase();
  const req = checkRequest(request, options.maxDraft ?? DEFAULT_MAX_DRAFT);
  const { lang, notes, detected } = resolveLanguage(kb, req.draft, req.customer, req.lang, req.unsupportedLang);
  const ctx = createContext(kb, lang, req.draft, req.customer, req.firstReply, req.channel);
  // The draft with its markup blanked, as the checks read it: handles and links say nothing of its language.
  const foreign = req.lang ? foreignLanguage(kb, ctx.masked, req.lang) : undefined;
  // The structural checks read greetings, steps and sentences of our four languages; on a draft in another
  // language each would be a guess ("Hola Diego" read as no greeting). Only the phrase rules still apply.
  const findings = findingsFor(ctx, false, foreign !== undefined);
  const register = chooseRegister(kb.languages[lang], ctx.folded, options.registers?.[lang]);
  const planned = planNextStep(ctx, findings);
  const nextStep = { ...planned, text: inRegister(kb.languages[lang], register, planned.text) };
  // A rewrite is judged as a later message in the same conversation, against the same customer message.
  const seen = new Map<string, Finding[]>(); // warmer and concise are often the same text: review it once
  const findingsOf = (text: string) => {
    let found = seen.get(text);
    if (!found) seen.set(text, (found = findingsFor(createContext(kb, lang, text, req.customer, false, req.channel), true)));
    return found;
  };
  const result: ReviewResult = {
    ...(req.id !== undefined ? { id: req.id } : {}),
    lang,
    verdict: verdictFor(findings),
    findings,
    // A rewrite in our words of a reply in another language would only swap its language.
    suggestions: foreign && findings.length === 0 ? [] : suggestReplies(ctx, findings, nextStep, findingsOf, register),
    nextStep,
    scores: scoreReview(ctx, findings),
  };
  if (foreign) notes.push(`the draft seems to be in another language (${foreign}) than the one given (${lang}): only the phrase rules were applied`);
  if (notes.length > 0) result.notes = notes;
  if (foreign) result.detectedLang = foreign;
  else if (detected && detected !== lang) result.detectedLang = detected;
  return result;
}
