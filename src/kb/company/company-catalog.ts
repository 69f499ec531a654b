import { existsSync, readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { DocumentMetaSchema, type DocumentMeta } from '../../core/knowledge-schema.js';
import { appendYamlList } from './append-yaml-list.js';
import { CompanyKbError } from './company-error.js';
import { companyCatalogPath, shown } from './company-paths.js';

const HEADER = [
  " A company's own documents, added with `npm run kb:add FILE`. `file` is relative to this folder;",
  ' the text is stored verbatim (white space normalised), so guideline quotes can be checked against it.',
].join('\n');

/** The company catalog's entries ([] before the first kb:add). */
export function readCompanyCatalog(root: string): DocumentMeta[] {
  const path = companyCatalogPath(root);
  if (!existsSync(path)) return [];
  const raw: unknown = parseDocument(readFileSync(path, 'utf8')).toJS();
  const parsed = DocumentMetaSchema.array().safeParse(raw ?? []);
  if (!parsed.success) throw new CompanyKbError(`${shown(path)} is not a valid catalog: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** c001, c002, …: one past the highest id in use, so a removed document's id is never reused for another. */
export function nextDocumentId(catalog: readonly DocumentMeta[]): string {
  const used = catalog.map((d) => /^c(\d{3})$/.exec(d.id)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  const next = Math.max(0, ...used) + 1;
  if (next > 999) throw new CompanyKbError('the company catalog is full (c999 is the last document id)');
  return `c${String(next).padStart(3, '0')}`;
}

/** Appends an entry, keeping the file's comments and earlier entries exactly as they are. */
export function appendCatalogEntry(root: string, meta: DocumentMeta): void {
  appendYamlList(companyCatalogPath(root), [meta], HEADER);
}
