import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../src/core/paths.js';

// `npm start` as a user runs it: the built entry, offline, on a free port; then SIGTERM.
const entry = join(projectRoot(), 'dist', 'src', 'channels', 'botframework', 'main.js');

describe('server lifecycle', () => {
  // Built by `npm test` (it runs the build first); run alone, say so rather than skip silently.
  beforeAll(() => {
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first (npm test does it)`);
  });

  /** Starts the built server; resolves with its start-up line, and a stop that sends SIGTERM and resolves with the exit code. */
  async function start(extra: Record<string, string>) {
    const env = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', OPENAI_API_KEY: '', AZURE_OPENAI_API_KEY: '', DATABASE_URL: '', ...extra };
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const started = await new Promise<Record<string, unknown>>((resolve, reject) => {
      // A generous limit, not a timing check: a fresh embedded database runs initdb in WASM, which took 12-16 s on a
      // shared 2-core machine while other test runs were going (and well under 5 s alone).
      const timer = setTimeout(() => reject(new Error('no start-up line in 45 s')), 45_000);
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const entryLine = JSON.parse(line) as Record<string, unknown>;
        if (typeof entryLine.url === 'string') {
          clearTimeout(timer);
          resolve(entryLine);
        }
      });
    });
    const stop = async () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      return exited;
    };
    return { started, stop };
  }

  it('starts offline, says so, serves /healthz, and exits cleanly on SIGTERM', async () => {
    const { started, stop } = await start({ STORAGE: 'memory' });
    expect(String(started.mode)).toMatch(/^offline/);
    const health = (await (await fetch(`${String(started.url)}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', mode: 'offline' });
    expect(await stop()).toBe(0);
  }, 20_000);

  it('with no storage setting keeps state in embedded PGlite under DATA_DIR, and starts again on the same files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'warmline-data-'));
    try {
      for (let round = 0; round < 2; round++) {
        const { started, stop } = await start({ DATA_DIR: dataDir });
        expect(String(started.storage)).toMatch(/^pglite/);
        const ready = await fetch(`${String(started.url)}/readyz`);
        expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
        expect(await stop()).toBe(0);
      }
      expect(readdirSync(join(dataDir, 'pglite')).length).toBeGreaterThan(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
