import { defaultArtifactPath, knowledgeDir } from '../core/paths.js';
import { runKbAccept } from '../kb/company/kb-commands.js';

/** `npm run kb:accept -- [docid] [--ids a,b | --all]`: list proposed guidelines, or accept some. */
process.exitCode = await runKbAccept(process.argv.slice(2), {
  root: knowledgeDir(),
  artifactPath: defaultArtifactPath(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
