import { z } from 'zod';

/**
 * LLM settings from the environment. No key means offline mode; a key makes the LLM available, and the
 * offline engine still runs first and has the last word.
 */
const Schema = z.object({
  OPENAI_API_KEY: z.string().default(''),
  OPENAI_BASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  OPENAI_CHAT_MODEL: z.string().default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().default('text-embedding-3-small'),
  AZURE_OPENAI_API_KEY: z.string().default(''),
  AZURE_OPENAI_ENDPOINT: z.string().default(''),
  AZURE_OPENAI_DEPLOYMENT: z.string().default(''),
  AZURE_OPENAI_EMBEDDING_DEPLOYMENT: z.string().default(''),
  AZURE_OPENAI_API_VERSION: z.string().default('2024-10-21'),
  LLM_INVOKE_BUDGET_MS: z.coerce.number().int().min(200).max(4500).default(3500),
  LLM_CHAT_BUDGET_MS: z.coerce.number().int().min(500).max(60_000).default(8000),
  LLM_LATE_UPDATE_MS: z.coerce.number().int().min(0).max(120_000).default(30_000),
  LLM_CACHE_DIR: z.string().default(''),
});

export interface LlmSettings {
  provider: 'openai' | 'azure' | 'openai-compatible';
  apiKey: string;
  baseURL?: string;
  chatModel: string;
  embeddingModel: string;
  azure?: { endpoint: string; deployment: string; embeddingDeployment: string; apiVersion: string };
  budgets: { invokeMs: number; chatMs: number; lateUpdateMs: number };
  cacheDir: string;
}

export function llmSettingsFrom(env: NodeJS.ProcessEnv): LlmSettings | null {
  const parsed = Schema.safeParse(env);
  if (!parsed.success) throw new Error(`configuration: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  const e = parsed.data;
  const budgets = { invokeMs: e.LLM_INVOKE_BUDGET_MS, chatMs: e.LLM_CHAT_BUDGET_MS, lateUpdateMs: e.LLM_LATE_UPDATE_MS };
  const cacheDir = e.LLM_CACHE_DIR;
  if (e.AZURE_OPENAI_API_KEY) {
    if (!e.AZURE_OPENAI_ENDPOINT || !e.AZURE_OPENAI_DEPLOYMENT) throw new Error('configuration: AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT are required with AZURE_OPENAI_API_KEY');
    return {
      provider: 'azure', apiKey: e.AZURE_OPENAI_API_KEY, chatModel: e.AZURE_OPENAI_DEPLOYMENT, embeddingModel: e.AZURE_OPENAI_EMBEDDING_DEPLOYMENT,
      azure: { endpoint: e.AZURE_OPENAI_ENDPOINT, deployment: e.AZURE_OPENAI_DEPLOYMENT, embeddingDeployment: e.AZURE_OPENAI_EMBEDDING_DEPLOYMENT, apiVersion: e.AZURE_OPENAI_API_VERSION },
      budgets, cacheDir,
    };
  }
  if (!e.OPENAI_API_KEY) return null;
  return {
    provider: e.OPENAI_BASE_URL ? 'openai-compatible' : 'openai', apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL,
    chatModel: e.OPENAI_CHAT_MODEL, embeddingModel: e.OPENAI_EMBEDDING_MODEL, budgets, cacheDir,
  };
}
