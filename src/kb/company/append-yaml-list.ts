import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Document, parseDocument } from 'yaml';

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
