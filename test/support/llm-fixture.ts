import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssistantLlm } from '../../src/assistant/assistant.js';
import type { KnowledgeBase } from '../../src/engine/knowledge-base.js';
import { createAssistantLlm } from '../../src/llm/create-assistant-llm.js';
import type { LlmCallEvent } from '../../src/llm/langchain-llm-client.js';
import type { FakeOpenAi, FakeReply, RecordedRequest } from './fake-openai-server.js';

/** LLM mode pointed at the loopback fake server, through the same factory the bot uses. */
export function llmFor(fake: FakeOpenAi, kb: KnowledgeBase, env: Record<string, string> = {}, calls: LlmCallEvent[] = []): AssistantLlm {
  const llm = createAssistantLlm(
    { OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: fake.url, LLM_CACHE_DIR: mkdtempSync(join(tmpdir(), 'warmline-llm-')), LLM_INVOKE_BUDGET_MS: '1500', LLM_CHAT_BUDGET_MS: '1500', ...env },
    kb,
    (c) => calls.push(c),
  );
  if (!llm) throw new Error('LLM mode expected');
  return llm;
}

/** Which prompt a recorded request carries, read from its system message. */
export function taskOf(req: RecordedRequest): string {
  const system = String((req.body as { messages?: { role: string; content: string }[] }).messages?.find((m) => m.role === 'system')?.content ?? '');
  if (system.includes('You review a customer-service')) return 'review';
  if (system.includes('You rewrite')) return 'rewrite';
  if (system.includes('next-step commitment')) return 'next-step';
  if (system.includes('supervisor')) return 'guidance-answer';
  if (system.includes('You coach')) return 'trainee-coaching';
  if (system.includes('You play a customer')) return 'practice-customer';
  return 'other';
}

/** Answers per task; a task without an answer gets a 500. */
export function byTask(answers: Record<string, FakeReply>): (req: RecordedRequest) => FakeReply {
  return (req) => answers[taskOf(req)] ?? { status: 500 };
}
