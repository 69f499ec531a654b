import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { DocumentMeta } from '../../core/knowledge-schema.js';
import type { LlmClient } from '../../core/llm-interface.js';
import type { KnowledgeArtifact } from '../build-knowledge.js';
import { loadKnowledge } from '../load-knowledge.js';
import { rebuildKnowledge } from '../rebuild-knowledge.js';
import {
  appendCatalogEntry,
  CompanyKbError,
  companyCatalogPath,
  companyDocumentsDir,
  nextDocumentId,
  readCompanyCatalog,
  snapshotFiles,
} from './company-store.js';
import { proposeGuidelines, type ProposalOutcome } from './propose-guidelines.js';
import { detectorFor, documentLanguage, extractText } from './read-document.js';

export interface AddDocumentOptions {
  /** The knowledge root (the project's knowledge/, or a temporary copy in tests). */
  root: string;
  /** Where the rebuilt knowledge base is written. */
  artifactPath: string;
  title?: string;
  /** fi | pl | hu | en; detected when absent. */
  lang?: string;
  /** With an LLM, candidate guidelines are proposed (never used until accepted). */
  llm?: LlmClient | null;
  now?: Date;
}

export interface AddDocumentResult {
  document: DocumentMeta;
  text: string;
  /** Retrieval passages the document was split into. */
  passages: number;
  artifact: KnowledgeArtifact;
  proposals: ProposalOutcome;
}

/** --title, else a short first line (a heading, usually), else the file name. */
function titleFor(file: string, text: string, given: string | undefined): string {
  if (given?.trim()) return given.trim();
  const first = text.split('\n', 1)[0]!.trim();
  if (first.length >= 3 && first.length <= 100 && !/[.:;,]$/.test(first)) return first;
  return basename(file, extname(file)).replace(/[-_]+/g, ' ').trim() || basename(file);
}

/**
 * `kb:add`: reads the document, stores its text as the next company document (c001, c002, …),
 * rebuilds the knowledge base so its passages join the retrieval index, and, with an LLM, proposes
 * guidelines from it. A failed rebuild puts the catalog back as it was.
 */
export async function addDocument(file: string, options: AddDocumentOptions): Promise<AddDocumentResult> {
  const { root, artifactPath } = options;
  const text = await extractText(file);
  const knowledge = loadKnowledge(root); // the knowledge base must be sound before anything is added to it
  const lang = documentLanguage(text, options.lang, detectorFor(knowledge.languages));
  const same = knowledge.documents.find((d) => d.text.trim() === text);
  if (same) throw new CompanyKbError(`this text is already in the knowledge base as document ${same.id} "${same.title}"`);

  const id = nextDocumentId(readCompanyCatalog(root));
  const document: DocumentMeta = {
    id,
    title: titleFor(file, text, options.title),
    lang,
    sourceKind: 'company-document',
    file: `${id}.txt`,
    original: basename(file),
    addedAt: (options.now ?? new Date()).toISOString(),
  };
  const textPath = join(companyDocumentsDir(root), document.file);
  const restore = snapshotFiles([companyCatalogPath(root), textPath]);
  let artifact: KnowledgeArtifact;
  try {
    mkdirSync(companyDocumentsDir(root), { recursive: true });
    writeFileSync(textPath, `${text}\n`);
    appendCatalogEntry(root, document);
    artifact = await rebuildKnowledge(root, artifactPath);
  } catch (error) {
    restore();
    throw error;
  }
  const proposals: ProposalOutcome = options.llm
    ? await proposeGuidelines({ root, document, text, artifact, llm: options.llm, now: options.now })
    : { status: 'no-llm' };
  const passages = artifact.passages.filter((p) => p.document === id).length;
  return { document, text, passages, artifact, proposals };
}
