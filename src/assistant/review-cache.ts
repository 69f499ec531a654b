import { LRUCache } from 'lru-cache';
import type { ReviewResult } from '../core/contract.js';

/**
 * Review results keyed by the exact request, least recently used first out (lru-cache). Identical requests
 * are common in a chat: "Review again" on an unchanged draft, Teams retrying an invoke, the compose box
 * reopening the same draft. The engine is pure, so a cached result is the result; the cache only saves work.
 */
export class ReviewCache {
  private readonly entries: LRUCache<string, ReviewResult> | null;
  hits = 0;
  misses = 0;

  constructor(capacity = 500) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new Error('capacity must be a non-negative integer');
    this.entries = capacity > 0 ? new LRUCache({ max: capacity }) : null;
  }

  get(key: string): ReviewResult | undefined {
    const found = this.entries?.get(key);
    if (found === undefined) this.misses++;
    else this.hits++;
    return found;
  }

  set(key: string, value: ReviewResult): void {
    this.entries?.set(key, value);
  }

  /** Forgets every result (the knowledge base they came from was replaced). */
  clear(): void {
    this.entries?.clear();
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
