import { CHANNELS, isLang, type Channel, type Lang, type ReviewRequest } from '../core/contract.js';

/** A request that cannot be reviewed; the message is safe to show to the user as it is. */
export class ReviewInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewInputError';
  }
}

export const DEFAULT_MAX_DRAFT = 20_000;

export interface CheckedRequest {
  id: string | undefined;
  draft: string;
  customer: string;
  lang: Lang | undefined;
  /** A language code the request named that Warmline does not support ("de"). */
  unsupportedLang: string | undefined;
  channel: Channel | undefined;
  firstReply: boolean;
}

function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  const odd = text.match(/[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/g)?.length ?? 0;
  return odd > 8 && odd / text.length > 0.1;
}

/** Validates a request from any channel (JSON line, HTTP, bot) before the engine sees it. */
export function checkRequest(input: unknown, maxDraft = DEFAULT_MAX_DRAFT): CheckedRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ReviewInputError('a review request must be a JSON object with a "draft"');
  const r = input as Record<string, unknown> & Partial<ReviewRequest>;
  const id = r.id === undefined || r.id === null ? undefined : String(r.id);
  if (typeof r.draft !== 'string') throw new ReviewInputError('"draft" must be a string');
  if (r.draft.trim().length === 0) throw new ReviewInputError('the draft is empty: there is nothing to review');
  if (r.draft.length > maxDraft) throw new ReviewInputError(`the draft is too long (${r.draft.length} characters; the limit is ${maxDraft})`);
  if (looksBinary(r.draft)) throw new ReviewInputError('the draft looks like binary data, not text');
  if (r.customer !== undefined && r.customer !== null && typeof r.customer !== 'string') throw new ReviewInputError('"customer" must be a string when given');
  const customer = typeof r.customer === 'string' ? r.customer.slice(0, maxDraft) : '';
  let lang: Lang | undefined;
  let unsupportedLang: string | undefined;
  const rawLang: unknown = r.lang;
  if (rawLang !== undefined && rawLang !== null && rawLang !== '') {
    const code = String(rawLang).toLowerCase().slice(0, 2);
    if (isLang(code)) lang = code;
    else unsupportedLang = String(rawLang).slice(0, 20);
  }
  const channel = (CHANNELS as readonly string[]).includes(String(r.channel)) ? (r.channel as Channel) : undefined;
  if (r.channel !== undefined && r.channel !== null && channel === undefined) throw new ReviewInputError(`"channel" must be one of ${CHANNELS.join(', ')}`);
  if (r.firstReply !== undefined && r.firstReply !== null && typeof r.firstReply !== 'boolean') throw new ReviewInputError('"firstReply" must be true or false');
  return { id, draft: r.draft, customer, lang, unsupportedLang, channel, firstReply: r.firstReply === true };
}
