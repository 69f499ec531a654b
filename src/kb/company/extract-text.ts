import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { CompanyKbError } from './company-error.js';
import { shown } from './company-paths.js';
import { normaliseWhitespace } from './normalise-text.js';
import { stripMarkdown } from './strip-markdown.js';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.pdf', '.docx'] as const;

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
