import { describe, expect, it } from 'vitest';
import { ReviewCache } from '../src/assistant/review-cache.js';
import type { ReviewResult } from '../src/core/contract.js';

const result = (id: string) => ({ id }) as unknown as ReviewResult;

describe('ReviewCache (lru-cache)', () => {
  it('keeps the most recently used results up to its capacity and counts hits and misses', () => {
    const cache = new ReviewCache(2);
    cache.set('a', result('a'));
    cache.set('b', result('b'));
    expect(cache.get('a')?.id).toBe('a'); // a is now the most recent
    cache.set('c', result('c')); // b goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')?.id).toBe('c');
    expect(cache.size).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([2, 1]);
  });
  it('capacity 0 turns it off; a bad capacity is refused', () => {
    const off = new ReviewCache(0);
    off.set('a', result('a'));
    expect(off.get('a')).toBeUndefined();
    expect(off.size).toBe(0);
    expect(() => new ReviewCache(-1)).toThrow(/non-negative/);
  });
});
