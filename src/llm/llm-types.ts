import type { LlmClient } from '../core/llm-interface.js';
import type { LlmReviewer } from './llm-review.js';

/** What LLM mode gives the assistant: the client, the checked reviewer, and the time each site may wait. */
export interface AssistantLlm {
  client: LlmClient;
  reviewer: LlmReviewer;
  budgets: { invokeMs: number; chatMs: number; lateUpdateMs: number };
}
