import { LRUCache } from 'lru-cache';

/**
 * A token bucket per client: `perMinute` requests a minute on average, bursts up to `burst`. Buckets of
 * clients idle for ten minutes start full again, and the map is capped at `maxClients`: the client seen
 * least recently is forgotten first (so a flood of new clients cannot grow memory, nor evict an active one
 * before an idle one).
 */
export class RateLimiter {
  private readonly buckets: LRUCache<string, { tokens: number; at: number }>;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
    maxClients = 10_000,
  ) {
    this.buckets = new LRUCache({ max: Math.max(1, maxClients) });
  }

  /** Takes one token for `client`; returns 0 when allowed, else the seconds to wait (for Retry-After). */
  take(client: string): number {
    const t = this.now();
    const rate = this.perMinute / 60_000;
    let b = this.buckets.get(client);
    if (!b || t - b.at > 600_000) b = { tokens: this.burst, at: t };
    else b = { tokens: Math.min(this.burst, b.tokens + (t - b.at) * rate), at: t };
    if (b.tokens >= 1) {
      this.buckets.set(client, { tokens: b.tokens - 1, at: t });
      return 0;
    }
    this.buckets.set(client, b);
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }
}
