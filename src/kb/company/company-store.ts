import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Document, parseDocument } from 'yaml';
import { DocumentMetaSchema, type DocumentMeta } from '../../core/knowledge-schema.js';

/**
 * Where a company's own knowledge lives and how kb:add and kb:accept change its files: the paths, the
 * catalog of documents, appending to a hand-edited YAML list, and putting files back when a rebuild fails.
 */

/** A problem with what the user asked kb:add or kb:accept to do, worded for the user (no stack trace). */
export class CompanyKbError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompanyKbError';
  }
}

// Every path takes the knowledge root, so tests work on a temporary copy and never touch the project's knowledge/.
export const companyDir = (root: string) => join(root, 'company');
export const companyDocumentsDir = (root: string) => join(companyDir(root), 'documents');
export const companyCatalogPath = (root: string) => join(companyDocumentsDir(root), 'catalog.yaml');
/** Accepted guidelines: loaded by the engine like the built-in ones. */
export const companyGuidelinesPath = (root: string, docId: string) => join(companyDir(root), 'guidelines', `${docId}.yaml`);
/** Proposals: never loaded; kb:accept moves the chosen ones to the guidelines folder. */
export const proposedDir = (root: string) => join(companyDir(root), 'proposed');
export const proposalPath = (root: string, docId: string) => join(proposedDir(root), `${docId}.yaml`);

/** A path as the user should see it: relative to the working folder when that is shorter. */
export const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

/**
 * Appends entries to a YAML file holding a list, keeping the file's comments and earlier entries exactly as
 * they are (people edit these files by hand); a new file starts with `header` as its comment.
 */
export function appendYamlList(path: string, entries: readonly unknown[], header: string): void {
  mkdirSync(dirname(path), { recursive: true });
  let doc: Document;
  if (existsSync(path)) {
    doc = parseDocument(readFileSync(path, 'utf8'));
    if (doc.contents === null) doc.contents = doc.createNode([]);
  } else {
    doc = new Document([]);
    doc.commentBefore = header;
  }
  for (const entry of entries) doc.add(doc.createNode(entry));
  writeFileSync(path, doc.toString({ lineWidth: 0 }));
}

/**
 * Remembers the given files (or that they do not exist) and returns a function that puts them back:
 * a kb:add or kb:accept whose rebuild fails leaves the knowledge folder as it found it.
 */
export function snapshotFiles(paths: readonly string[]): () => void {
  const saved = paths.map((path) => ({ path, data: existsSync(path) ? readFileSync(path) : null }));
  return () => {
    for (const { path, data } of saved) {
      if (data === null) rmSync(path, { force: true });
      else writeFileSync(path, data);
    }
  };
}

const CATALOG_HEADER = [
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
  appendYamlList(companyCatalogPath(root), [meta], CATALOG_HEADER);
}
