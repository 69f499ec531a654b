import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import { AzureChatOpenAICompletions, AzureOpenAIEmbeddings, ChatOpenAICompletions, OpenAIEmbeddings } from '@langchain/openai';
import type { z } from 'zod';
import { classifyError, RETRYABLE } from './classify-error.js';
import type { LlmSettings } from './llm-settings.js';
import type { CallBudget, LlmClient, LlmFailure, LlmOutcome, PromptName } from '../core/llm-interface.js';
import { renderPrompt, type PromptLibrary } from './prompt-library.js';

/** One line per call for the logs: what, how long, how many tokens. Never the draft. */
export interface LlmCallEvent {
  prompt: PromptName | 'embeddings';
  status: 'success' | LlmFailure;
  ms: number;
  attempts: number;
  promptTokens: number;
  completionTokens: number;
}

const MIN_ATTEMPT_MS = 250;

/** Strips a ```json fence that some OpenAI-compatible servers add around JSON. */
function jsonOf(content: string): unknown {
  const text = content.trim().replace(/^```(?:json)?\s*/i, '').replace(/```$/, '').trim();
  return JSON.parse(text);
}

/**
 * The LLM through LangChain.js (ChatOpenAI-compatible completions and embeddings, with the openai SDK
 * underneath). LangChain's own retries are off: retries with backoff happen here, only inside the budget.
 */
export class LangChainLlmClient implements LlmClient {
  readonly mode: LlmClient['mode'];
  readonly chatModel: string;

  constructor(
    private readonly settings: LlmSettings,
    private readonly prompts: PromptLibrary,
    private readonly onCall: (event: LlmCallEvent) => void = () => {},
  ) {
    this.mode = settings.provider;
    this.chatModel = settings.chatModel;
  }

  private chat(temperature: number, maxTokens: number) {
    const s = this.settings;
    const common = { temperature, maxTokens, maxRetries: 0, modelKwargs: { response_format: { type: 'json_object' } } };
    if (s.azure) {
      return new AzureChatOpenAICompletions({
        ...common,
        azureOpenAIApiKey: s.apiKey,
        azureOpenAIEndpoint: s.azure.endpoint,
        azureOpenAIApiDeploymentName: s.azure.deployment,
        azureOpenAIApiVersion: s.azure.apiVersion,
      });
    }
    return new ChatOpenAICompletions({ ...common, model: s.chatModel, apiKey: s.apiKey, configuration: { baseURL: s.baseURL } });
  }

  private embeddings() {
    const s = this.settings;
    if (s.azure) {
      return new AzureOpenAIEmbeddings({
        azureOpenAIApiKey: s.apiKey, azureOpenAIEndpoint: s.azure.endpoint, azureOpenAIApiDeploymentName: s.azure.embeddingDeployment || s.azure.deployment,
        azureOpenAIApiVersion: s.azure.apiVersion, maxRetries: 0,
      });
    }
    return new OpenAIEmbeddings({ model: s.embeddingModel, apiKey: s.apiKey, configuration: { baseURL: s.baseURL }, maxRetries: 0 });
  }

  /** Runs `attempt` until it succeeds, fails for good, or the budget is spent; backoff 250 ms, doubling. */
  private async withRetries<T>(name: LlmCallEvent['prompt'], budget: CallBudget, attempt: (signal: AbortSignal) => Promise<LlmOutcome<T>>): Promise<LlmOutcome<T>> {
    const started = Date.now();
    let attempts = 0;
    let last: LlmOutcome<T> = { status: 'timeout', detail: 'no time left in the budget' };
    let delay = 250;
    while (budget.deadline - Date.now() >= MIN_ATTEMPT_MS) {
      attempts++;
      const signal = AbortSignal.timeout(budget.deadline - Date.now());
      try {
        last = await attempt(signal);
      } catch (error) {
        const c = classifyError(error);
        last = { status: c.status, detail: c.detail };
        const room = budget.deadline - Date.now() - MIN_ATTEMPT_MS;
        if (RETRYABLE.has(c.status) && room > 0) {
          // Backoff with jitter, or the server's Retry-After when it is shorter than what is left.
          const wait = Math.min(c.retryAfterMs ?? delay * (0.8 + Math.random() * 0.4), room);
          delay *= 2;
          if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
      }
      break;
    }
    const ms = Date.now() - started;
    const usage = last.status === 'success' ? { ...last.usage, ms, attempts } : { promptTokens: 0, completionTokens: 0, ms, attempts };
    this.onCall({ prompt: name, status: last.status, ms, attempts, promptTokens: usage.promptTokens, completionTokens: usage.completionTokens });
    return last.status === 'success' ? { ...last, usage } : { ...last, usage };
  }

  complete<T>(prompt: PromptName, variables: Record<string, string>, schema: z.ZodType<T>, budget: CallBudget): Promise<LlmOutcome<T>> {
    const template = this.prompts[prompt];
    const { system, user } = renderPrompt(template, variables);
    const model = this.chat(template.config.temperature, template.config.maxTokens);
    return this.withRetries(prompt, budget, async (signal) => {
      const message = await model.invoke([new SystemMessage(system), new HumanMessage(user)], { signal });
      const content = typeof message.content === 'string' ? message.content : message.content.map((p) => ('text' in p ? String(p.text) : '')).join('');
      const usage = { promptTokens: message.usage_metadata?.input_tokens ?? 0, completionTokens: message.usage_metadata?.output_tokens ?? 0, ms: 0, attempts: 0 };
      const refusal = (message.additional_kwargs as { refusal?: string } | undefined)?.refusal;
      if (refusal || content.trim() === '') return { status: 'refusal', detail: refusal ? `the model declined: ${refusal.slice(0, 120)}` : 'the model gave no answer', usage };
      let json: unknown;
      try {
        json = jsonOf(content);
      } catch {
        return { status: 'invalid_response', detail: 'the answer was not JSON', usage };
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) return { status: 'invalid_response', detail: `the answer did not fit the schema: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`, usage };
      return { status: 'success', value: parsed.data, usage };
    });
  }

  embed(texts: readonly string[], budget: CallBudget): Promise<LlmOutcome<number[][]>> {
    if (texts.length === 0) return Promise.resolve({ status: 'success', value: [], usage: { promptTokens: 0, completionTokens: 0, ms: 0, attempts: 0 } });
    const model = this.embeddings();
    return this.withRetries('embeddings', budget, async (signal) => {
      const vectors = await Promise.race([
        model.embedDocuments([...texts]),
        new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), { once: true })),
      ]);
      return { status: 'success', value: vectors, usage: { promptTokens: 0, completionTokens: 0, ms: 0, attempts: 0 } };
    });
  }
}
