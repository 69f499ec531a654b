import { z } from 'zod';
import type { Lang } from '../core/contract.js';
import type { KnowledgeBase } from '../engine/knowledge-base.js';
import type { GuidanceAnswer } from '../retrieval/search-guidance.js';
import { checkRewrite } from './guard-suggestion.js';
import { budgetOf, type LlmClient } from '../core/llm-interface.js';

/**
 * The LLM's help for supervisors and trainees, each checked before use and each falling back to the
 * offline answer: guidance must cite existing guidelines with verbatim quotes, coaching examples must
 * pass the rules, and the practice customer must speak the trainee's language.
 */
const LANG_NAMES: Record<Lang, string> = { fi: 'Finnish', pl: 'Polish', hu: 'Hungarian', en: 'English' };

const GuidanceSchema = z.object({ covered: z.boolean(), answer: z.string().min(1).max(3000), citations: z.array(z.object({ guideline: z.string(), quote: z.string() })).max(10) });
const CoachingSchema = z.object({ examples: z.array(z.string().min(1).max(1500)).min(1).max(3), avoid: z.array(z.string()).max(5), guidelines: z.array(z.string()).max(5) });
const CustomerSchema = z.object({ message: z.string().min(1).max(600) });

export interface LlmGuidance {
  covered: boolean;
  answer: string;
  citations: { guideline: string; quote: string }[];
}

export async function llmGuidance(kb: KnowledgeBase, llm: LlmClient, offline: GuidanceAnswer, budgetMs: number): Promise<LlmGuidance | null> {
  const guidelines = offline.guidelines.map((g) => `- ${g.guideline} [${g.rule}]: ${g.principle} Source ${g.source.document}: "${g.source.quote}"`).join('\n') || '- (none retrieved)';
  const passages = offline.passages.map((p) => `- ${p.passage} (${p.document}): "${p.text.replace(/\s+/g, ' ').slice(0, 900)}"`).join('\n') || '- (none retrieved)';
  const out = await llm.complete('guidance-answer', { lang: LANG_NAMES[offline.lang], guidelines, passages, question: offline.question }, GuidanceSchema, budgetOf(budgetMs));
  if (out.status !== 'success') return null;
  // Every citation must name a guideline and quote its source or a passage word for word; others are dropped.
  const sources = [...kb.artifact.documents.map((d) => d.text)];
  const citations = out.value.citations.filter((c) => kb.byId.has(c.guideline) && c.quote.length > 0 && sources.some((t) => t.includes(c.quote)));
  if (out.value.covered && citations.length === 0) return null; // an answer it cannot ground is not shown
  return { covered: out.value.covered, answer: out.value.answer, citations };
}

export async function llmCoaching(kb: KnowledgeBase, llm: LlmClient, situation: string, lang: Lang, guidelines: string, budgetMs: number): Promise<string[] | null> {
  const out = await llm.complete('trainee-coaching', { lang: LANG_NAMES[lang], guidelines, situation }, CoachingSchema, budgetOf(budgetMs));
  if (out.status !== 'success') return null;
  const good = out.value.examples.filter((e) => checkRewrite(kb, lang, '', situation, e).filter((p) => !p.startsWith('invents the name')).length === 0);
  return good.length > 0 ? good : null;
}

export async function llmPracticeCustomer(kb: KnowledgeBase, llm: LlmClient, scenario: string, conversation: string, lang: Lang, budgetMs: number): Promise<string | null> {
  const out = await llm.complete('practice-customer', { lang: LANG_NAMES[lang], scenario, conversation }, CustomerSchema, budgetOf(budgetMs));
  if (out.status !== 'success') return null;
  return kb.detector.detect(out.value.message).lang === lang ? out.value.message : null;
}
