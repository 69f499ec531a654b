import { defaultArtifactPath, knowledgeDir } from '../../core/paths.js';
import { runKbAdd } from './kb-commands.js';
import { loadLlmClient } from './propose-guidelines.js';

/** `npm run kb:add -- FILE [--title T] [--lang fi|pl|hu|en]`: add a company document to the knowledge base. */
process.exitCode = await runKbAdd(process.argv.slice(2), {
  root: knowledgeDir(),
  artifactPath: defaultArtifactPath(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  // npm run starts in the project root; a relative FILE means the folder the user typed it in.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  loadLlm: loadLlmClient,
});
