import { describe, expect, it } from 'vitest';
import { createWarmlineServer } from '../src/channels/botframework/create-server.js';
import { loadConfig } from '../src/config/app-config.js';
import { createLogger } from '../src/config/logger.js';

describe('readiness for a load balancer', () => {
  it('/readyz turns 503 once the server drains for a shutdown, while /healthz still answers', async () => {
    const app = createWarmlineServer(loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), createLogger('silent'));
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
});
