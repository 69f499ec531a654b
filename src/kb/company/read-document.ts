import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isLang, LANGS, type Lang } from '../../core/contract.js';
import type { LanguageData } from '../../core/knowledge-schema.js';
import { LanguageDetector } from '../../engine/detect-language.js';
import { CompanyKbError, shown } from './company-store.js';

/**
 * Reading a company document for kb:add: its plain text (from .txt, .md, .pdf or .docx, white space
 * normalised and otherwise verbatim, so guideline quotes can be checked against it) and its language.
 */

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.pdf', '.docx'] as const;

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

const markdownParser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

/**
 * Markdown to plain text for the knowledge base: parsed by remark (CommonMark with GitHub's tables and task lists,
 * front matter recognised and left out), then each block written as plain text: headings and paragraphs as their
 * words, list items as "- " (or "1. ") lines, table rows as cells joined by " | ", code blocks as their content. Links keep their
 * text, emphasis and code marks go, escapes keep the character.
 *
 * @example stripMarkdown('## Refunds\n\nSee **the [policy](https://x.example/p)**.') // 'Refunds\n\nSee the policy.'
 */
export function stripMarkdown(markdown: string): string {
  const tree = markdownParser.parse(markdown.replace(/\r\n?/g, '\n')) as Root;
  const blocks: string[] = [];
  // Inline HTML is markup, not words: left out of the text.
  const words = (node: Nodes) => toString(node, { includeHtml: false });
  const walk = (node: Nodes, indent: string): void => {
    if ((node.type as string) === 'toml') return;
    switch (node.type) {
      case 'yaml':
      case 'html':
      case 'thematicBreak':
      case 'definition':
        return;
      case 'list':
        blocks.push(
          node.children
            .flatMap((item, n) =>
              item.children.map((child, i) => {
                if (child.type === 'list') {
                  const nested: string[] = [];
                  const before = blocks.length;
                  walk(child, `${indent}  `);
                  nested.push(...blocks.splice(before));
                  return nested.join('\n');
                }
                const bullet = node.ordered ? `${(node.start ?? 1) + n}. ` : '- ';
                return `${indent}${i === 0 ? bullet : ' '.repeat(bullet.length)}${words(child)}`;
              }),
            )
            .join('\n'),
        );
        return;
      case 'table':
        blocks.push(node.children.map((row) => row.children.map((cell) => words(cell).trim()).join(' | ')).join('\n'));
        return;
      case 'code':
        blocks.push(node.value);
        return;
      case 'root':
      case 'blockquote':
        for (const child of node.children) walk(child, indent);
        return;
      default:
        blocks.push(words(node));
    }
  };
  walk(tree, '');
  return blocks.filter((b) => b.trim() !== '').join('\n\n');
}

function decodeText(data: Buffer, file: string): string {
  if (data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data);
  if (data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new CompanyKbError(`${shown(file)} is not UTF-8 text: save it as UTF-8 and add it again`);
  }
}

async function pdfText(data: Buffer, file: string): Promise<string> {
  const { PDFParse } = await import('pdf-parse');
  const parser = new PDFParse({ data: new Uint8Array(data) });
  try {
    // No page markers ("-- 1 of 3 --"): pages are paragraphs of the same document.
    const result = await parser.getText({ pageJoiner: '' });
    return result.pages.map((p) => p.text).join('\n\n');
  } catch (error) {
    throw new CompanyKbError(`${shown(file)} could not be read as a PDF: ${(error as Error).message}`);
  } finally {
    await parser.destroy();
  }
}

async function docxText(data: Buffer, file: string): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  try {
    return (await mammoth.extractRawText({ buffer: data })).value;
  } catch (error) {
    throw new CompanyKbError(`${shown(file)} could not be read as a Word document (.docx): ${(error as Error).message}`);
  }
}

/**
 * The plain text of a .txt, .md, .pdf or .docx document, white space normalised and otherwise verbatim.
 * Throws CompanyKbError for a missing file, another file type, or a document with no text.
 */
export async function extractText(file: string): Promise<string> {
  if (!existsSync(file)) throw new CompanyKbError(`${shown(file)}: no such file`);
  if (!statSync(file).isFile()) throw new CompanyKbError(`${shown(file)} is not a file`);
  const ext = extname(file).toLowerCase();
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
    throw new CompanyKbError(
      `${shown(file)}: unsupported file type "${ext || '(no extension)'}": kb:add reads .txt, .md, .pdf and .docx documents`,
    );
  }
  const data = readFileSync(file);
  let raw: string;
  if (ext === '.pdf') raw = await pdfText(data, file);
  else if (ext === '.docx') raw = await docxText(data, file);
  else if (ext === '.txt') raw = decodeText(data, file);
  else raw = stripMarkdown(decodeText(data, file));
  const text = normaliseWhitespace(raw);
  if (!/\p{L}/u.test(text)) {
    const hint = ext === '.pdf' ? ' (a scanned PDF has no text layer: run it through OCR first)' : '';
    throw new CompanyKbError(`${shown(file)} is empty: no text found${hint}`);
  }
  return text;
}

const SUPPORTED = `Warmline supports ${LANGS.join(', ')}`;

/** The engine's own detector, built from the stop words of the knowledge root being edited. */
export function detectorFor(languages: readonly LanguageData[]): LanguageDetector {
  return new LanguageDetector(Object.fromEntries(languages.map((l) => [l.lang, l.stopwords])) as Record<Lang, string[]>);
}

/**
 * The document's language: `given` (from --lang) when present, else detected. A language the engine
 * has no lexicon for is refused rather than guessed: its guidelines could never match.
 */
export function documentLanguage(text: string, given: string | undefined, detector: LanguageDetector): Lang {
  if (given !== undefined) {
    if (!isLang(given)) throw new CompanyKbError(`unsupported language "${given}" (--lang): ${SUPPORTED}`);
    return given;
  }
  // The opening is plenty to tell the four apart, and keeps franc fast on a long manual.
  const guess = detector.detect(text.slice(0, 20_000));
  if (guess.lang) return guess.lang;
  const seen = guess.seen === 'und' ? 'could not be recognised' : `looks like "${guess.seen}" (ISO 639-3)`;
  throw new CompanyKbError(`the document's language ${seen}: ${SUPPORTED}; pass --lang fi|pl|hu|en if the detection is wrong`);
}
