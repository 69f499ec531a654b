import type { z } from 'zod';

/**
 * The LLM seen from the rest of Warmline, as an interface: what a model client promises, not how one is built
 * (src/llm implements it with LangChain.js; tests use fakes). It sits in core so that code which only needs a
 * model handed to it, such as kb:add's guideline proposals, need not import the LLM layer.
 *
 * Results are a status union, never an exception (STYLE.md 7): every failure is a value the caller turns into
 * the offline result.
 */
export type LlmFailure = 'timeout' | 'rate_limited' | 'server_error' | 'refusal' | 'invalid_response' | 'network_error' | 'disabled';

export interface LlmUsage {
  promptTokens: number;
  completionTokens: number;
  ms: number;
  attempts: number;
}

export type LlmOutcome<T> = { status: 'success'; value: T; usage: LlmUsage } | { status: LlmFailure; detail: string; usage?: LlmUsage };

/** The prompt files in prompts/, one per task. */
export const PROMPT_NAMES = ['review', 'rewrite', 'next-step', 'guidance-answer', 'trainee-coaching', 'practice-customer', 'propose-guidelines'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

export interface CallBudget {
  /** Epoch milliseconds by which the call, retries included, must be done. */
  deadline: number;
}

export interface LlmClient {
  readonly mode: 'openai' | 'azure' | 'openai-compatible';
  readonly chatModel: string;
  /**
   * Runs a prompt file with its variables and validates the JSON answer with `schema`.
   * Variables marked as data (draft, customer, document) are sent as quoted data, never as instructions.
   */
  complete<T>(prompt: PromptName, variables: Record<string, string>, schema: z.ZodType<T>, budget: CallBudget): Promise<LlmOutcome<T>>;
  /** Embeddings for retrieval (empty array in, empty array out). */
  embed(texts: readonly string[], budget: CallBudget): Promise<LlmOutcome<number[][]>>;
}

export const budgetOf = (ms: number, now = Date.now()): CallBudget => ({ deadline: now + ms });
