import { LANGS } from '../core/contract.js';
import type { KnowledgeBase, RuntimeGuideline } from '../engine/knowledge-base.js';
import { searchIndex } from '../retrieval/bm25-index.js';
import { terms } from '../retrieval/stem-terms.js';
import { cosine, EmbeddingCache } from './embedding-cache.js';
import type { CallBudget, LlmClient } from '../core/llm-interface.js';

/**
 * The guidelines that matter for a text: BM25 over the compiled index, fused (reciprocal rank) with
 * embedding similarity when the LLM offers embeddings. Embeddings that fail or time out just leave the
 * lexical ranking, which is what offline mode uses anyway.
 */
export class HybridRetriever {
  private readonly cache: EmbeddingCache;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly llm: LlmClient | null,
    cacheDir: string | undefined,
    model = 'default',
  ) {
    this.cache = new EmbeddingCache(cacheDir, model);
  }

  private guidelineText(g: RuntimeGuideline): string {
    return `${g.rule}: ${g.data.principle.en} ${g.data.message.en}`;
  }

  lexical(text: string, limit = 8): RuntimeGuideline[] {
    const query = [...new Set(LANGS.flatMap((l) => terms(text, l)))];
    return searchIndex(this.kb.artifact.index, query, 60)
      .filter((h) => h.ref.startsWith('guideline:'))
      .map((h) => this.kb.byId.get(h.ref.slice('guideline:'.length)))
      .filter((g): g is RuntimeGuideline => g !== undefined)
      .slice(0, limit);
  }

  async retrieve(text: string, budget: CallBudget, limit = 8): Promise<{ guidelines: RuntimeGuideline[]; usedEmbeddings: boolean }> {
    const lexical = this.lexical(text, limit * 2);
    if (!this.llm) return { guidelines: lexical.slice(0, limit), usedEmbeddings: false };
    const all = this.kb.guidelines;
    const missing = all.filter((g) => !this.cache.get(this.guidelineText(g)));
    const texts = [...missing.map((g) => this.guidelineText(g)), text];
    const out = await this.llm.embed(texts, budget);
    if (out.status !== 'success' || out.value.length !== texts.length) return { guidelines: lexical.slice(0, limit), usedEmbeddings: false };
    missing.forEach((g, i) => this.cache.set(this.guidelineText(g), out.value[i]!));
    this.cache.flush();
    const query = out.value.at(-1)!;
    const semantic = [...all]
      .map((g) => ({ g, score: cosine(query, this.cache.get(this.guidelineText(g)) ?? []) }))
      .sort((a, b) => b.score - a.score)
      .map((x) => x.g);
    const fused = new Map<RuntimeGuideline, number>();
    const add = (list: RuntimeGuideline[]) => list.forEach((g, rank) => fused.set(g, (fused.get(g) ?? 0) + 1 / (60 + rank)));
    add(lexical);
    add(semantic.slice(0, limit * 2));
    return { guidelines: [...fused.entries()].sort((a, b) => b[1] - a[1]).map(([g]) => g).slice(0, limit), usedEmbeddings: true };
  }
}
