import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildKnowledge } from './build-knowledge.js';
import { loadKnowledge } from './load-knowledge.js';
import { defaultArtifactPath, knowledgeDir } from '../core/paths.js';

/** `npm run kb:build`: validate the knowledge files and write the compiled artifact. */
async function main(): Promise<void> {
  const started = performance.now();
  const knowledge = loadKnowledge(knowledgeDir());
  const artifact = await buildKnowledge(knowledge);
  const out = defaultArtifactPath();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(artifact));
  const ms = Math.round(performance.now() - started);
  process.stderr.write(
    `knowledge: ${artifact.guidelines.length} guidelines, ${artifact.documents.length} documents, ${artifact.passages.length} passages -> ${out} (${ms} ms)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`kb:build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
