import { BaseDocumentLoader } from '@langchain/core/document_loaders/base';
import { Document } from '@langchain/core/documents';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Passage, SourceDocument } from '../core/knowledge-artifact.js';

/**
 * The source documents as LangChain documents, split into passages for retrieval. Passages keep
 * their character offset in the document, so an answer can point at the exact place it quotes.
 */
export class SourceDocumentLoader extends BaseDocumentLoader {
  constructor(private readonly documents: readonly SourceDocument[]) {
    super();
  }

  override async load(): Promise<Document[]> {
    return this.documents.map(
      (d) => new Document({ pageContent: d.text, metadata: { document: d.id, title: d.title, lang: d.lang, sourceKind: d.sourceKind } }),
    );
  }
}

export type { Passage } from '../core/knowledge-artifact.js';

export async function splitIntoPassages(documents: readonly SourceDocument[]): Promise<Passage[]> {
  const docs = await new SourceDocumentLoader(documents).load();
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 600, chunkOverlap: 80, separators: ['\n\n', '\n', '. ', ' '] });
  const passages: Passage[] = [];
  for (const doc of docs) {
    const chunks = await splitter.splitDocuments([doc]);
    let from = 0;
    chunks.forEach((chunk, n) => {
      const text = chunk.pageContent.trim();
      const start = Math.max(doc.pageContent.indexOf(text, Math.max(0, from - 200)), 0);
      from = start + 1;
      passages.push({ id: `${doc.metadata.document}-${n + 1}`, document: String(doc.metadata.document), lang: String(doc.metadata.lang), start, text });
    });
  }
  return passages;
}
