import { z } from 'zod';
import { LANGS, RULE_CODES, SEVERITIES } from './contract.js';

/**
 * The shape of the knowledge files, checked at build time. A broken entry fails the build with
 * its file, entry id and field (see load-knowledge.ts), the way Vale names a broken rule file.
 */

const text = z.string().trim().min(1);
const patternList = z.array(text);
const perLang = <T extends z.ZodType>(item: T) =>
  z.object({ fi: item, pl: item, hu: item, en: item }).strict();
const somePerLang = <T extends z.ZodType>(item: T) =>
  z.object({ fi: item.optional(), pl: item.optional(), hu: item.optional(), en: item.optional() }).strict();

export const DocumentMetaSchema = z
  .object({
    /** 000–004 for the training documents; c001… for documents a company adds with `npm run kb:add`. */
    id: z.string().regex(/^(\d{3}|c\d{3})$/),
    title: text,
    lang: z.enum(LANGS),
    sourceKind: text,
    file: text,
    /** For added documents: the original file name and when it was added. */
    original: z.string().optional(),
    addedAt: z.string().optional(),
  })
  .strict();
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;

export const GUIDELINE_KINDS = [
  'phrase', // a phrase that hurts wherever it stands
  'occurrence', // a phrase that hurts when it comes back `min` times or more
  'one-word-reply',
  'scare-quotes', // the customer's own word put in quotation marks: "stolen", „pilne”
  'missing-next-step',
  'missing-greeting',
  'over-explaining',
  'unconfirmed-details',
  'asks-details-again',
  'cue-pairs', // weak cues (of tone, of blame) that hurt only where two of them meet in one sentence
] as const;
export type GuidelineKind = (typeof GUIDELINE_KINDS)[number];

const IncorrectExample = z
  .object({
    text,
    mark: text,
    customer: z.string().optional(),
    firstReply: z.boolean().optional(),
    channel: z.enum(['chat', 'email', 'phone-script']).optional(),
  })
  .strict();
const CorrectExample = z
  .object({
    text,
    customer: z.string().optional(),
    firstReply: z.boolean().optional(),
    channel: z.enum(['chat', 'email', 'phone-script']).optional(),
  })
  .strict();
export type IncorrectExample = z.infer<typeof IncorrectExample>;
export type CorrectExample = z.infer<typeof CorrectExample>;

export const GuidelineSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be kebab-case'),
    rule: z.enum(RULE_CODES as [string, ...string[]]),
    severity: z.enum(SEVERITIES),
    kind: z.enum(GUIDELINE_KINDS),
    principle: z.object({ en: text, source: text }).strict(),
    message: perLang(text),
    source: z.object({ document: z.string().regex(/^(\d{3}|c\d{3})$/), quote: text }).strict(),
    /** Patterns that mark the hurtful words (phrase and occurrence kinds need patterns or rules). */
    patterns: somePerLang(patternList).optional(),
    /** Token rules: words, <lemma>s, skips and exceptions over the draft's words (parse-token-rule.ts). */
    rules: somePerLang(patternList).optional(),
    /** A match in a sentence that also matches one of these is not a finding (LanguageTool's antipatterns). */
    unless: somePerLang(patternList).optional(),
    /** A match is not a finding when the whole draft matches one of these (e.g. a commitment to find out). */
    unlessDraft: somePerLang(patternList).optional(),
    /** No finding where the match's sentence says this and the draft goes on after it: "Hetki, katson tilauksesi…" with
     * the answer in the same message has waited for nothing; the same words ending the message put the customer on hold. */
    unlessFollowed: somePerLang(patternList).optional(),
    /** No finding when the draft acts or moves the matter on: something done, a commitment, a request, a question
     * or a link. A single "sorry for the inconvenience" before "I've reordered the card" or "DM us your order
     * number" does not stand in for action. */
    unlessActing: z.boolean().optional(),
    /** No finding when the agent handles the matter themselves (something done or a commitment) and sends the customer
     * nowhere: naming who caused it ("the partner hotel overbooked") is honesty, not deflection, once the agent acts.
     * Where the reply also says "not us", only something already done counts: "not ours, I'll pass it on" still hands
     * the matter back, "not us: I've opened a trace and sent a replacement" does not. `done`: only something already
     * done counts, whatever else the reply says (for the guideline that reads "not us" itself). */
    unlessOwned: z.union([z.boolean(), z.literal('done')]).optional(),
    /** No finding when the customer's message insults the agent or the company (the `insult` list): "I'll gladly help
     * if we keep it civil" after "are you all idiots?" is a calm boundary; after shouting alone it rebukes. */
    unlessInsulted: z.boolean().optional(),
    /** The rewrite puts the preferred phrasing in place of the sentence even where the rest of the draft speaks:
     * a shrug at a customer's loss is answered by acknowledging the loss, not only cut out. */
    acknowledgeInRewrite: z.boolean().optional(),
    /** The rewrite keeps a sentence that says what is where ("Wymagania znajdzie Pan na naszej stronie w dziale Pomoc.")
     * and ends it with the placeholder of the preferred phrasing ("…: [link]."), where the agent puts the direct link.
     * A pointer that `vague` matches (over the folded sentence: "search for it", "nézzen körül") gets the preferred
     * phrasing in its place; the words `cut` matches ("somewhere", "jostain", "valahol") go, as the link says where. */
    linkInRewrite: z.object({ vague: perLang(text), cut: perLang(text) }).strict().optional(),
    /** A finding of this guideline says what happens next by itself ("I'll transfer you now", "przełączam",
     * "átkapcsolom"): the customer is put through, so the draft is not missing a next step. Its fault is how
     * (no consent, no number), which the guideline's own finding names. `timed`: only where its sentence names a
     * time ("soittakaa huomenna uudestaan", "call back later this afternoon"); "try again later" says nothing. */
    statesNextStep: z.union([z.boolean(), z.literal('timed')]).optional(),
    /** A finding of this guideline leaves the customer's matter open whatever the reply answers: a shrug at it ("nic
     * nowego", "ei siinä sen kummempaa") or a dismissal ("you're not the only one") says nothing will be done about it. */
    settlesNothing: z.boolean().optional(),
    /** The rewrite keeps the agent's sentence and takes out only these words ("definitely", "gwarantuję",
     * "ihan varmasti"): what the agent said stays, as an estimate, and `after` follows it once a reply
     * ("That is the current estimate; if anything changes, I'll let you know straight away."). */
    softenInRewrite: z.object({ words: somePerLang(patternList), after: perLang(text) }).strict().optional(),
    /** The rewrite keeps the agent's time and says it as an estimate: `replace` in place of what `find` matches at the
     * start of the finding's words ("puolen tunnin sisällä" → "arviolta puolen tunnin sisällä", "within ten minutes" →
     * "in about ten minutes"), and `after` follows once a reply. */
    estimateInRewrite: z.object({ find: perLang(z.string()), replace: perLang(z.string()), after: perLang(text) }).strict().optional(),
    /** A token-rule match is no finding when a negation word of the language stands within the four words
     * before it in the same sentence ("en sano, että virhe olisi teidän päässänne"): LanguageTool's negation scope. */
    notNegated: z.boolean().optional(),
    /** Matches inside a question do not count: "Would it be OK if I put you through?" asks consent. */
    skipQuestions: z.boolean().optional(),
    /** For `cue-pairs`: classes of weak cues (a wink, a count of the customer's messages, "most customers", "next
     * time"), each harmless alone, and the pairs of classes that hurt where both meet in one sentence. */
    cues: z
      .object({
        classes: z.record(z.string().regex(/^[a-z]+$/), somePerLang(patternList)),
        pairs: z.array(z.string().regex(/^[a-z]+\+[a-z]+$/, 'must be two class names joined by +')).min(1),
      })
      .strict()
      .optional(),
    /** For `occurrence`: how many matches in one draft make a finding. */
    min: z.number().int().min(2).optional(),
    /** For `occurrence`: the matches count only where each is at most this many sentences from the one before it (a
     * closing "sorry again" after a page of what the agent did is no repetition). */
    withinSentences: z.number().int().min(1).optional(),
    /** Preferred phrasings used by the rewrites, `[placeholders]` for what the agent must fill. */
    preferred: perLang(z.array(text).min(1)),
    /** Where `preferred` is worded for a phone call ("If the line drops…"), the phrasings for chat and e-mail. */
    preferredInWriting: perLang(z.array(text).min(1)).optional(),
    /** Where the draft's bare words answer yes or no ("Tak.", "Nope.", "Igen."), the phrasing that keeps that answer:
     * `{answer}` stands for the agent's own words, and the phrasing adds only what they lack. */
    preferredAfterAnswer: perLang(z.array(text.regex(/\{answer\}/u)).min(1)).optional(),
    examples: perLang(
      z.object({ incorrect: z.array(IncorrectExample).min(1), correct: z.array(CorrectExample).min(1) }).strict(),
    ),
  })
  .strict();
export type Guideline = z.infer<typeof GuidelineSchema>;

export const LanguageSchema = z
  .object({
    lang: z.enum(LANGS),
    name: text,
    /** Short, frequent words used to tell the four languages apart in short drafts. */
    stopwords: z.array(text).min(10),
    /** The words for 0–9 as a number is read aloud, one list a digit ("kuus", "seittemän" beside "kuusi"): a number
     * read back on the phone is spelled out, and still reads it back. */
    spokenDigits: z.array(z.array(text).min(1)).length(10),
    /** Real words one swap away from a word the rules look for ("tried" beside "tired"): never mended as typos. */
    neverMend: z.array(text).default([]),
    greeting: patternList,
    acknowledgement: patternList,
    commitment: patternList,
    followUp: patternList,
    done: patternList,
    timeFrame: patternList,
    /** "when/once/as soon as X": with a commitment in the same sentence it is a time frame too. */
    whenClause: patternList,
    askCustomer: patternList,
    detailRequest: patternList,
    background: patternList,
    history: patternList,
    /** How something works in general ("consists of", "muodostuu", "składa się z", "több tényezőtől függ"): an explainer, not the customer's case. */
    mechanism: patternList,
    /** Words with no content of their own ("joo", "nope", "nie wiem"): what a bare one-word reply is made of. */
    contentless: patternList,
    /** A request or invitation to the customer ("DM us", "ota yhteyttä", "proszę napisać"): a next step without a time. */
    invitation: patternList,
    /** Thanks, joy and good wishes: a reply made of these needs no next step. */
    pleasantry: patternList,
    /** A negation, a fault or a wait in the customer's message: it raises something the reply must answer. */
    trouble: patternList,
    customerMatter: patternList,
    /** An instruction that opens its sentence ("Switch it off…", "Avaa sovellus…", "Proszę przełożyć…", "Kattintson…"): the customer is told what to do. */
    instruction: patternList,
    /** Sending the customer to contact someone themselves ("call them directly", "soittakaa suoraan heille"): an alternative
     * that takes the contact over drops it. */
    referOn: patternList,
    /** Words that open a new clause ("because", "mutta", "bo", "mert"): a negation before one does not reach past it. */
    clauseLink: patternList,
    /** A time that is no time ("eventually", "vuorollaan", "jak przyjdzie kolej", "majd"): a promise with only this is no next step. */
    indefinite: patternList,
    /** A guess or a generalisation ("probably", "pewnie", "valószínűleg", "varmaan", "the same again"): what a blame leads
     * to is kept in an alternative as the matter itself, unless it only guesses on. */
    guess: patternList,
    /** The agent's own act in any verb, by its form ("I'll have a look", "nadałem", "megszüntetem"): a sentence with one
     * acts, it does not narrate (over-explaining), even where the verb is in no commitment list. */
    agentActs: patternList,
    /** A customer asking why or how something works ("why did my bill go up?", "miten se lasketaan", "dlaczego",
     * "miért"): the explanation is what they asked for, not background (over-explaining). */
    asksWhy: patternList,
    /** A lesson framed as background ("it may help to understand how … actually works", "on hyvä aloittaa siitä,
     * miten…"): told, not asked for, even where the customer asked why (over-explaining). */
    lesson: patternList,
    /** The details a customer gives with a value (address, postcode, account number, registration, model, meter reading):
     * asked for again when the customer's message already gave one. */
    detailNoun: patternList,
    /** Names of a person's identity and card numbers (PESEL, henkilötunnus, adóazonosító, card number): in writing a
     * reply confirms such a number without repeating it. */
    personalId: patternList,
    /** Words that introduce a literal quotation (a status, a button, what to type): quotation marks after them quote,
     * they do not mock ("the status says 'delivered'", "kliknij „Zapisz”", "vastaa \"kyllä\""). */
    quoteIntro: patternList,
    /** Words that open a direct answer ("Yes, you can…", "Kyllä", "Tak", "Igen"): where the customer asked, the
     * sentence they open is the answer, not background (over-explaining). */
    answerParticle: patternList,
    /** The customer asks whether they can do something ("Can I…?", "Voinko…?", "Czy mogę…?", "Visszakaphatom?"): a bare
     * yes leaves them not knowing how, so it still owes a next step. */
    asksCan: patternList,
    /** The customer asks when ("when will my card arrive?", "milloin", "kiedy", "mikor"): a reply that does something
     * but names no time has not answered, so it still owes a next step with one. */
    asksWhen: patternList,
    /** Something done that only looks or notes ("I've checked", "katsoin", "sprawdziłam", "rögzítettem"): beside "not
     * us" it moves nothing for the customer, so it does not make the matter the agent's (blames-third-party). */
    lookedOnly: patternList,
    /** A refusal, negation, hedge or apology in the reply: the matter is left open, so the reply owes a next step. */
    deadEnd: patternList,
    /** Good news said with a negation ("no need to rebook", "ei tarvitse maksaa", "nie trzeba", "sem kell"): nothing more is
     * needed, so the negation leaves nothing open. */
    noNeed: patternList,
    /** The customer told they have nothing (more) to do ("sinun ei tarvitse tehdä mitään", "nie musi Pani nic robić",
     * "Önnek nincs több teendője", "there's nothing you need to do"): what happens next is said, and it is not theirs. */
    nothingToDo: patternList,
    /** Distancing the company from the matter ("not us", "ei meidän", "nie nasza wina", "nem a mi hibánk"): naming a
     * third party beside it deflects where the agent only promises something (blames-third-party, `unlessOwned`). */
    notUs: patternList,
    /** Thanks that open the customer's message ("I just wanted to say thank you…", "Chciałam podziękować…"): the story
     * of a solved problem after them, with no contrast and no request, is still only thanks. */
    thanksOpening: patternList,
    /** The customer insulting the agent or the company ("ootteko te idiootteja", "banda debili", "hülye bagázs", "you
     * morons"): a calm boundary answers abuse; said to frustration alone it makes help a reward (`unlessInsulted`). */
    insult: patternList,
    /** A matter still on its way ("received", "being processed", "later"): the customer still waits for something. */
    pending: patternList,
    /** Negation words: a token rule of a `notNegated` guideline finds nothing in their scope. */
    negation: patternList,
    /**
     * The parties a reply may send the customer to (the courier, the manufacturer, the airline, the bank): where a
     * flagged sentence names one (`match`, folded), the alternative that takes the contact over names it too, each
     * generic phrase of the phrasings ("the company involved", "z odpowiednią firmą") put in its words and case.
     */
    parties: z.array(z.object({ match: text, replace: z.record(z.string(), text) }).strict()).default([]),
    strings: z
      .object({
        greeting: text,
        acknowledge: text,
        ownership: text,
        nextStepAction: text,
        nextStepWhen: text,
        nextStepSentence: text,
        confirmDetails: text,
        reference: text,
        closing: text,
      })
      .strict(),
    ui: z.record(z.string(), text),
    /**
     * How a reply addresses the customer where the language has two ways (fi sinä/te, hu te/Ön): the register
     * the phrasings are written in, the other one, folded patterns that show either in a draft, and every
     * phrasing and string in the other register (knowledge/languages/<lang>-register.yaml).
     */
    register: z
      .object({
        written: z.string().regex(/^[a-z]+$/),
        other: z.string().regex(/^[a-z]+$/),
        writtenMarkers: patternList,
        otherMarkers: patternList,
        variants: z.record(z.string(), text),
      })
      .strict()
      .optional(),
    /** Words people use for each rule's topic, indexed with its guidelines for guidance retrieval. */
    topics: z.record(z.enum(RULE_CODES as [string, ...string[]]), text).optional(),
  })
  .strict();
export type LanguageData = z.infer<typeof LanguageSchema>;

export const ScenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be kebab-case'),
    source: z.object({ document: z.string().regex(/^\d{3}$/), quote: text }).strict(),
    rules: z.array(z.enum(RULE_CODES as [string, ...string[]])).min(1),
    customer: perLang(text),
  })
  .strict();
export type Scenario = z.infer<typeof ScenarioSchema>;

/** knowledge/documents/translations.yaml: each document's title and each quoted source passage in all four languages. */
export const SourceTranslationsSchema = z
  .object({
    titles: z.record(z.string(), perLang(text)),
    quotes: z.array(z.object({ document: z.string(), quote: text, fi: text, pl: text, hu: text, en: text }).strict()),
  })
  .strict();
export type SourceTranslations = z.infer<typeof SourceTranslationsSchema>;
