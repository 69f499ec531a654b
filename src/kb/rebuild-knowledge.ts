import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildKnowledge, type KnowledgeArtifact } from './build-knowledge.js';
import { loadKnowledge } from './load-knowledge.js';
import { writeArtifactJson } from '../core/artifact-json.js';

/**
 * `npm run kb:build` (build-cli.ts), kb:add and kb:accept, for any knowledge root and artifact path: validate every
 * file, compile, index, write. The artifact is replaced in one rename, so a running bot never reads half of it.
 */
export async function rebuildKnowledge(root: string, artifactPath: string): Promise<KnowledgeArtifact> {
  const artifact = await buildKnowledge(loadKnowledge(root));
  mkdirSync(dirname(artifactPath), { recursive: true });
  const temporary = `${artifactPath}.${process.pid}.tmp`;
  writeFileSync(temporary, writeArtifactJson(artifact));
  renameSync(temporary, artifactPath);
  return artifact;
}
