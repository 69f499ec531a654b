import type { LexiconKey } from '../kb/lexicon-keys.js';
import type { Channel, Finding, Lang } from './contract.js';
import { fold } from './fold-text.js';
import { matches, type KnowledgeBase, type RuntimeGuideline, type RuntimeLanguage } from './knowledge-base.js';
import { segmentSentences, type Sentence } from './segment-sentences.js';

/** Everything the checks read about one draft, computed once per review. */
export interface ReviewContext {
  kb: KnowledgeBase;
  lang: Lang;
  lex: RuntimeLanguage;
  draft: string;
  folded: string;
  sentences: Sentence[];
  customer: string;
  firstReply: boolean;
  channel: Channel | undefined;
  /** Lexicon answers already computed for this draft: the checks and both rewrites ask the same questions. */
  memo: Map<string, boolean>;
}

export function createContext(kb: KnowledgeBase, lang: Lang, draft: string, customer: string, firstReply: boolean, channel?: Channel): ReviewContext {
  return { kb, lang, lex: kb.languages[lang], draft, folded: fold(draft), sentences: segmentSentences(draft), customer, firstReply, channel, memo: new Map() };
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
