import type { ReviewResult } from '../core/contract.js';

/**
 * A small LRU of review results keyed by the exact request. Identical requests are common in a chat:
 * "Review again" on an unchanged draft, Teams retrying an invoke, the compose box reopening the same
 * draft. The engine is pure, so a cached result is the result; the cache only saves the work.
 */
export class ReviewCache {
  private readonly entries = new Map<string, ReviewResult>();
  hits = 0;
  misses = 0;

  constructor(private readonly capacity = 500) {
    if (!Number.isInteger(capacity) || capacity < 0) throw new Error('capacity must be a non-negative integer');
  }

  get(key: string): ReviewResult | undefined {
    const found = this.entries.get(key);
    if (found === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.entries.delete(key); // re-insert: Map order is the recency order
    this.entries.set(key, found);
    return found;
  }

  set(key: string, value: ReviewResult): void {
    if (this.capacity === 0) return;
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
