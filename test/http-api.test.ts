import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKeyStore } from '../src/channels/http-api/api-keys.js';
import { RateLimiter } from '../src/channels/rate-limit.js';
import { createWarmlineServer, type WarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const keysFile = join(mkdtempSync(join(tmpdir(), 'warmline-keys-')), 'api-keys.json');
let app: WarmlineServer;
let base: string;
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

beforeAll(async () => {
  app = createWarmlineServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', STORAGE: 'memory', API_KEYS_FILE: keysFile, API_RATE_PER_MINUTE: '600', API_RATE_BURST: '40' }), createLogger('silent'));
  base = await app.listen();
});
afterAll(() => app.close());

describe('HTTP API: the review contract for helpdesk tools', () => {
  it('with no key created, this machine may call: POST /api/v1/review answers the contract', async () => {
    const res = await post('/api/v1/review', { id: 'z-1', draft: "Sorry, that's not my department.", lang: 'en' });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Json;
    expect(body).toMatchObject({ id: 'z-1', lang: 'en', verdict: 'revise' });
    expect(body.findings.map((f: Json) => f.rule)).toContain('not-my-department');
  });

  it('review:batch answers every request in order, an error per item that cannot be reviewed, at most 100', async () => {
    const res = await post('/api/v1/review:batch', { requests: [{ id: 'a', draft: 'Nope.' }, { id: 'b', draft: '' }, { id: 'c', draft: 'Hi Anna, I have refunded order 4471 today and will email you the receipt by 5 pm.' }] });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as Json;
    expect(results.map((r: Json) => r.id)).toEqual(['a', 'b', 'c']);
    expect(results[1]).toEqual({ id: 'b', error: 'the draft is empty: there is nothing to review' });
    const tooMany = await post('/api/v1/review:batch', { requests: Array.from({ length: 101 }, () => ({ draft: 'x' })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.headers.get('content-type')).toContain('application/problem+json');
  });

  it('bad input is a problem+json 400, never a 500: empty draft, binary, malformed JSON', async () => {
    for (const body of [{ draft: '' }, { draft: '\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010' }, '{"draft": ']) {
      const res = await post('/api/v1/review', body);
      expect(res.status).toBe(400);
      const problem = (await res.json()) as Json;
      expect(problem).toMatchObject({ status: 400 });
    }
  });

  it('GET /api/v1/guidance answers a question; the OpenAPI document describes all three', async () => {
    const res = await fetch(`${base}/api/v1/guidance?q=${encodeURIComponent('transfers')}&lang=en`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).guidelines[0].rule).toBe('transfer-runaround');
    const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as Json;
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/review', '/api/v1/review:batch', '/api/v1/guidance']);
  });

  it('once a key exists it is required; a revoked key stops working at once', async () => {
    const store = new ApiKeyStore(keysFile);
    const { id, key } = await store.create('acme');
    expect((await post('/api/v1/review', { draft: 'Nope.' })).status).toBe(401);
    expect((await post('/api/v1/review', { draft: 'Nope.' }, { Authorization: 'Bearer wl_forged_key' })).status).toBe(401);
    expect((await post('/api/v1/review', { draft: 'Nope.' }, { Authorization: `Bearer ${key}` })).status).toBe(200);
    await store.revoke(id);
    expect((await post('/api/v1/review', { draft: 'Nope.' }, { Authorization: `Bearer ${key}` })).status).toBe(401);
  });
});

describe('rate limits', () => {
  it('a client over its budget gets 429 with Retry-After; others are not affected', () => {
    let t = 0;
    const limiter = new RateLimiter(60, 3, () => t);
    expect([1, 2, 3].map(() => limiter.take('a'))).toEqual([0, 0, 0]);
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0);
    t += 1000;
    expect(limiter.take('a')).toBe(0);
  });

  it('remembers at most maxClients buckets, forgetting the client seen least recently first', () => {
    const limiter = new RateLimiter(60, 1, () => 0, 2);
    expect([limiter.take('a'), limiter.take('a')]).toEqual([0, 1]);
    expect([limiter.take('b'), limiter.take('b')]).toEqual([0, 1]);
    expect(limiter.take('a')).toBe(1); // a is now the client seen last
    expect(limiter.take('c')).toBe(0); // full: b goes, not a
    expect(limiter.take('a')).toBe(1);
    expect(limiter.take('b')).toBe(0); // forgotten, so its bucket starts full again
  });

  it('the server answers 429 with Retry-After past the burst', async () => {
    const store = new ApiKeyStore(keysFile);
    const { key } = await store.create('burst-test');
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await fetch(`${base}/api/v1/guidance?q=x`, { headers: { Authorization: `Bearer ${key}` } })).status);
    expect(statuses).toContain(429);
    const limited = await fetch(`${base}/api/v1/guidance?q=x`, { headers: { Authorization: `Bearer ${key}` } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});
