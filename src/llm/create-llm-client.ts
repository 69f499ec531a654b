import { LangChainLlmClient, type LlmCallEvent } from './langchain-llm-client.js';
import { llmSettingsFrom, type LlmSettings } from './llm-settings.js';
import type { LlmClient } from '../core/llm-interface.js';
import { loadPrompts } from './prompt-library.js';

/** The configured LLM, or null for offline mode. Prompts are loaded and checked here, once. */
export function createLlmClientFromEnv(env: NodeJS.ProcessEnv = process.env, onCall?: (event: LlmCallEvent) => void): { client: LlmClient; settings: LlmSettings } | null {
  const settings = llmSettingsFrom(env);
  if (!settings) return null;
  return { client: new LangChainLlmClient(settings, loadPrompts(), onCall), settings };
}
