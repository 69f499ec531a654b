/**
 * Normalises white space only, so guideline quotes can be checked verbatim against the stored text:
 * one line-ending style, one space for any run of spaces, tabs or no-break spaces, at most one blank
 * line between paragraphs. Letters and punctuation are left exactly as the document has them.
 */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\f\u2029]/g, '\n\n')
    .replace(/[\v\u2028\u0085]/g, '\n')
    // Invisible characters (byte-order mark, zero-width space, soft hyphen, word joiner) and stray controls.
    .replace(/[\uFEFF\u200B\u00AD\u2060]|[^\P{Cc}\n\t]/gu, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
