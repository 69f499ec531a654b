import type { Lang } from '../core/contract.js';
import { LANGS } from '../core/contract.js';
import { fold } from '../core/fold-text.js';
import type { LanguageDetector } from '../engine/detect-language.js';
import { langFromLocale } from '../cards/bot-texts.js';
import { INTENT_CUES, type IntentCues } from './intent-cues.js';

/** What a user of the bot wants from one message. */
export type Intent = 'greeting' | 'thanks' | 'help' | 'review' | 'guidance' | 'coaching' | 'practice' | 'stop' | 'smalltalk' | 'unknown';

export interface Route {
  /** `ask` when the message could be a draft or a question to the bot and nothing settles it: the bot asks. */
  intent: Intent | 'ask';
  /** The language the user wrote in (the client's locale when the message does not tell). */
  lang: Lang;
  /** The message with the bot's @mention and any command word removed: the draft, question or situation. */
  text: string;
  /** The customer's message, when the user gave it (`customer: … draft: …`). */
  customer?: string;
}

export interface RouteOptions {
  locale?: string;
  detector?: LanguageDetector;
  /** Whether the review engine finds a phrase of its guidelines in the text: evidence of a draft ("Nope.", "That's our policy."). */
  isDraftLike?: (text: string, lang: Lang) => boolean;
  /** Whether the text names a topic of the guidance ("refunds?", "siirrot"): then the bot asks rather than gives up. */
  isTopic?: (text: string, lang: Lang) => boolean;
}

/** Cues read after a greeting to the bot ("hei, onks meillä…"); thanks and the rest are read as typed. */
const OPENING_KEYS = new Set<keyof IntentCues>(['questionWord', 'permission']);

/** Messages of at most this many words can be a greeting, thanks, help or stop; longer ones carry content. */
const SHORT_WORDS = 6;

/**
 * The router derives anchored and global forms of the cue patterns; they depend only on the cue data, so each is
 * compiled once, on first use, and kept. They are looked up by the cue's own RegExp and the form's name, not by
 * their source text: building and hashing a cue's long source on every message cost a fifth of the routing.
 */
const FORMS = {
  all: (s: string) => [s, 'gu'],
  start: (s: string) => [`^(?:${s})`, 'u'],
  lead: (s: string) => [`^(?:${s})[\\s,!.]+`, 'u'],
  end: (s: string) => [`(?<![\\p{L}\\p{N}])(?:${s})[\\s,!.]*$`, 'u'],
  leadLoose: (s: string) => [`^(?:${s})[\\s,!.]*`, 'u'],
  nearStart: (s: string) => [`^(?:\\S+\\s+){0,2}(?:${s})`, 'u'],
  command: (s: string) => [`^(?:${s})[\\s:]+`, 'u'],
  bareCommand: (s: string) => [`^(?:${s})[.!]?$`, 'u'],
  commandWithColon: (s: string) => [`^(?:${s})(?:\\s+[\\p{L}]+){0,2}\\s*:\\s*`, 'u'],
} as const satisfies Record<string, (source: string) => [string, string]>;
type Form = keyof typeof FORMS;

const forms = new Map<RegExp, Partial<Record<Form, RegExp>>>();
function regex(cue: RegExp, form: Form): RegExp {
  let known = forms.get(cue);
  if (!known) forms.set(cue, (known = {}));
  const found = (known[form] ??= new RegExp(...FORMS[form](cue.source)));
  found.lastIndex = 0;
  return found;
}

type Compiled = { [K in keyof IntentCues]: RegExp };

/** Each cue as a whole-word match anywhere (`…In`) or as the whole message (`…Whole`, built on demand). */
const compiled = Object.fromEntries(
  LANGS.map((l) => [
    l,
    Object.fromEntries(
      Object.entries(INTENT_CUES[l]).map(([k, src]) => [k, new RegExp(`(?<![\\p{L}\\p{N}])(?:${src})(?![\\p{L}\\p{N}])`, 'u')]),
    ) as Compiled,
  ]),
) as Record<Lang, Compiled>;

/** Removes Teams mentions (`<at>Warmline</at>`), a leading `@Warmline`, and the bot's name used as an address. */
export function stripMention(text: string): string {
  return text
    .replace(/<at>[^<]*<\/at>/giu, ' ')
    .replace(/^\s*@[\p{L}\p{N}_.-]+[,:]?\s*/u, '')
    .replace(/^\s*warmline\b[,:]?\s*/iu, '')
    .trim();
}

/** The words of a folded message, without punctuation, emoji or the bot's name. */
function wordsOf(folded: string): string[] {
  return folded.replace(/[^\p{L}\p{N}'?\s-]+/gu, ' ').replace(/\?/g, ' ? ').split(/\s+/).filter((w) => w && w !== '?');
}

/**
 * Whether a short message is made only of one kind of cue and filler words, e.g. "kiitti paljon!",
 * "hi there", "ok thanks". Cue phrases may span words ("thank you", "dzien dobry"): they are removed first.
 */
function onlyCues(folded: string, cue: RegExp, filler: RegExp): boolean {
  const g = regex(cue, 'all');
  if (!g.test(folded)) return false;
  g.lastIndex = 0;
  const rest = folded.replace(g, ' ');
  const fillerG = regex(filler, 'all');
  return wordsOf(rest.replace(fillerG, ' ')).length === 0;
}

/** The longest quoted passage of three words or more ("…", “…”, „…”, '…'), or null. */
function quotedReply(text: string): string | null {
  const found = [...text.matchAll(/["\u201c\u201e\u00ab]([^"\u201c\u201d\u201e\u00ab\u00bb]{6,})["\u201d\u00bb]|(?:^|[\s:(])'((?:[^']|(?<=\p{L})'(?=\p{L})){6,})'(?=$|[\s.,!?)])/gu)].map((m) => (m[1] ?? m[2] ?? '').trim());
  const best = found.filter((q) => q.split(/\s+/).length >= 3).sort((a, b) => b.length - a.length)[0];
  return best ?? null;
}

/** A reply pasted after a colon ("onks tää ok asiakkaalle: Hei! Siirrän sinut…"), three words or more. */
function afterColon(text: string): string | null {
  const at = text.indexOf(':');
  if (at < 0) return null;
  const rest = text.slice(at + 1).trim();
  return /^\p{Lu}/u.test(rest) && rest.split(/\s+/).length >= 3 ? rest : null;
}

/** "draft:" and "customer:" in any of the four languages. */
const labelRe = (key: 'draftLabel' | 'customerLabel') => new RegExp(`(?:^|\\s)(?:${LANGS.map((l) => INTENT_CUES[l][key]).join('|')})\\s*:`, 'gu');
const DRAFT_LABEL = labelRe('draftLabel');
const CUSTOMER_LABEL = labelRe('customerLabel');

/** The labelled form `customer: … draft: …` (either order, any of the four languages). */
function labelled(trimmed: string, folded: string): { draft: string; customer?: string } | null {
  const find = (re: RegExp, from: number) => {
    re.lastIndex = from;
    const m = re.exec(folded);
    return m ? { start: m.index + (m[0].length - m[0].trimStart().length), end: m.index + m[0].length } : null;
  };
  const c = find(CUSTOMER_LABEL, 0);
  const d = find(DRAFT_LABEL, 0);
  if (c && c.start === 0) {
    const dl = find(DRAFT_LABEL, c.end);
    if (dl) return { customer: trimmed.slice(c.end, dl.start).trim() || undefined, draft: trimmed.slice(dl.end).trim() };
  }
  if (d && d.start === 0) {
    const cl = find(CUSTOMER_LABEL, d.end);
    if (cl) return { draft: trimmed.slice(d.end, cl.start).trim(), customer: trimmed.slice(cl.end).trim() || undefined };
    return { draft: trimmed.slice(d.end).trim() };
  }
  return null;
}

/** The message's language: the engine's detector where the text says enough, else the cues it uses, else the locale. */
function languageOf(trimmed: string, folded: string, options: RouteOptions): Lang {
  const fallback = langFromLocale(options.locale);
  const guess = options.detector?.detect(trimmed).lang;
  if (guess && wordsOf(folded).length >= 3) return guess;
  // Short messages: the language with the most words the cues know ("super, dziękuję" is Polish, though
  // "super" is English too); the locale breaks ties ("stop", "help").
  let best: Lang = fallback;
  let bestScore = 0;
  for (const l of LANGS) {
    const c = compiled[l];
    const cueKeys = ['greeting', 'thanks', 'help', 'practice', 'stop', 'smalltalk', 'guidanceWord', 'coachingAsk', 'customerWord', 'guidanceCommand', 'practiceWord', 'permission'] as const;
    // Characters covered by the language's cues, so phrases ("jo reggelt", "ootko robotti") count whole.
    let known = 0;
    for (const k of cueKeys) known += [...folded.matchAll(regex(c[k], 'all'))].reduce((n, m) => n + m[0].length, 0);
    const letters = { pl: /[ąćęłńśźż]/iu, hu: /[őűáéíóú]/iu, fi: /[äå]/iu, en: /(?!)/u }[l];
    const score = known + (letters.test(trimmed) ? 4 : 0);
    if (score > bestScore || (score === bestScore && score > 0 && l === fallback)) {
      best = l;
      bestScore = score;
    }
  }
  return bestScore > 0 ? best : (guess ?? fallback);
}

/**
 * Routes a message in any of the four languages: a greeting, thanks, help, practice or stop when the whole short
 * message says so; guidance or coaching when it asks about the guidance or about how to handle a customer;
 * a review when it reads as a reply to a customer; otherwise it asks rather than guesses.
 */
export function routeMessage(text: string, options: RouteOptions = {}): Route {
  const trimmed = stripMention(text);
  const folded = fold(trimmed).replace(/\s+/g, ' ').trim();
  const lang = languageOf(trimmed, folded, options);
  if (!folded) return { intent: 'unknown', lang, text: '' };

  const form = labelled(trimmed, folded);
  if (form) return { intent: 'review', lang, text: form.draft, customer: form.customer };

  const words = wordsOf(folded);
  // Cues of the message's language first, then of the others: people mix ("thx", "ok dzieki", "help").
  const order = [lang, ...LANGS.filter((l) => l !== lang)];

  // A command word and what follows it: `ohje siirrot`, `guidance transfers`, `review: …`.
  for (const l of order) {
    const c = compiled[l];
    const cmd = regex(c.guidanceCommand, 'command').exec(folded);
    if (cmd && words.length >= 2) return { intent: 'guidance', lang, text: trimmed.slice(cmd[0].length).replace(/[?？]\s*$/u, '').trim() };
    // A bare command ("review", "arvioi", "oceń") opens the review form.
    if (regex(c.reviewCommand, 'bareCommand').test(folded)) return { intent: 'review', lang, text: '' };
    const rev = regex(c.reviewCommand, 'commandWithColon').exec(folded);
    if (rev) return { intent: 'review', lang, text: trimmed.slice(rev[0].length).trim() };
  }

  // Quoted phrases ("is it ok to say 'calm down'?") are the subject, not the user's own voice.
  // Apostrophes inside words ("what's", "I'll") are not quotes.
  const voice = folded
    .replace(/"[^"]{1,200}"/g, ' ')
    .replace(/(^|[\s(:])'[^']{1,200}'(?=$|[\s).,!?:;])/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
  // Address words are read in the message's language (and English, which people mix in): Hungarian "on"
  // ("Ön") is Finnish for "is".
  const scoped = new Set<keyof IntentCues>(['addressesCustomer', 'secondPerson']);
  const langsFor = (key: keyof IntentCues) => (scoped.has(key) ? [...new Set<Lang>([lang, 'en'])] : order);
  const has = (key: keyof IntentCues) => langsFor(key).some((l) => compiled[l][key].test(voice));
  // "hei, onks meillä joku linja…": what a message opens with is read after a greeting to the bot.
  const opening = order.map((l) => voice.replace(regex(compiled[l].greeting, 'lead'), '')).find((r) => r !== voice) ?? voice;
  const startsWith = (key: keyof IntentCues) => order.some((l) => regex(compiled[l][key], 'start').test(OPENING_KEYS.has(key) ? opening : voice));
  const question = /\?/.test(voice);
  const addresses = has('addressesCustomer');
  const short = words.length <= SHORT_WORDS;
  const route = (intent: Route['intent']): Route => ({ intent, lang, text: trimmed });

  // A message that is nothing but punctuation or emoji is not for review; "?" alone asks for help.
  if (words.length === 0) return route('unknown');
  const whole = (key: 'stop' | 'help' | 'practice' | 'thanks' | 'greeting' | 'smalltalk') =>
    order.some((l) => onlyCues(folded, compiled[l][key], compiled[l].filler) || onlyCues(folded, compiled[l][key], compiled.en.filler));
  // "I'm new, what are you for exactly?", "what are you for?": what the bot is for, though it says "you" as a reply
  // does and starts as small talk ("what are you").
  if (words.length <= 12 && has('helpAsk')) return route('help');
  if (short) {
    for (const key of ['stop', 'practice', 'help', 'thanks', 'greeting', 'smalltalk'] as const) if (whole(key)) return route(key);
  }
  // "is this ok to send? 'Hi Tom, …'", "kuinka paha: \"En tiedä.\"": the quoted reply is the draft to review.
  const quoted = quotedReply(trimmed) ?? afterColon(trimmed);
  if (quoted && has('quoteCheck')) return { intent: 'review', lang, text: quoted };
  // Things the bot cannot do ("send this to the customer", "translate", "what's the weather"): say so.
  if (!quoted && has('offTopic')) return route('unknown');
  // "do you ever get tired of angry customers haha": about the bot itself, though it says "you" as a reply does.
  if (words.length <= SHORT_WORDS && startsWith('smalltalk')) return route('smalltalk');
  if (words.length <= 12 && has('botSelf')) return route('smalltalk');
  // The user's own voice, not a reply: a request to practise or to stop.
  // "stop", "lopetetaan harjoitus", "ok that's enough for today"; not "Riittää, kun lähetät kuvan…".
  const stopFirst = startsWith('stop') && !/^\S+,?\s+(kun|jos|that|if|when|ze|gdy|hogy|ha)\b/u.test(voice);
  if (words.length <= 8 && !question && !addresses && (stopFirst || (words.length <= 5 && has('stop')) || (has('stop') && has('practiceWord')))) return route('stop');
  if (has('practiceWord') && !has('guidanceWord') && !has('coachingAsk') && !has('guidanceAsk')) return route('practice');
  // "thank you so much, that wording is way better": thanks to the bot, though "you" is in it; "Thank you for
  // your patience, your refund…" still addresses a customer once the thanks are taken away.
  // "Dziękuję za wiadomość. Niestety…", "Köszönjük megkeresését…": the thanks a reply opens with.
  // "no nyt toimii, kiitos", "nagyon hasznos volt, köszönöm": thanks to the bot at the end of a short message.
  if (words.length <= SHORT_WORDS && !question && !has('addressesCustomer') && !has('thanksCustomer') && order.some((l) => regex(compiled[l].thanks, 'end').test(voice))) return route('thanks');
  if (words.length <= 14 && !question && startsWith('thanks') && !has('thanksCustomer')) {
    const rest = order.map((l) => voice.replace(regex(compiled[l].thanks, 'start'), '')).find((r) => r !== voice) ?? voice;
    if (!order.some((l) => compiled[l].addressesCustomer.test(rest))) return route('thanks');
  }
  // Talking about one's own day to the bot ("rough day, the queue hasn't moved since 9"): small talk, not a draft.
  if (words.length <= 15 && !addresses && has('smalltalk') && !has('customerWord')) return route('smalltalk');
  // Before the coaching cues ("miten saan…" reads as "how do I…"): "how do I get you to check a reply?", "miten saan luonnoksen tarkistettua?": how to use the bot.
  if (question && /(luonnoks\w*|szkic\w*|odpowiedz\w*|piszkozat\w*|draft|reply|replies)\b.{0,40}(tarkist\w*|sprawdz\w*|ellenoriz\w*|check\w*|review\w*)|(get|have) you (to )?(check|review|look)/u.test(voice)) return route('help');
  // Asking permission ("saako asiakkaalle sanoa…?", "czy można zawiesić rozmowę…?") is asking the guidance;
  // "Can I have your order number?" asks the customer.
  if (has('guidanceAsk')) return route('guidance');
  // "What can I do to make this right for you?" asks the customer; "what can I do when…" asks the bot.
  if (has('coachingAsk') && !has('servesYou')) return route('coaching');
  const permission = order.some((l) => regex(compiled[l].permission, 'nearStart').test(voice));
  if ((question || quotedReply(trimmed)) && permission && !has('secondPerson')) return route('guidance');
  const guidanceWord = has('guidanceWord');
  const aboutCustomer = has('customerWord');
  // "jak wg naszych zasad trzeba się przedstawić", "mikä on autofail": a question about the guidance itself.
  if (guidanceWord && (startsWith('questionWord') || (question && !addresses))) return route('guidance');
  // "I had this guy on the phone who'd called four times…": a story about a customer asks how to handle it.
  if (has('story')) return route('coaching');
  // What a draft says to a customer: addressed to them, or a phrase the guidelines know ("Takie są zasady…").
  const draftLike = addresses || (options.isDraftLike?.(trimmed, lang) ?? false);
  if (guidanceWord && !draftLike) return route('guidance');
  if (guidanceWord && question && !aboutCustomer) return route('guidance');
  if (aboutCustomer && !addresses) return route('coaching');
  if (words.length <= 10 && !draftLike) {
    // "hi, help", "kiitos paljon, tosi hyvä vinkki", "mitä sä osaat tehdä?": the bot's own small talk.
    if (startsWith('thanks') && !question && !has('thanksCustomer')) return route('thanks');
    if (has('help')) return route('help');
    if (startsWith('greeting') && !addresses) {
      const rest = order.map((l) => voice.replace(regex(compiled[l].greeting, 'leadLoose'), '')).find((r) => r !== voice) ?? voice;
      for (const key of ['help', 'practice', 'smalltalk'] as const) if (order.some((l) => compiled[l][key].test(rest))) return route(key);
    }
    if (has('smalltalk')) return route('smalltalk');
  }
  if (draftLike || words.length > 12) return route('review');
  // Written as a sentence to someone ("Please hold.", "Kiss úr 5 percen belül visszahívja, garantálom."):
  // capitalised and punctuated, unlike what people type to a bot.
  if (/[.!]$/.test(folded) && /^\p{Lu}/u.test(trimmed) && words.length >= 2) return route('review');
  // "Kiitos viestistäsi! Autan mielelläni… Milloin tilasit tuotteen?": sentences written to someone.
  if (/^\p{Lu}/u.test(trimmed) && (trimmed.match(/[.!?](\s|$)/g)?.length ?? 0) >= 2) return route('review');
  // "Onko tilaus tehty verkkokaupassa vai myymälässä?": a capitalised question of five words or more that asks nothing
  // of the bot (no help, guidance, coaching or small talk above) is asked of a customer.
  if (question && /^\p{Lu}/u.test(trimmed) && words.length >= 5) return route('review');
  // A short message with no mark of a reply to a customer and nothing the bot knows: a guidance topic
  // ("refunds?") is worth asking about; anything else ("what's the weather", "asdf") the bot cannot act on.
  // Asking costs the user one click; a wrong guess costs them a useless card.
  if (options.isTopic?.(trimmed, lang)) return route('ask');
  return route('unknown');
}
