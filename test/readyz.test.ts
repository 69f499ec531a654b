import { describe, expect, it } from 'vitest';
import { createWarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';
import { openDatabase } from '../src/store/database.js';
import { testKnowledgeBase } from './kb-fixture.js';

describe('readiness for a load balancer', () => {
  it('/readyz turns 503 once the server drains for a shutdown, while /healthz still answers', async () => {
    const app = createWarmlineServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent', STORAGE: 'memory' }), createLogger('silent'));
    const base = await app.listen();
    try {
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      app.drain();
      const draining = await fetch(`${base}/readyz`);
      expect(draining.status).toBe(503);
      expect(await draining.json()).toEqual({ status: 'draining' });
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('/readyz says which database serves the state, and 503 once it stops answering', async () => {
    const database = await openDatabase({ dataDir: 'memory://' });
    const app = createWarmlineServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), createLogger('silent'), await testKnowledgeBase(), undefined, database);
    const base = await app.listen();
    try {
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', database: 'pglite' });
      await database.close();
      const down = await fetch(`${base}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: 'database unreachable', database: 'pglite' });
    } finally {
      await app.close();
    }
  }, 60_000);

  it('STORAGE=database without an open database is a clear start-up error', () => {
    expect(() => createWarmlineServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), createLogger('silent'))).toThrow(/STORAGE=database needs an open database/);
  });
});
