import { defaultArtifactPath, knowledgeDir } from '../core/paths.js';
import { rebuildKnowledge } from './rebuild-knowledge.js';

/** `npm run kb:build`: validate the knowledge files and write the compiled artifact (in one rename, like kb:add). */
async function main(): Promise<void> {
  const started = performance.now();
  const out = defaultArtifactPath();
  const artifact = await rebuildKnowledge(knowledgeDir(), out);
  const ms = Math.round(performance.now() - started);
  process.stderr.write(
    `knowledge: ${artifact.guidelines.length} guidelines, ${artifact.documents.length} documents, ${artifact.passages.length} passages -> ${out} (${ms} ms)\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`kb:build failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
