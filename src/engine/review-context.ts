import type { LexiconKey } from '../core/lexicon-keys.js';
import type { Channel, Finding, Lang } from '../core/contract.js';
import { identifiers, type Fact } from './extract-facts.js';
import { fold } from '../core/fold-text.js';
import { correctTypos } from './correct-typos.js';
import { matches, type KnowledgeBase, type RuntimeGuideline, type RuntimeLanguage } from './knowledge-base.js';
import { maskMarkup } from './mask-markup.js';
import { segmentSentences, type Sentence } from './segment-sentences.js';
import { candidateStarts } from './tokens/rule-index.js';
import type { CompiledTokenRule } from './tokens/token-rule.js';
import { tokenize, type Token } from './tokens/tokenize.js';

/** Everything the checks read about one draft, computed once per review. */
export interface ReviewContext {
  kb: KnowledgeBase;
  lang: Lang;
  lex: RuntimeLanguage;
  draft: string;
  /** The draft with handles, hashtags, links, entities, thread markers and signatures blanked (same offsets). */
  masked: string;
  /** Folded `masked`: what every pattern and lexicon list reads. */
  folded: string;
  /** The whole draft folded, markup and links included: what `unlessDraft` reads ("a direct link clears it"). */
  readonly foldedDraft: string;
  /** The links of the draft. */
  links: string[];
  /** The draft is one part of a reply split over several messages ("1/2"). */
  threadPart: boolean;
  /** Every sentence of the draft, markup included: what the rewrites rebuild from. */
  sentences: Sentence[];
  /** The sentences with words in them once the markup is blanked ("^CB" or "(2/2)" alone is none). */
  content: Sentence[];
  customer: string;
  /** The customer's message with its markup blanked (their @handle is not a number they gave). */
  readonly customerMasked: string;
  /** The IDs the customer gave: what a reply reads back or must not ask for again. */
  readonly customerIds: Fact[];
  firstReply: boolean;
  channel: Channel | undefined;
  /** The words of the masked draft with their stems, made on first use (only token rules read them). */
  readonly tokens: Token[];
  /** For each token rule that can start in this draft, the words it can start at (rule-index.ts). */
  readonly ruleStarts: Map<CompiledTokenRule, number[]>;
  /** Lexicon answers already computed for this draft: the checks and both rewrites ask the same questions. */
  memo: Map<string, boolean>;
}

export function createContext(kb: KnowledgeBase, lang: Lang, draft: string, customer: string, firstReply: boolean, channel?: Channel): ReviewContext {
  const { text: masked, links, threadPart } = maskMarkup(draft);
  const sentences = segmentSentences(draft).map((s) => {
    const bare = masked.slice(s.start, s.end).trimEnd();
    // "Any news? ^CB" asks, whatever the signature after the question mark.
    return bare.length < s.text.length && /\?["'”)]*$/.test(bare) ? { ...s, isQuestion: true } : s;
  });
  const content = sentences.filter((s) => /[\p{L}\p{N}]/u.test(masked.slice(s.start, s.end)));
  // Patterns and lexicon lists read the folded draft with swapped letters mended (same length, same offsets).
  const folded = correctTypos(kb.languages[lang].known, fold(masked));
  let tokens: Token[] | undefined;
  let foldedDraft: string | undefined;
  let ruleStarts: Map<CompiledTokenRule, number[]> | undefined;
  let customerMasked: string | undefined;
  let customerIds: Fact[] | undefined;
  return {
    kb, lang, lex: kb.languages[lang], draft, masked, folded, links, threadPart, sentences, content, customer, firstReply, channel, memo: new Map(),
    get foldedDraft() {
      // A draft with no markup to blank is its masked form, already folded and mended.
      return (foldedDraft ??= draft === masked ? folded : correctTypos(kb.languages[lang].known, fold(draft)));
    },
    get tokens() {
      return (tokens ??= tokenize(lang, folded, sentences));
    },
    get customerMasked() {
      return (customerMasked ??= maskMarkup(customer).text);
    },
    get customerIds() {
      return (customerIds ??= identifiers(this.customerMasked));
    },
    get ruleStarts() {
      return (ruleStarts ??= candidateStarts(kb.ruleIndex[lang], this.tokens));
    },
  };
}

/** Whether the folded slice [start, end) of the draft matches the language's lexicon list `key`. */
export function lexiconIn(ctx: ReviewContext, key: LexiconKey, start = 0, end = ctx.draft.length): boolean {
  const id = `${key}:${start}:${end}`;
  let hit = ctx.memo.get(id);
  if (hit === undefined) {
    hit = matches(ctx.lex.lexicon[key], ctx.folded.slice(start, end));
    ctx.memo.set(id, hit);
  }
  return hit;
}

export function foldedSentence(ctx: ReviewContext, s: Sentence): string {
  return ctx.folded.slice(s.start, s.end);
}

/** Builds a contract finding for the span [start, end) of the draft. */
export function makeFinding(ctx: ReviewContext, g: RuntimeGuideline, start: number, end: number): Finding {
  return {
    rule: g.rule,
    guideline: g.data.id,
    severity: g.data.severity,
    start,
    end,
    quote: ctx.draft.slice(start, end),
    message: g.data.message[ctx.lang],
    source: { document: g.data.source.document, quote: g.data.source.quote },
  };
}

/** Finding covering a whole sentence. */
export function sentenceFinding(ctx: ReviewContext, g: RuntimeGuideline, s: Sentence): Finding {
  return makeFinding(ctx, g, s.start, s.end);
}
