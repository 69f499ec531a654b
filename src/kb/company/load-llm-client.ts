import type { LlmClient } from '../../llm/llm-types.js';

export interface LlmLoad {
  client: LlmClient | null;
  /** Why there is no client, when that is worth telling (a broken configuration, not a missing one). */
  note?: string;
}

type Created = LlmClient | { client: LlmClient } | null | undefined;
type Factory = { createLlmClientFromEnv?: () => Created | Promise<Created> };

/**
 * The LLM client configured in the environment, or null. Imported at run time: without the LLM module
 * or without configuration, kb:add still adds the document (it just proposes no guidelines).
 */
export async function loadLlmClient(): Promise<LlmLoad> {
  // A variable specifier keeps the compiler from requiring the module: LLM mode is optional.
  const specifier = '../../llm/create-llm-client.js';
  let factory: Factory;
  try {
    factory = (await import(specifier)) as Factory;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes('create-llm-client')) return { client: null };
    return { client: null, note: `the LLM module could not be loaded: ${(error as Error).message}` };
  }
  if (typeof factory.createLlmClientFromEnv !== 'function') return { client: null };
  try {
    const created = await factory.createLlmClientFromEnv();
    // create-llm-client.ts returns { client, settings }; a bare client is accepted too.
    return { client: created && 'client' in created ? created.client : (created ?? null) };
  } catch (error) {
    return { client: null, note: `the LLM is not usable: ${(error as Error).message}` };
  }
}
