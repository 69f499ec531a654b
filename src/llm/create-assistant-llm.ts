import { join } from 'node:path';
import type { AssistantLlm } from './llm-types.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import { projectRoot } from '../core/paths.js';
import { createLlmClientFromEnv } from './create-llm-client.js';
import { HybridRetriever } from './hybrid-retrieval.js';
import type { LlmCallEvent } from './langchain-llm-client.js';
import { LlmReviewer } from './llm-review.js';

/** LLM mode from the environment for the bot and the evaluation, or undefined for offline mode. */
export function createAssistantLlm(env: NodeJS.ProcessEnv, kb: KnowledgeBase, onCall?: (event: LlmCallEvent) => void): AssistantLlm | undefined {
  const created = createLlmClientFromEnv(env, onCall);
  if (!created) return undefined;
  const { client, settings } = created;
  const cacheDir = settings.cacheDir || join(projectRoot(), 'build', 'llm-cache');
  const embeddingModel = settings.azure ? settings.azure.embeddingDeployment : settings.embeddingModel;
  // Without an embedding model (an Azure deployment left empty) retrieval stays lexical.
  const retriever = new HybridRetriever(kb, embeddingModel ? client : null, cacheDir, embeddingModel || 'none');
  return { client, reviewer: new LlmReviewer(kb, client, retriever), budgets: settings.budgets };
}
