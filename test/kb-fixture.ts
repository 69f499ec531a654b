import { buildKnowledge } from '../src/kb/build-knowledge.js';
import { loadKnowledge } from '../src/kb/load-knowledge.js';
import { knowledgeDir } from '../src/core/paths.js';
import { knowledgeBaseFrom, type KnowledgeBase } from '../src/engine/knowledge-base.js';

let kb: Promise<KnowledgeBase> | undefined;

/** The knowledge base built from the sources in knowledge/, so tests never run on a stale artifact. */
export function testKnowledgeBase(): Promise<KnowledgeBase> {
  kb ??= buildKnowledge(loadKnowledge(knowledgeDir())).then(knowledgeBaseFrom);
  return kb;
}
