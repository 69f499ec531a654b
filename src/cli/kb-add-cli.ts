import { defaultArtifactPath, knowledgeDir } from '../core/paths.js';
import { runKbAdd } from '../kb/company/kb-commands.js';
import type { LlmLoad } from '../kb/company/propose-guidelines.js';

/**
 * The LLM client configured in the environment, or none. kb:add still adds the document without one (it just
 * proposes no guidelines); the LLM module is imported only here, on first need, so an offline kb:add never loads
 * LangChain, and the knowledge base code takes the client it is handed without importing the LLM layer.
 */
async function loadLlmClient(): Promise<LlmLoad> {
  try {
    const { createLlmClientFromEnv } = await import('../llm/create-llm-client.js');
    return { client: createLlmClientFromEnv()?.client ?? null };
  } catch (error) {
    return { client: null, note: `the LLM is not usable: ${(error as Error).message}` };
  }
}

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
