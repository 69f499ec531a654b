import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { verdictFor, type Finding, type Lang, type NextStep, type ReviewResult, type Suggestion } from '../core/contract.js';
import type { KnowledgeBase, RuntimeGuideline } from '../engine/knowledge-base.js';
import { review } from '../engine/review.js';
import { checkRewrite } from './guard-suggestion.js';
import type { HybridRetriever } from './hybrid-retrieval.js';
import { budgetOf, type LlmClient, type LlmFailure } from '../core/llm-interface.js';

/**
 * LLM mode: the offline review runs first, always; the model adds findings and writes the alternatives;
 * the rules check every piece and keep the offline one wherever the model's fails. The result is the
 * contract's, with an `llm` note saying what the model contributed and what was replaced.
 */
export interface LlmReviewInfo {
  mode: 'llm' | 'offline';
  /** 'success' when every call succeeded; otherwise the first failure (the offline part stood in). */
  status: 'success' | LlmFailure;
  ms: number;
  findingsAdded: number;
  findingsDropped: number;
  suggestionsReplaced: { style: Suggestion['style']; problems: string[] }[];
  usedEmbeddings: boolean;
}

export type LlmReviewResult = ReviewResult & { llm: LlmReviewInfo };

export interface LlmReviewRequest {
  draft: string;
  customer?: string;
  lang?: Lang;
  firstReply?: boolean;
  channel?: string;
}

const ReviewAnswer = z.object({ findings: z.array(z.object({ guideline: z.string(), quote: z.string(), why: z.string().optional() })).max(20) });
const RewriteAnswer = z.object({ suggestions: z.array(z.object({ style: z.enum(['warmer', 'concise']), text: z.string().min(1).max(8000) })).min(1).max(4) });
const NextStepAnswer = z.object({ text: z.string().min(1).max(600), action: z.string().min(1).max(400), when: z.string().min(1).max(120) });

const LANG_NAMES: Record<Lang, string> = { fi: 'Finnish', pl: 'Polish', hu: 'Hungarian', en: 'English' };

function guidelineLines(list: readonly RuntimeGuideline[], lang: Lang): string {
  return list.map((g) => `- ${g.data.id} [${g.rule}, ${g.data.severity}]: ${g.data.principle.en} Preferred: "${g.data.preferred[lang][0]}"`).join('\n');
}

export class LlmReviewer {
  private readonly cache: LRUCache<string, Promise<LlmReviewResult>>;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly llm: LlmClient,
    private readonly retriever: HybridRetriever,
    cacheSize = 200,
  ) {
    this.cache = new LRUCache({ max: Math.max(1, cacheSize) });
  }

  /** Identical requests share one answer (and one set of model calls); failed answers are not kept. */
  /** `offline`, when the caller already has the offline review of this very request, saves running it twice. */
  review(request: LlmReviewRequest, budgetMs: number, offline?: ReviewResult): Promise<LlmReviewResult> {
    const key = JSON.stringify([request.draft, request.customer ?? '', request.lang ?? '', request.firstReply ?? false, request.channel ?? '']);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const pending = this.run(request, budgetMs, offline);
    this.cache.set(key, pending);
    void pending.then((r) => {
      if (r.llm.status !== 'success') this.cache.delete(key);
    }, () => this.cache.delete(key));
    return pending;
  }

  private async run(request: LlmReviewRequest, budgetMs: number, known?: ReviewResult): Promise<LlmReviewResult> {
    const started = Date.now();
    const offline = known ?? review(request, { kb: this.kb }); // the rules first, always; bad input throws here
    const info: LlmReviewInfo = { mode: 'offline', status: 'success', ms: 0, findingsAdded: 0, findingsDropped: 0, suggestionsReplaced: [], usedEmbeddings: false };
    const fail = (status: LlmFailure) => {
      if (info.status === 'success') info.status = status;
    };
    if (offline.notes?.some((n) => n.startsWith('unsupported language'))) {
      return { ...offline, llm: { ...info, status: 'disabled', ms: Date.now() - started } };
    }
    const lang = offline.lang;
    const draft = request.draft;
    const customer = request.customer ?? '';
    const budget = budgetOf(budgetMs, started);

    // Retrieval gets a quarter of the budget: the offline findings' guidelines plus the hybrid ranking.
    const retrieval = await this.retriever.retrieve(`${draft}\n${customer}`, budgetOf(Math.min(budgetMs / 4, 1000), started), 8);
    info.usedEmbeddings = retrieval.usedEmbeddings;
    const listed = [...new Map([...offline.findings.map((f) => this.kb.byId.get(f.guideline)!), ...retrieval.guidelines].filter(Boolean).map((g) => [g.data.id, g])).values()].slice(0, 12);
    const variables = { lang: LANG_NAMES[lang], guidelines: guidelineLines(listed, lang), draft, customer };
    const findingsText = offline.findings.map((f) => `- ${f.guideline}: "${f.quote}"`).join('\n') || '- none found by the rules';

    const [reviewOut, rewriteOut, stepOut] = await Promise.all([
      this.llm.complete('review', variables, ReviewAnswer, budget),
      this.llm.complete('rewrite', { ...variables, findings: findingsText }, RewriteAnswer, budget),
      this.llm.complete('next-step', { lang: LANG_NAMES[lang], draft, customer }, NextStepAnswer, budget),
    ]);

    const findings: Finding[] = [...offline.findings];
    if (reviewOut.status === 'success') {
      for (const f of reviewOut.value.findings) {
        const g = this.kb.byId.get(f.guideline);
        const start = f.quote ? draft.indexOf(f.quote) : -1;
        if (!g || start < 0) {
          info.findingsDropped++; // an unknown guideline or a quote that is not the draft's: never shown
          continue;
        }
        const end = start + f.quote.length;
        if (findings.some((o) => o.rule === g.rule && o.start < end && o.end > start)) continue;
        findings.push({ rule: g.rule, guideline: g.data.id, severity: g.data.severity, start, end, quote: f.quote, message: g.data.message[lang], source: { document: g.data.source.document, quote: g.data.source.quote } });
        info.findingsAdded++;
      }
      findings.sort((a, b) => a.start - b.start || a.end - b.end);
    } else fail(reviewOut.status);

    const suggestions: Suggestion[] = offline.suggestions.map((s) => {
      if (rewriteOut.status !== 'success') return s;
      const candidate = rewriteOut.value.suggestions.find((c) => c.style === s.style);
      if (!candidate) return s;
      const problems = checkRewrite(this.kb, lang, draft, customer, candidate.text);
      if (problems.length === 0) return { style: s.style, text: candidate.text };
      info.suggestionsReplaced.push({ style: s.style, problems });
      return s;
    });
    if (rewriteOut.status !== 'success') fail(rewriteOut.status);

    let nextStep: NextStep = offline.nextStep;
    if (stepOut.status === 'success') {
      const problems = checkRewrite(this.kb, lang, draft, customer, stepOut.value.text);
      const whenOk = /^\[.*\]$/.test(stepOut.value.when.trim()) || draft.includes(stepOut.value.when);
      if (problems.length === 0 && whenOk) nextStep = { text: stepOut.value.text, owner: 'agent', action: stepOut.value.action, when: stepOut.value.when };
    } else fail(stepOut.status);

    info.mode = reviewOut.status === 'success' || rewriteOut.status === 'success' ? 'llm' : 'offline';
    info.ms = Date.now() - started;
    const notes = [...(offline.notes ?? [])];
    if (info.status !== 'success') notes.push(`LLM ${info.status}: the offline result stands in where the model did not answer`);
    if (info.suggestionsReplaced.length > 0) notes.push(`LLM rewrite replaced by the offline one (${info.suggestionsReplaced.map((r) => `${r.style}: ${r.problems.join('; ')}`).join(' | ')})`);
    return { ...offline, verdict: verdictFor(findings), findings, suggestions, nextStep, ...(notes.length ? { notes } : {}), llm: info };
  }
}
