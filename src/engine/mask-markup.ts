/**
 * Blanks out what is not a word of the draft for the checks: @handles, #hashtags, links, HTML entities, thread
 * markers ("1/2", "(2/2)") and chat signatures ("^AB", "-Sara", "*SR", "/JQ"). Each is replaced by spaces of
 * the same length, so a match in the masked text is still the span of the original draft.
 *
 * Real brand replies are full of these, and read as words they made the checks see a customer's @handle as
 * a number to read back, a signature as the last sentence of the reply, and a link as nothing to do.
 *
 * @example maskMarkup('@115806 Sorry to hear that! ^CB') // '        Sorry to hear that!    '
 */

const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const HANDLE = /(?<![\p{L}\p{N}_])@[\p{L}\p{N}_]{2,}/gu;
const HASHTAG = /(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;
const ENTITY = /&(?:[a-z]{2,8}|#\d{1,6}|#x[\da-f]{1,6});/giu;
// "(2/2)" anywhere; a bare "1/2" only opening or closing the draft, and never a date such as "12/10".
const THREAD_MARKER = /\(\d\s?\/\s?\d\)|(?<![\p{L}\p{N}/.])\d\/\d(?![\p{L}\p{N}/])(?=[.!]?\s*$)|^\s*\d\/\d(?=\s)/gu;
// A signature closes the draft: a sign (^ - * / ~), then initials or a name ("^CB", "-Sara", "*DannyHarvey", "/JQ").
const SIGNATURE = /(?<=^|[\s\p{P}\p{S}])(?:[\^*/~]\s?\p{Lu}[\p{L}]{0,20}|[-–—]\p{Lu}[\p{L}]{0,20})(?:\s\p{Lu}[\p{L}]{0,20})?\s*$/u;

// A name alone after the last sentence ("… Happy Halloween. Mark"): a sign-off, not a sentence of the reply.
const NAME_SIGN_OFF = /(?<=[.!?…]\s+)\p{Lu}\p{Ll}{1,20}(?:\s\p{Lu}\p{Ll}{1,20})?\s*$/u;

const blank = (m: string) => m.replace(/[^\n]/g, ' ');

export interface MaskedText {
  /** The draft with markup replaced by spaces: same length, same offsets. */
  text: string;
  /** The links of the draft, as written: a link to the exact page is something for the customer to do. */
  links: string[];
  /** "1/2", "(2/2)": the draft is one part of a reply split over several messages. */
  threadPart: boolean;
}

export function maskMarkup(draft: string): MaskedText {
  const links: string[] = [];
  let text = draft.replace(LINK, (m) => {
    links.push(m);
    return blank(m);
  });
  let threadPart = false;
  text = text.replace(HANDLE, blank).replace(HASHTAG, blank).replace(ENTITY, blank);
  // The signature goes first: "… for an update 2/2. ^Oliver" ends in a thread marker once "^Oliver" is blank.
  text = text.replace(SIGNATURE, blank).replace(NAME_SIGN_OFF, blank);
  text = text.replace(THREAD_MARKER, (m) => {
    threadPart = true;
    return blank(m);
  });
  return { text, links, threadPart };
}
