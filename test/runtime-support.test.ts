import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// restify 11 pulled spdy → http-deceiver / handle-thing, which call process.binding('http_parser'): removed in
// Node 24, so the server could not start there (restify/node-restify#1984). restify 12 drops spdy; it declares
// Node 22 in `engines`, and this suite (HTTP, Direct Line, browser tests) is what shows it works on Node 20.
const require = createRequire(import.meta.url);

describe('runtime support for Node 20, 22 and 24', () => {
  it('no dependency reaches for process.binding through spdy', () => {
    for (const name of ['spdy', 'http-deceiver', 'handle-thing']) expect(() => require.resolve(name)).toThrow();
  });
  it('restify is 12 or newer', () => {
    const version = (require('restify/package.json') as { version: string }).version;
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(12);
  });
});
